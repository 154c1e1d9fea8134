// One lint thread of the pool (see lint-pool.ts): loads the engine once, then lints, fixes and
// writes one file per message, exactly as the main thread would.
import { Writable } from 'node:stream';
import { parentPort } from 'node:worker_threads';
import type { LintTask, LintTaskResult } from './lint-pool.js';
import { Problems } from './problems.js';
import { lintFileTask } from './run.js';

const engine = await import('../index.js');
// Problems are sent back as lines; nothing is printed from here.
const discard = new Writable({ write: (_chunk, _encoding, callback) => callback() });

parentPort?.on('message', async (task: LintTask) => {
  const result: LintTaskResult = await lintFileTask(task, engine, new Problems(discard, task.cwd, task.options.debug));
  parentPort?.postMessage(result);
});
