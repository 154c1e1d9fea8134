// Many files at once: worker threads lint files beside the main thread, which keeps the report
// order (results are placed by input index), the exit code (problems are replayed in file order)
// and --fix (each file is read, fixed and written by the thread that lints it) as they were.
// Small runs stay in one thread: a worker pays its own start-up (loading the engine and the rule
// packs, ~0.2 s of CPU), which only pays off over enough text.
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { LintConfig } from '../core/config.js';
import type { InputFile } from '../node/files.js';
import type { RunOptions } from './options.js';
import type { RecordedProblems } from './problems.js';
import type { Outcome } from './run.js';

/** Below this much text a run stays in one thread. */
export const poolMinBytes = 256 * 1024;
/** Below this many files a run stays in one thread. */
export const poolMinFiles = 4;
/**
 * Below this many cores a run stays in one thread unless TONELINT_WORKERS says otherwise. On 2
 * cores one lint thread already keeps ~1.5 cores busy (V8's GC and compiler threads), and a
 * second thread's own warm-up cost more than it saved: the 200-file tree took 1.23x as long
 * with 2 threads as with 1 (bench/RESULTS.md; CPU 6.0 s vs 4.8 s).
 */
export const poolMinCores = 3;

export interface LintTask {
  file: InputFile;
  config: LintConfig;
  options: RunOptions;
  cwd: string;
}

export interface LintTaskResult {
  outcome: Outcome;
  problems: RecordedProblems;
}

/**
 * How many threads lint (the main thread counts as one): 1 means no pool. TONELINT_WORKERS
 * overrides the choice (the bench compares 1 and N); otherwise one per core for enough text on
 * a machine with enough cores.
 */
export function lintThreads(fileCount: number, totalBytes: number, env: NodeJS.ProcessEnv): number {
  const forced = env.TONELINT_WORKERS !== undefined && env.TONELINT_WORKERS !== '' ? Number.parseInt(env.TONELINT_WORKERS, 10) : Number.NaN;
  if (Number.isInteger(forced) && forced >= 1) return Math.min(forced, Math.max(fileCount, 1));
  const cores = availableParallelism();
  if (cores < poolMinCores || fileCount < poolMinFiles || totalBytes < poolMinBytes) return 1;
  return Math.min(cores, fileCount);
}

/**
 * Runs every task, `threads - 1` of them at a time in workers and the rest in this thread via
 * `lintHere`; resolves with the results in task order. A worker that dies fails its task
 * (reported as a problem for that file) and the run goes on in the remaining threads.
 */
export async function lintInPool(
  tasks: readonly LintTask[],
  threads: number,
  lintHere: (task: LintTask) => Promise<LintTaskResult>,
): Promise<LintTaskResult[]> {
  const results = new Array<LintTaskResult>(tasks.length);
  let next = 0;
  const workerUrl = new URL('./lint-worker.js', import.meta.url);
  // Loaded only when a pool runs: a start-up that lints in one thread does not pay for it.
  const { Worker } = await import('node:worker_threads');

  const runWorker = async (): Promise<void> => {
    const worker = new Worker(workerUrl);
    try {
      while (next < tasks.length) {
        const index = next++;
        const result = await ask(worker, tasks[index]);
        results[index] = result.answer;
        // A dead worker takes no more files; the other threads finish the run.
        if (!result.alive) return;
      }
    } finally {
      await worker.terminate();
    }
  };
  // The main thread lints too, yielding between files so the workers' replies are read promptly.
  const runHere = async (): Promise<void> => {
    while (next < tasks.length) {
      const index = next++;
      results[index] = await lintHere(tasks[index]);
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  await Promise.all([runHere(), ...Array.from({ length: threads - 1 }, runWorker)]);
  return results;
}

function ask(worker: Worker, task: LintTask): Promise<{ answer: LintTaskResult; alive: boolean }> {
  return new Promise((resolve) => {
    const done = (answer: LintTaskResult, alive: boolean): void => {
      worker.off('message', onMessage);
      worker.off('error', onFailure);
      worker.off('exit', onFailure);
      resolve({ answer, alive });
    };
    const onMessage = (answer: LintTaskResult): void => done(answer, true);
    const onFailure = (error?: Error | number): void => {
      const why = error instanceof Error ? error.message : `the lint thread exited (${String(error)})`;
      done({ outcome: {}, problems: { entries: [{ line: `tonelint: error: internal error while linting ${task.file.path}: ${why}` }], failed: true } }, false);
    };
    worker.on('message', onMessage);
    worker.on('error', onFailure);
    worker.on('exit', onFailure);
    worker.postMessage(task);
  });
}
