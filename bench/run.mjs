#!/usr/bin/env node
// `npm run bench` (after `npm run build`): tonelint side by side with alex 11 on the shared
// corpora, in one run, printed and written to bench/RESULTS.md. Plain JS over the built dist/.
//
// Environment knobs (defaults in brackets):
//   BENCH_RUNS [5]          whole-process runs per command (median, min-max reported)
//   BENCH_SCALE_RUNS [3]    runs per size in the scaling table
//   BENCH_ALEX_CAP_S [120]  wall-clock cap for alex on the 4 MB input (run once; reported as "> cap")
//   BENCH_LSP_EDITS [1000]  one-character edits sent to the language server
//   BENCH_NO_ALEX=1         skip alex (no registry access needed beyond the corpora)
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
process.chdir(ROOT);

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const SCALE_RUNS = Number(process.env.BENCH_SCALE_RUNS ?? 3);
const ALEX_CAP_S = Number(process.env.BENCH_ALEX_CAP_S ?? 120);
const LSP_EDITS = Number(process.env.BENCH_LSP_EDITS ?? 1000);
const WITH_ALEX = process.env.BENCH_NO_ALEX !== '1';

const SHARED = join(ROOT, 'bench', 'corpus-tools');
const CORPORA = 'bench/corpora';
const PEERS = 'bench/peers';
const ALEX = join(PEERS, 'node_modules', '.bin', 'alex');
const GNU_TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
const RSS_FILE = join(os.tmpdir(), `tonelint-bench-rss-${process.pid}`);
const startedAt = new Date();
const loadBefore = os.loadavg();

const log = (line) => process.stderr.write(`${line}\n`);

// ------------------------------------------------------------------ inputs

function ensureCorpora() {
  const needed = ['small.md', 'medium.md', 'large.md', 'many'];
  if (needed.every((name) => existsSync(join(CORPORA, name)))) return;
  if (!existsSync(join(SHARED, 'make-corpora.mjs'))) throw new Error(`missing ${join(SHARED, 'make-corpora.mjs')}`);
  log('generating corpora (npm pack of 35 pinned packages) ...');
  execFileSync(process.execPath, [join(SHARED, 'make-corpora.mjs')], { stdio: ['ignore', 'inherit', 'inherit'] });
}

function ensurePeers() {
  if (!WITH_ALEX || existsSync(ALEX)) return;
  log('installing alex@11.0.1 into bench/peers (its own node_modules) ...');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const verb = existsSync(join(PEERS, 'package-lock.json')) ? 'ci' : 'install';
  execFileSync(npm, [verb, '--prefix', PEERS, '--no-audit', '--no-fund'], { stdio: ['ignore', 'inherit', 'inherit'] });
}

/** 10 KB and 100 KB slices of large.md cut at a blank line, and 4 MB = large.md four times. */
function ensureScaleInputs() {
  const dir = join(CORPORA, 'scale');
  mkdirSync(dir, { recursive: true });
  const large = readFileSync(join(CORPORA, 'large.md'), 'utf8');
  const slice = (bytes) => {
    const cut = large.lastIndexOf('\n\n', bytes);
    return large.slice(0, cut > 0 ? cut + 1 : bytes);
  };
  const inputs = [
    ['10 KB', join(dir, '10k.md'), () => slice(10_000)],
    ['100 KB', join(dir, '100k.md'), () => slice(100_000)],
    ['1 MB', join(CORPORA, 'large.md'), undefined],
    ['4 MB', join(dir, '4m.md'), () => large.repeat(4)],
  ];
  for (const [, path, make] of inputs) if (make) writeFileSync(path, make());
  return inputs.map(([label, path]) => ({ label, path, bytes: statSync(path).size }));
}

// ------------------------------------------------------------------ measuring processes

/** One process: wall ms (hrtime around the spawn), user+sys CPU s and peak RSS KB (GNU time or the preload). */
function measure(command, args, { timeoutMs, env: extraEnv } = {}) {
  rmSync(RSS_FILE, { force: true });
  const env = { ...process.env, ...extraEnv };
  let file = command;
  let argv = args;
  if (GNU_TIME) {
    file = GNU_TIME;
    argv = ['-f', '%U %S %M', '-o', RSS_FILE, command, ...args];
  } else {
    env.TONELINT_BENCH_RSS = RSS_FILE;
    env.NODE_OPTIONS = `${env.NODE_OPTIONS ?? ''} --import=${new URL('./maxrss-preload.mjs', import.meta.url).href}`;
  }
  const started = process.hrtime.bigint();
  const result = spawnSync(file, argv, { env, stdio: ['ignore', 'ignore', 'pipe'], timeout: timeoutMs, maxBuffer: 64 << 20 });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  const timedOut = result.error?.code === 'ETIMEDOUT' || result.signal === 'SIGTERM';
  const stats = existsSync(RSS_FILE) ? readFileSync(RSS_FILE, 'utf8').trim().split('\n') : [];
  let cpuS;
  let rssKb;
  if (GNU_TIME) {
    const last = stats.at(-1)?.split(' ').map(Number) ?? [];
    if (last.length === 3 && last.every(Number.isFinite)) [cpuS, rssKb] = [last[0] + last[1], last[2]];
  } else {
    const values = stats.map(Number).filter(Number.isFinite);
    if (values.length > 0) rssKb = Math.max(...values);
  }
  const status = result.status;
  // tonelint and alex exit 1 when they report findings; 2+ or a signal is a failure.
  const ok = !timedOut && (status === 0 || status === 1);
  if (!ok && !timedOut) log(`  ! ${command} ${args.join(' ')} exited ${status ?? result.signal}: ${String(result.stderr).trim().split('\n').slice(-3).join(' | ')}`);
  return { wallMs, cpuS, rssKb, ok, timedOut };
}

function summarize(samples) {
  const good = samples.filter((s) => s.ok);
  if (good.length === 0) return { n: 0, timedOut: samples.some((s) => s.timedOut) };
  const med = (xs) => {
    const sorted = [...xs].sort((a, b) => a - b);
    return sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
  };
  const walls = good.map((s) => s.wallMs);
  const cpus = good.map((s) => s.cpuS).filter((x) => x !== undefined);
  const rss = good.map((s) => s.rssKb).filter((x) => x !== undefined);
  return {
    n: good.length,
    wall: med(walls),
    wallMin: Math.min(...walls),
    wallMax: Math.max(...walls),
    cpu: cpus.length ? med(cpus) : undefined,
    rssKb: rss.length ? Math.max(...rss) : undefined,
  };
}

/** Runs every command `runs` times, round-robin, so load on a shared machine hits all of them alike. */
function runRounds(commands, runs) {
  const samples = new Map(commands.map((c) => [c.id, []]));
  for (let round = 1; round <= runs; round++) {
    log(`  round ${round}/${runs}`);
    for (const c of commands) samples.get(c.id).push(measure(c.command, c.args, c));
  }
  return new Map([...samples].map(([id, xs]) => [id, summarize(xs)]));
}

function nodeScript(script, args, { json = true, nodeArgs = [] } = {}) {
  const out = execFileSync(process.execPath, [...nodeArgs, script, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 << 20 });
  return json ? JSON.parse(out.trim().split('\n').at(-1)) : out;
}

// ------------------------------------------------------------------ formatting

const ms = (x) => (x === undefined ? 'n/a' : x >= 10_000 ? `${(x / 1000).toFixed(1)} s` : x >= 1000 ? `${(x / 1000).toFixed(2)} s` : x >= 10 ? `${x.toFixed(0)} ms` : `${x.toFixed(2)} ms`);
const mb = (kb) => (kb === undefined ? 'n/a' : `${(kb / 1024).toFixed(0)} MB`);
const ratio = (a, b) => (a === undefined || b === undefined || b === 0 ? 'n/a' : `${(a / b).toFixed(2)}x`);
const wallCell = (s) => (s.n === 0 ? (s.timedOut ? 'timed out' : 'failed') : `${ms(s.wall)} (${ms(s.wallMin)}-${ms(s.wallMax)})`);
const cpuCell = (s) => (s.cpu === undefined ? 'n/a' : `${s.cpu.toFixed(2)} s`);
const table = (header, rows) => [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');

function gitCommit() {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no', '--', 'src', 'rules', 'scripts', 'bin'], { encoding: 'utf8' }).trim();
    return dirty ? `${head} (+ uncommitted changes in src/rules)` : head;
  } catch {
    return 'unknown';
  }
}

// ------------------------------------------------------------------ the run

ensureCorpora();
ensurePeers();
const scaleInputs = ensureScaleInputs();
const corpus = (name) => join(CORPORA, name);
const corpora = [
  { name: 'small.md', label: 'small.md (300-word memo)', path: corpus('small.md') },
  { name: 'medium.md', label: 'medium.md (5,000-word report)', path: corpus('medium.md') },
  { name: 'large.md', label: 'large.md (1 MB of READMEs)', path: corpus('large.md') },
  { name: 'many', label: 'many/ (large.md as 200 files)', path: corpus('many') },
];
for (const c of corpora) {
  c.bytes = statSync(c.path).isDirectory() ? readdirSync(c.path).reduce((n, f) => n + statSync(join(c.path, f)).size, 0) : statSync(c.path).size;
}

// The CLI when it works, else a script that calls lint() (the CLI was being built alongside this bench).
const cliProbe = spawnSync(process.execPath, ['bin/tonelint.js', corpus('small.md')], { stdio: 'ignore' });
const useCli = cliProbe.status === 0 || cliProbe.status === 1;
const tonelint = useCli ? { label: 'node bin/tonelint.js', args: ['bin/tonelint.js'] } : { label: 'node bench/lint-file.mjs (CLI unavailable)', args: ['bench/lint-file.mjs'] };
const { listRules } = await import('../dist/index.js');
const ruleCount = listRules().length;

log(`whole process: ${RUNS} rounds of node -e 0, parse floor, tonelint${WITH_ALEX ? ', alex' : ''} on ${corpora.map((c) => c.name).join(', ')}`);
const commands = [{ id: 'node', command: process.execPath, args: ['-e', '0'] }];
for (const c of corpora) {
  if (c.name !== 'many') commands.push({ id: `floor:${c.name}`, command: process.execPath, args: ['bench/parse-floor.mjs', c.path] });
  commands.push({ id: `tonelint:${c.name}`, command: process.execPath, args: [...tonelint.args, c.path] });
  // The tree in one thread (TONELINT_WORKERS=1) against a pool of one thread per core, forced: by
  // default a machine with fewer than 3 cores lints in one thread (src/cli/lint-pool.ts).
  if (useCli && c.name === 'many') {
    commands.push({ id: 'tonelint1:many', command: process.execPath, args: [...tonelint.args, c.path], env: { TONELINT_WORKERS: '1' } });
    commands.push({ id: 'tonelintN:many', command: process.execPath, args: [...tonelint.args, c.path], env: { TONELINT_WORKERS: String(os.availableParallelism()) } });
  }
  // The same run with the learned scorer off: the scorer's share of the time.
  if (useCli && (c.name === 'small.md' || c.name === 'large.md')) commands.push({ id: `noscorer:${c.name}`, command: process.execPath, args: [...tonelint.args, '-c', 'bench/no-scorer.yml', c.path] });
  if (WITH_ALEX) commands.push({ id: `alex:${c.name}`, command: ALEX, args: [c.path] });
}
const whole = runRounds(commands, RUNS);
const none = { n: 0 };
const get = (id) => whole.get(id) ?? none;

log('in-process stages: medium.md, large.md');
const stages = {
  medium: nodeScript('bench/stages.mjs', [corpus('medium.md'), '2', '5']),
  large: nodeScript('bench/stages.mjs', [corpus('large.md'), '1', '3']),
};

log('regex floor');
const regexRun = spawnSync(process.execPath, [join(SHARED, 'regex-baseline.mjs'), corpus('large.md'), join(SHARED, 'phrases.txt'), '21'], { encoding: 'utf8' });
let regexStats = {};
try {
  regexStats = JSON.parse(regexRun.stderr.trim().split('\n').at(-1));
} catch {
  log(`  ! regex floor: ${regexRun.stderr.trim()}`);
}
const regexMs = regexStats.scan_median_ms;
const regexFloor = `${regexRun.stdout.trim()} matches, warm scan median ${ms(regexMs)} (min ${ms(regexStats.scan_min_ms)}, max ${ms(regexStats.scan_max_ms)})`;

log('scaling: 10 KB, 100 KB, 4 MB (1 MB is large.md above)');
const scaling = [];
for (const input of scaleInputs) {
  if (input.label === '1 MB') {
    scaling.push({ ...input, tonelint: get('tonelint:large.md'), alex: get('alex:large.md'), floor: get('floor:large.md') });
    continue;
  }
  log(`  ${input.label}`);
  const t = [];
  const f = [];
  const a = [];
  for (let i = 0; i < SCALE_RUNS; i++) {
    t.push(measure(process.execPath, [...tonelint.args, input.path]));
    // The floor on 4 MB: once (it is as slow as tonelint and only anchors the ratio).
    if (input.label !== '4 MB' || i === 0) f.push(measure(process.execPath, ['bench/parse-floor.mjs', input.path]));
    // alex on 4 MB: once, under a cap (it grows faster than the text).
    if (WITH_ALEX && (input.label !== '4 MB' || i === 0)) a.push(measure(ALEX, [input.path], input.label === '4 MB' ? { timeoutMs: ALEX_CAP_S * 1000 } : {}));
  }
  scaling.push({ ...input, tonelint: summarize(t), floor: summarize(f), alex: WITH_ALEX ? summarize(a) : none });
}

log(`language server: ${LSP_EDITS} one-character edits in medium.md`);
let lsp;
try {
  lsp = nodeScript('bench/lsp-measure.mjs', [corpus('medium.md'), String(LSP_EDITS)], { nodeArgs: ['--expose-gc'] });
} catch (error) {
  lsp = { error: String(error.stderr || error.message).trim().split('\n').slice(-2).join(' ') };
}
const loadAfter = os.loadavg();

// ------------------------------------------------------------------ the report

const tl = (name) => get(`tonelint:${name}`);
const al = (name) => get(`alex:${name}`);
const fl = (name) => get(`floor:${name}`);
const nodeFloor = get('node');
const cpus = os.cpus();
const lines = [];
const say = (text = '') => lines.push(text);

say('# tonelint benchmark results');
say();
say('Generated by `npm run bench` (bench/run.mjs) in one run; do not edit by hand. Ratios are the headline:');
say('absolute times move with the machine and its load.');
say();
say(`- Date: ${startedAt.toISOString()}; git ${gitCommit()}; ${ruleCount} built-in rules (${stages.large.triggerKeys} trigger keys)`);
say(`- Machine: ${cpus.length} cores, ${cpus[0]?.model?.trim() ?? 'unknown CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB; ${os.type()} ${os.release()}; Node ${process.version}`);
say(`- Load average (1 min) before/after: ${loadBefore[0].toFixed(2)} / ${loadAfter[0].toFixed(2)}. Wall time counts waiting for a core, CPU time (user+sys) does not: when load exceeds the core count, compare CPU.`);
say(`- tonelint measured as \`${tonelint.label}\`; alex as \`bench/peers/node_modules/.bin/alex\` (alex@11.0.1). Peak RSS via ${GNU_TIME ? '`/usr/bin/time -f %M`' : 'process.resourceUsage().maxRSS'}.`);
say(`- Whole-process rows: median of ${RUNS} runs (min-max), commands interleaved round-robin.`);
say();

say('## Targets');
say();
const verdict = (value, limit, atMost = true) => (value === undefined || !Number.isFinite(value) ? 'n/a' : (atMost ? value <= limit : value >= limit) ? 'pass' : '**FAIL**');
const targets = [];
const T = (name, limit, atMost, wallValue, cpuValue, measured) => targets.push([name, measured, verdict(wallValue, limit, atMost), cpuValue === null ? '-' : verdict(cpuValue, limit, atMost)]);
const q = (a, b) => (a === undefined || b === undefined ? undefined : a / b);
T('1 MB: >= 8x faster than alex', 8, false, q(al('large.md').wall, tl('large.md').wall), q(al('large.md').cpu, tl('large.md').cpu),
  `alex / tonelint = ${ratio(al('large.md').wall, tl('large.md').wall)} wall, ${ratio(al('large.md').cpu, tl('large.md').cpu)} CPU`);
T('1 MB: within 1.3x of the parse floor (whole process, no rules)', 1.3, true, q(tl('large.md').wall, fl('large.md').wall), q(tl('large.md').cpu, fl('large.md').cpu),
  `tonelint / floor = ${ratio(tl('large.md').wall, fl('large.md').wall)} wall, ${ratio(tl('large.md').cpu, fl('large.md').cpu)} CPU`);
T('1 MB: peak RSS <= 150 MiB', 150, true, tl('large.md').rssKb === undefined ? undefined : tl('large.md').rssKb / 1024, null,
  `${mb(tl('large.md').rssKb)} (alex ${mb(al('large.md').rssKb)})`);
const s4 = scaling.find((s) => s.label === '4 MB').tonelint;
const s1 = tl('large.md');
T('4 MB <= 4.5x the 1 MB time', 4.5, true, q(s4.wall, s1.wall), q(s4.cpu, s1.cpu), `${ratio(s4.wall, s1.wall)} wall, ${ratio(s4.cpu, s1.cpu)} CPU`);
T('Cold start on small.md <= 3x `node -e 0`', 3, true, q(tl('small.md').wall, nodeFloor.wall), q(tl('small.md').cpu, nodeFloor.cpu),
  `${ratio(tl('small.md').wall, nodeFloor.wall)} wall (${ms(tl('small.md').wall)} vs ${ms(nodeFloor.wall)}), ${ratio(tl('small.md').cpu, nodeFloor.cpu)} CPU`);
T('200-file dir <= 1 MB file + 20%', 1.2, true, q(tl('many').wall, tl('large.md').wall), q(tl('many').cpu, tl('large.md').cpu),
  `many/ / large.md = ${ratio(tl('many').wall, tl('large.md').wall)} wall, ${ratio(tl('many').cpu, tl('large.md').cpu)} CPU`);
const many1 = get('tonelint1:many');
const manyN = get('tonelintN:many');
T(`200-file tree: ${os.availableParallelism()} threads <= 0.6x one thread`, 0.6, true, q(manyN.wall, many1.wall), null,
  `TONELINT_WORKERS=${os.availableParallelism()} / TONELINT_WORKERS=1 = ${ratio(manyN.wall, many1.wall)} wall (${ms(manyN.wall)} vs ${ms(many1.wall)}); CPU ${cpuCell(manyN)} vs ${cpuCell(many1)}`);
T('LSP p95 re-lint <= 20 ms (medium.md)', 20, true, lsp.error ? undefined : lsp.p95First100, null,
  lsp.error ? `not measured: ${lsp.error}` : `p95 ${ms(lsp.p95First100)} (first 100 edits), ${ms(lsp.p95All)} (all ${lsp.edits})`);
say(table(['Target', 'Measured', 'Verdict by median wall', 'Verdict by CPU'], targets));
say();
say('Verdicts by CPU time stand in for wall time when the machine is shared (load above the core count); wall time is what a user sees.');
say();

say('## The learned scorer\'s share');
say();
{
  const rows = [];
  for (const name of ['small.md', 'large.md']) {
    const on = get(`tonelint:${name}`);
    const off = get(`noscorer:${name}`);
    if (!on.n || !off.n) continue;
    rows.push([name, `${ms(off.wall)} (min ${ms(off.wallMin)})`, `${ms(on.wall)} (min ${ms(on.wallMin)})`, `${on.wall - off.wall >= 0 ? '+' : ''}${(on.wall - off.wall).toFixed(0)} ms (${((on.wall / off.wall - 1) * 100).toFixed(1)}%)`]);
  }
  if (rows.length) say(table(['Input', 'Scorer off (`-c bench/no-scorer.yml`)', 'Scorer on (default)', 'Cost of the scorer, medians'], rows));
  else say('Not measured (the CLI was unavailable).');
}
say();
say('## Whole process');
say();
const wholeRows = [['`node -e 0` (start-up floor)', '-', wallCell(nodeFloor), cpuCell(nodeFloor), mb(nodeFloor.rssKb), '-', '-']];
for (const c of corpora) {
  const t = tl(c.name);
  const a = al(c.name);
  wholeRows.push([`**${c.label}**, ${(c.bytes / 1024).toFixed(0)} KB`, 'tonelint', wallCell(t), cpuCell(t), mb(t.rssKb), ratio(a.wall, t.wall), ratio(t.rssKb, a.rssKb)]);
  const one = get('tonelint1:many');
  if (c.name === 'many' && one.n) wholeRows.push(['', 'tonelint, one thread (TONELINT_WORKERS=1)', wallCell(one), cpuCell(one), mb(one.rssKb), ratio(a.wall, one.wall), ratio(one.rssKb, a.rssKb)]);
  const pool = get('tonelintN:many');
  if (c.name === 'many' && pool.n) wholeRows.push(['', `tonelint, ${os.availableParallelism()} threads (TONELINT_WORKERS=${os.availableParallelism()})`, wallCell(pool), cpuCell(pool), mb(pool.rssKb), ratio(a.wall, pool.wall), ratio(pool.rssKb, a.rssKb)]);
  if (c.name !== 'many') wholeRows.push(['', 'parse floor (no rules)', wallCell(fl(c.name)), cpuCell(fl(c.name)), mb(fl(c.name).rssKb), '', '']);
  if (WITH_ALEX) wholeRows.push(['', 'alex 11.0.1', wallCell(a), cpuCell(a), mb(a.rssKb), '', '']);
}
say(table(['Input', 'Tool', 'Wall, median (min-max)', 'CPU (user+sys)', 'Peak RSS', 'alex / tonelint time', 'tonelint / alex RSS'], wholeRows));
say();
say('Parse floor = `node bench/parse-floor.mjs <file>`: Node start-up, the same remark + gfm + frontmatter + remark-retext + retext-english pipeline, no rules.');
say();

say('## In process, warm, per document');
say();
const stageRow = (name, s, key) => [name, ms(s.medium[key].median), ms(s.large[key].median), `${((100 * s.large[key].median) / s.large.stagesTotal.median).toFixed(0)}%`];
say(table(
  ['Stage', `medium.md (${(stages.medium.bytes / 1024).toFixed(0)} KB, median of 5)`, `large.md (${(stages.large.bytes / 1024).toFixed(0)} KB, median of 3)`, 'share of large'],
  [
    stageRow('parse: remark-parse + gfm + frontmatter + remark-retext + retext-english', stages, 'parse'),
    stageRow('bridge: nlcst -> paragraphs/sentences/tokens', stages, 'bridge'),
    stageRow('matching: Engine#lint (phrase index, conditions, findings)', stages, 'match'),
    stageRow('reporting: directives, vfile messages, sort', stages, 'report'),
    ['**sum of stages**', ms(stages.medium.stagesTotal.median), ms(stages.large.stagesTotal.median), '100%'],
    ['`processorFor(\'markdown\')` parse + run', ms(stages.medium.full.median), ms(stages.large.full.median), ''],
    ['`lint()`', ms(stages.medium.lint.median), ms(stages.large.lint.median), ''],
    ['lint() / parse', ratio(stages.medium.lint.median, stages.medium.parse.median), ratio(stages.large.lint.median, stages.large.parse.median), ''],
  ],
));
say();
say(`medium.md: ${stages.medium.paragraphs} paragraphs, ${stages.medium.sentences} sentences, ${stages.medium.findings} findings. large.md: ${stages.large.paragraphs} paragraphs, ${stages.large.sentences} sentences, ${stages.large.findings} findings.`);
say();
say(`Regex floor on large.md (\`node bench/corpus-tools/regex-baseline.mjs bench/corpora/large.md bench/corpus-tools/phrases.txt 21\`, 300 phrases in one alternation, warm): ${regexFloor}.`);
if (Number.isFinite(regexMs)) say(`tonelint's matching stage on large.md is ${ratio(stages.large.match.median, regexMs)} the regex floor; the whole warm lint() is ${ratio(stages.large.lint.median, regexMs)}.`);
say();

say('## Scaling (whole process)');
say();
const base = scaling.find((s) => s.label === '1 MB');
say(table(
  ['Input', 'tonelint wall', 'tonelint CPU', 'vs 1 MB (wall / CPU)', 'RSS', 'parse floor wall', 'alex wall', 'alex RSS'],
  scaling.map((s) => [
    `${s.label} (${(s.bytes / 1024).toFixed(0)} KB)`,
    wallCell(s.tonelint),
    cpuCell(s.tonelint),
    `${ratio(s.tonelint.wall, base.tonelint.wall)} / ${ratio(s.tonelint.cpu, base.tonelint.cpu)}`,
    mb(s.tonelint.rssKb),
    wallCell(s.floor),
    !WITH_ALEX ? 'skipped' : s.alex.n === 0 && s.alex.timedOut ? `> ${ALEX_CAP_S} s (capped)` : wallCell(s.alex),
    mb(s.alex.rssKb),
  ]),
));
say();
say(`${SCALE_RUNS} runs per size for tonelint; the floor and alex ${SCALE_RUNS} runs up to 100 KB and once on 4 MB (alex capped at ${ALEX_CAP_S} s). 1 MB is the large.md row above.`);
say();

say('## Language server');
say();
if (lsp.error) {
  say(`Not measured: ${lsp.error}`);
} else {
  say(table(
    ['Measure (medium.md, one-character edits, debounce 0)', 'Value'],
    [
      ['re-lint p50 / p95, first 100 edits', `${ms(lsp.p50First100)} / ${ms(lsp.p95First100)}`],
      [`re-lint p50 / p95 / max, all ${lsp.edits} edits`, `${ms(lsp.p50All)} / ${ms(lsp.p95All)} / ${ms(lsp.maxAll)}`],
      ['heap used after 10 edits / after all (after gc)', `${(lsp.heapAfter10 / 2 ** 20).toFixed(1)} MB / ${(lsp.heapAfterAll / 2 ** 20).toFixed(1)} MB`],
      ['process RSS at the end / peak', `${(lsp.rssEnd / 2 ** 20).toFixed(0)} MB / ${(lsp.maxRss / 2 ** 20).toFixed(0)} MB`],
    ],
  ));
  say();
  say('Measured by `dist/lsp/measure.js` (`measureRelintLatency`): the real server over in-memory JSON-RPC, from `didChange` to the `publishDiagnostics` of that version, 10 untimed warm-up edits first.');
}
say();

const report = `${lines.join('\n')}\n`;
writeFileSync('bench/RESULTS.md', report);
process.stdout.write(report);
rmSync(RSS_FILE, { force: true });
