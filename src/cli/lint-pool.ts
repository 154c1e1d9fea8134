// Many files at once: worker threads lint files beside the main thread, which keeps the report
// order (results are placed by input index), the exit code (problems are replayed in file order)
// and --fix (each file is read, fixed and written by the thread that lints it) as they were.
// Small runs stay in one thread: a worker pays its own start-up (loading the engine and the rule
// packs, ~0.2 s of CPU), which only pays off over enough text.
import { availableParallelism } from 'node:os';
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
 * cores one lint thread already keeps ~1.5 cores busy (V8's GC and compiler threads), so a second
 * thread does not pay: the 200-file tree took 2.64-2.80 s with 2 threads against 2.3-2.5 s with 1
 * by hand (2026-12-07, after the workers stopped waiting between files), 0.94x in the bench, which
 * is within its noise. Two processes linting half the tree each take as long: the limit is the
 * cores, not the pool.
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

/** Tasks sent to a worker ahead of its reply, so it never waits while the main thread lints a file. */
const inFlightPerWorker = 2;

/**
 * Runs every task, `threads - 1` of them at a time in workers and the rest in this thread via
 * `lintHere`; resolves with the results in task order. A worker that dies fails the task it was
 * linting (reported as a problem for that file); the tasks queued behind it go back to the other
 * threads, and the run goes on.
 */
export async function lintInPool(
  tasks: readonly LintTask[],
  threads: number,
  lintHere: (task: LintTask) => Promise<LintTaskResult>,
  workerUrl: URL = new URL('./lint-worker.js', import.meta.url),
): Promise<LintTaskResult[]> {
  const results = new Array<LintTaskResult>(tasks.length);
  let next = 0;
  // Tasks a dead worker was sent but never started; taken before new ones.
  const returned: number[] = [];
  const take = (): number | undefined => returned.shift() ?? (next < tasks.length ? next++ : undefined);
  // Loaded only when a pool runs: a start-up that lints in one thread does not pay for it.
  const { Worker } = await import('node:worker_threads');

  const runWorker = async (): Promise<void> => {
    const worker = new Worker(workerUrl);
    // Sent and not yet answered, oldest first: the worker lints them in this order.
    const sent: number[] = [];
    await new Promise<void>((resolve) => {
      let finished = false;
      const finish = (): void => {
        if (finished) return;
        finished = true;
        worker.off('message', onMessage);
        worker.off('error', onFailure);
        worker.off('exit', onFailure);
        resolve();
      };
      const fill = (): void => {
        while (sent.length < inFlightPerWorker) {
          const index = take();
          if (index === undefined) break;
          sent.push(index);
          worker.postMessage({ index, task: tasks[index] } satisfies WorkerRequest);
        }
        if (sent.length === 0) finish();
      };
      const onMessage = (reply: WorkerReply): void => {
        results[reply.index] = reply.result;
        sent.splice(sent.indexOf(reply.index), 1);
        fill();
      };
      const onFailure = (error?: Error | number): void => {
        const why = error instanceof Error ? error.message : `the lint thread exited (${String(error)})`;
        const [running, ...queued] = sent;
        if (running !== undefined) results[running] = failedTask(tasks[running], why);
        returned.push(...queued);
        finish();
      };
      worker.on('message', onMessage);
      worker.on('error', onFailure);
      worker.on('exit', onFailure);
      fill();
    });
    await worker.terminate();
  };
  // The main thread lints too, yielding between files so the workers' replies are read promptly.
  const runHere = async (): Promise<void> => {
    for (let index = take(); index !== undefined; index = take()) {
      results[index] = await lintHere(tasks[index]);
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  await Promise.all([runHere(), ...Array.from({ length: threads - 1 }, runWorker)]);
  // A worker that died after this thread ran out of work leaves its queued tasks here.
  await runHere();
  return results;
}

/** One task for a worker, and its answer: `index` places the result in task order. */
export interface WorkerRequest {
  index: number;
  task: LintTask;
}

export interface WorkerReply {
  index: number;
  result: LintTaskResult;
}

function failedTask(task: LintTask, why: string): LintTaskResult {
  return { outcome: {}, problems: { entries: [{ line: `tonelint: error: internal error while linting ${task.file.path}: ${why}` }], failed: true } };
}
