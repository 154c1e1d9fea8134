// The `tonelint` executable: parse the command line, dispatch, set the exit code. Heavy modules
// (the engine, YAML, SARIF, diff, the language server) are imported only by runs that use them.
import { readFileSync } from 'node:fs';
import { CommanderError } from 'commander';
import { createProgram, toRunOptions } from './options.js';
import { Problems } from './problems.js';
import type { CliIO } from './run.js';

export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  if (argv[0] === 'lsp') return startLanguageServer(argv.slice(1), io);

  const program = createProgram(io.version).configureOutput({
    writeOut: (text) => io.stdout.write(text),
    writeErr: (text) => io.stderr.write(text),
    outputError: (text, write) => write(text.startsWith('error:') ? `tonelint: ${text}` : text),
  });
  try {
    program.parse([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and --version exit 0; every usage mistake is exit 2, as for ESLint.
      if (error.exitCode !== 0) io.stderr.write('Run tonelint --help for usage.\n');
      return error.exitCode === 0 ? 0 : 2;
    }
    throw error;
  }

  const raw = program.opts();
  const options = toRunOptions(program.args, raw);
  const problems = new Problems(io.stderr, io.cwd, Boolean(raw.debug));
  if (typeof options === 'string') {
    io.stderr.write(`tonelint: error: ${options}\nRun tonelint --help for usage.\n`);
    return 2;
  }

  try {
    if (options.init) {
      const { initCommand } = await import('./commands.js');
      return await initCommand(io, problems);
    }
    const needsEngine = options.listRules || options.explain !== undefined || options.printConfig !== undefined || options.stdin || options.inputs.length > 0;
    if (!needsEngine) {
      io.stderr.write(program.helpInformation());
      io.stderr.write('\ntonelint: error: no files, directories or globs given (use - or --stdin to read standard input).\n');
      return 2;
    }
    const engine = await import('../index.js');
    if (options.listRules || options.explain !== undefined || options.printConfig !== undefined) {
      const commands = await import('./commands.js');
      if (options.listRules) return commands.listRulesCommand(engine, options.format, io);
      if (options.explain !== undefined) return commands.explainCommand(engine, options.explain, options.format, io, problems);
      return await commands.printConfigCommand(engine, options.printConfig!, options.config, io, problems);
    }
    const { lintCommand } = await import('./run.js');
    return await lintCommand(options, io, engine, problems);
  } catch (error) {
    problems.fail(error);
    return 2;
  } finally {
    problems.flush();
  }
}

async function startLanguageServer(args: readonly string[], io: CliIO): Promise<number> {
  const unsupported = args.filter((arg) => arg !== '--stdio' && !arg.startsWith('--clientProcessId'));
  if (unsupported.length > 0) {
    io.stderr.write(`tonelint: error: tonelint lsp only speaks over standard input/output (--stdio); got ${unsupported.join(' ')}\n`);
    return 2;
  }
  const { startServer } = await import('../lsp/main.js');
  startServer();
  // The server keeps the process alive; its exit code is set when the client disconnects.
  return new Promise<number>(() => undefined);
}

export function packageVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

/** Runs the CLI in this process: the entry `bin/tonelint.js` calls. */
export async function runCli(): Promise<void> {
  // `tonelint ... | head` closes the pipe early: that is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  const io: CliIO = {
    cwd: process.cwd(),
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
    // Node makes process.stdin (a stream, with the modules behind it) on first access: only a run
    // that reads standard input pays for it.
    get stdin() {
      return process.stdin;
    },
    version: packageVersion(),
  };
  process.exitCode = await main(process.argv.slice(2), io);
}
