// Errors and warnings for stderr: one line each, naming the file (and line), printed once, in
// a stable order; a stack trace only with --debug.
import { isAbsolute, relative, sep } from 'node:path';
import { TonelintError } from '../core/errors.js';
import { ConfigErrors } from '../node/config.js';

interface Entry {
  line: string;
  stack?: string;
}

/** What a worker thread recorded for one file, structured-cloned to the main thread. */
export interface RecordedProblems {
  entries: Entry[];
  failed: boolean;
}

export class Problems {
  /** True once any error (exit code 2) has been recorded, here or in a child. */
  get failed(): boolean {
    return this.#failed || this.#children.some((child) => child.failed);
  }

  readonly #stderr: NodeJS.WritableStream;
  readonly #cwd: string;
  readonly #debug: boolean;
  #failed = false;
  #entries: Entry[] = [];
  #children: Problems[] = [];
  readonly #printed: Set<string>;

  constructor(stderr: NodeJS.WritableStream, cwd: string, debug: boolean, printed = new Set<string>()) {
    this.#stderr = stderr;
    this.#cwd = cwd;
    this.#debug = debug;
    this.#printed = printed;
  }

  /** A buffer for one file's problems, printed in the order children were created. */
  child(): Problems {
    const child = new Problems(this.#stderr, this.#cwd, this.#debug, this.#printed);
    this.#children.push(child);
    return child;
  }

  warn(warning: TonelintError): void {
    this.#entries.push({ line: `tonelint: warning: ${this.#describe(warning)}` });
  }

  /** Records an error; `context` prefixes errors that are not `TonelintError`s (bugs). */
  fail(error: unknown, context?: string): void {
    this.#failed = true;
    if (error instanceof ConfigErrors) {
      for (const each of error.errors) this.fail(each);
      return;
    }
    const stack = this.#debug && error instanceof Error ? error.stack : undefined;
    const text =
      error instanceof TonelintError
        ? this.#describe(error)
        : `${context ?? 'internal error'}: ${error instanceof Error ? error.message : String(error)}${this.#debug ? '' : ' (--debug shows the stack trace)'}`;
    this.#entries.push({ line: `tonelint: error: ${text}`, stack });
  }

  debug(text: string): void {
    if (this.#debug) this.#stderr.write(`tonelint: debug: ${text}\n`);
  }

  /** What was recorded here (not in children), for a worker thread to send to the main thread. */
  recorded(): RecordedProblems {
    return { entries: [...this.#entries], failed: this.#failed };
  }

  /** Takes over what a worker recorded, as if it had been recorded here. */
  absorb(recorded: RecordedProblems): void {
    this.#entries.push(...recorded.entries);
    if (recorded.failed) this.#failed = true;
  }

  /** Prints what was recorded so far (children included) and forgets it. */
  flush(): void {
    for (const entry of this.#entries) {
      if (this.#printed.has(entry.line)) continue;
      this.#printed.add(entry.line);
      this.#stderr.write(`${entry.line}\n`);
      if (entry.stack) this.#stderr.write(`${entry.stack}\n`);
    }
    this.#entries = [];
    for (const child of this.#children) child.flush();
  }

  #describe(error: TonelintError): string {
    const file = error.file && isAbsolute(error.file) ? shortPath(error.file, this.#cwd) : error.file;
    return file ? `${file}${error.line ? `:${error.line}` : ''}: ${error.message}` : error.message;
  }
}

function shortPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return path;
  return sep === '/' ? rel : rel.split(sep).join('/');
}
