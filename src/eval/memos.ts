// `npm run eval:memos`: the memo-level judgment on whole memos. For each memo: is its kind judged
// right (a cut memo missing an element gets the memo-level finding, an honest one does not; a
// benchmark-led AI announcement gets its warning, a user-value one does not), and is each element
// (acknowledgment, who decided, support) reported present or missing as the writer labelled it.
// The training split (data/memos/) is reported in full; the blind split (eval/memos-blind/) in
// aggregate only. Writes eval/MEMO-RESULTS.md.
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lint } from '../index.js';
import { readJsonl } from './jsonl.js';
import { BENCHMARK_RULE, CUT_RULE, memoElements, type MemoElement } from '../core/summary.js';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

export interface Memo {
  id: string;
  text: string;
  kind: 'cut-missing' | 'cut-honest' | 'benchmark-led' | 'user-value' | 'mixed';
  announces_cuts: boolean;
  acknowledgment: boolean;
  decision_owner: boolean;
  support: boolean;
  benchmark_led: boolean;
  user_value: boolean;
  note: string;
}

const goldElement: Record<MemoElement, (memo: Memo) => boolean> = {
  acknowledgment: (memo) => memo.acknowledgment,
  'decision-owner': (memo) => memo.decision_owner,
  support: (memo) => memo.support,
};

export interface MemoJudgement {
  memo: Memo;
  /** The memo-level verdict matches the kind (undefined for `mixed`, which has no single verdict). */
  kindRight?: boolean;
  announcesRight: boolean;
  /** Per element, for memos that announce cuts and were seen to: predicted present = gold present. */
  elements: Partial<Record<MemoElement, { gold: boolean; predicted: boolean }>>;
  ruleIds: string[];
}

export async function judgeMemo(memo: Memo): Promise<MemoJudgement> {
  const { findings, summary } = await lint(memo.text, { format: 'markdown' });
  const cutFinding = findings.some((finding) => finding.ruleId === CUT_RULE);
  const benchmarkFinding = findings.some((finding) => finding.ruleId === BENCHMARK_RULE);
  const kindRight =
    memo.kind === 'cut-missing' ? cutFinding : memo.kind === 'cut-honest' ? !cutFinding : memo.kind === 'benchmark-led' ? benchmarkFinding : memo.kind === 'user-value' ? !benchmarkFinding : undefined;
  const elements: MemoJudgement['elements'] = {};
  if (memo.announces_cuts) {
    for (const element of memoElements) {
      elements[element] = { gold: goldElement[element](memo), predicted: summary.elements?.[element].present ?? false };
    }
  }
  return { memo, kindRight, announcesRight: summary.announcesCuts === memo.announces_cuts, elements, ruleIds: [...new Set(findings.map((finding) => finding.ruleId))] };
}

/** One writer's JSONL file of memos. */
export function readMemoFile(path: string): Memo[] {
  return readJsonl<Memo>(path);
}

export function readMemos(dir: string): Memo[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.jsonl'))
    .sort()
    .flatMap((name) => readMemoFile(join(dir, name)));
}

const pct = (right: number, total: number) => (total === 0 ? 'n/a' : `${((100 * right) / total).toFixed(1)}% (${right}/${total})`);

export function memoTable(name: string, judgements: MemoJudgement[]): string[] {
  const lines = [`### ${name}: ${judgements.length} memos`, '', '| measure | result |', '| --- | --- |'];
  for (const kind of ['cut-missing', 'cut-honest', 'benchmark-led', 'user-value'] as const) {
    const of = judgements.filter((j) => j.memo.kind === kind);
    lines.push(`| ${kind}: judged right | ${pct(of.filter((j) => j.kindRight).length, of.length)} |`);
  }
  lines.push(`| announces cuts or not, as labelled | ${pct(judgements.filter((j) => j.announcesRight).length, judgements.length)} |`);
  const pairs = judgements.flatMap((j) => Object.values(j.elements));
  lines.push(`| (memo, element) pairs reported right | ${pct(pairs.filter((p) => p!.gold === p!.predicted).length, pairs.length)} |`);
  for (const element of memoElements) {
    const of = judgements.flatMap((j) => (j.elements[element] ? [j.elements[element]!] : []));
    lines.push(`| ${element} reported right | ${pct(of.filter((p) => p.gold === p.predicted).length, of.length)} |`);
  }
  return lines;
}

function misses(judgements: MemoJudgement[]): string[] {
  const lines: string[] = [];
  for (const j of judgements) {
    const wrong = Object.entries(j.elements).filter(([, p]) => p!.gold !== p!.predicted).map(([element, p]) => `${element} ${p!.gold ? 'missed' : 'false'}`);
    if (j.kindRight === false || !j.announcesRight || wrong.length > 0) {
      lines.push(`- ${j.memo.id} (${j.memo.kind}${j.kindRight === false ? ', kind wrong' : ''}${j.announcesRight ? '' : ', announcement wrong'}${wrong.length ? `, ${wrong.join(', ')}` : ''}): ${j.memo.note}`);
    }
  }
  return lines;
}

/** `node dist/eval/memos.js FILE...`: one table per writer's file, how a new writer is measured before use. */
async function measureFiles(files: string[]): Promise<number> {
  for (const file of files) {
    const judgements = await Promise.all(readMemoFile(file).map(judgeMemo));
    process.stdout.write(`${[...memoTable(file, judgements), '', ...misses(judgements)].join('\n')}\n`);
  }
  return 0;
}

const usage = 'usage: node dist/eval/memos.js [MEMOS.jsonl ...]\n  no file: the blind and training splits, written to eval/MEMO-RESULTS.md\n  files: one table per file (a new memo writer measured before use)\n';

async function main(): Promise<number> {
  const files = process.argv.slice(2);
  if (files.some((file) => file === '--help' || file === '-h')) {
    process.stdout.write(usage);
    return 0;
  }
  const unreadable = files.filter((file) => !existsSync(file) || file.startsWith('-'));
  if (unreadable.length > 0) {
    process.stderr.write(`memos: no such memo file: ${unreadable.join(', ')}\n${usage}`);
    return 2;
  }
  if (files.length > 0) return measureFiles(files);
  const train = await Promise.all(readMemos(join(repoRoot, 'data/memos')).map(judgeMemo));
  const blind = await Promise.all(readMemos(join(repoRoot, 'eval/memos-blind')).map(judgeMemo));
  const out = [
    '# Memo-level evaluation',
    '',
    `Written by \`npm run eval:memos\` on ${new Date().toISOString().slice(0, 10)}. Each memo is linted whole through \`lint()\` (Markdown, default preset). A kind is judged right when a \`cut-missing\` memo gets a \`${CUT_RULE}\` finding (at any severity), a \`cut-honest\` memo gets none, a \`benchmark-led\` memo gets a \`${BENCHMARK_RULE}\` finding and a \`user-value\` memo gets none. An element is reported right when the summary's \`present\` matches the writer's label, for memos labelled as announcing cuts.`,
    '',
    ...memoTable('Blind split (eval/memos-blind/, never used for tuning)', blind),
    '',
    ...memoTable('Training split (data/memos/, used to write the vocabularies)', train),
    '',
    '## Training split: every memo judged wrong',
    '',
    ...misses(train),
    '',
  ];
  writeFileSync(join(repoRoot, 'eval/MEMO-RESULTS.md'), out.join('\n'));
  process.stdout.write(`${[...memoTable('blind', blind), ...memoTable('train', train)].join('\n')}\n`);
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) process.exitCode = await main();
