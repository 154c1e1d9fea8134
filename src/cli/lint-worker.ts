// One lint thread of the pool (see lint-pool.ts): loads the engine once, then lints, fixes and
// writes one file per message, exactly as the main thread would.
import { Writable } from 'node:stream';
import { parentPort } from 'node:worker_threads';
import type { WorkerReply, WorkerRequest } from './lint-pool.js';
import { Problems } from './problems.js';
import { lintFileTask } from './run.js';

const engine = await import('../index.js');
// Problems are sent back as lines; nothing is printed from here.
const discard = new Writable({ write: (_chunk, _encoding, callback) => callback() });

// The pool sends a task or two ahead; they are linted one after another, in the order sent. A
// task that throws rejects the chain, which ends the thread: the pool reports that file and hands
// the tasks queued behind it to the other threads.
let queue = Promise.resolve();
parentPort?.on('message', ({ index, task }: WorkerRequest) => {
  queue = queue.then(async () => {
    const result = await lintFileTask(task, engine, new Problems(discard, task.cwd, task.options.debug));
    parentPort?.postMessage({ index, result } satisfies WorkerReply);
  });
});
