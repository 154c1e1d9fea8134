// Renders an evaluation as Markdown (eval/RESULTS.md), as a short plain summary, and as JSON.
// Pure: the caller supplies the run's metadata (command, date, commit).
import { toneLabels, type Label } from './dataset.js';
import { computeView, type FindingRow, type LintRun, type Target, type ViewResult } from './evaluate.js';
import { predictedLabels, type Scores } from './metrics.js';

export interface RunInfo {
  command: string;
  date: string;
  commit?: string;
  dataDir: string;
  format: 'markdown' | 'text';
  preset: string;
  ruleIds: string[];
  filters: { label?: string; category?: string };
}

export interface EvalReport {
  info: RunInfo;
  items: { total: number; byLabel: Record<Label, number> };
  /** `warning+` first: the view the issue's targets apply to. */
  views: ViewResult[];
  errors: LintRun['errors'];
}

export function buildReport(run: LintRun, info: RunInfo): EvalReport {
  const byLabel = { alarmist: 0, dehumanizing: 0, evasive: 0, ok: 0 } as Record<Label, number>;
  for (const { item } of run.items) byLabel[item.label] += 1;
  return {
    info,
    items: { total: run.items.length, byLabel },
    views: [computeView(run, 'warning+'), computeView(run, 'all')],
    errors: run.errors,
  };
}

const num = (value: number | null, digits = 2) => (value === null ? 'n/a' : value.toFixed(digits));
const pct = (value: number | null) => (value === null ? 'n/a' : `${(value * 100).toFixed(1)}%`);
const mark = (pass: boolean | null) => (pass === null ? '–' : pass ? '✅ pass' : '❌ fail');

/** Table-safe text: one line, pipes escaped, long texts shortened in the middle. */
export function cell(text: string, max = 220): string {
  let flat = text.replace(/\s*\n\s*/g, ' ⏎ ').replace(/\|/g, '\\|');
  if (flat.length > max) flat = `${flat.slice(0, max - 60)} … ${flat.slice(-55)}`;
  return flat;
}

const code = (text: string) => (text.includes('`') ? `\`\` ${text} \`\`` : `\`${text}\``);

export function viewTitle(view: ViewResult['view']): string {
  return view === 'warning+' ? 'warning and error findings' : 'all findings, info included';
}

export function renderHeadline(result: ViewResult): string {
  const lines = ['| metric | target | dev | status |', '| --- | --- | --- | --- |'];
  for (const target of result.targets) lines.push(`| ${target.name} | ${target.target} | ${target.display} | ${mark(target.pass)} |`);
  lines.push(
    `| flagged-vs-ok F1 | – | ${num(result.flagged.f1)} | – |`,
    `| span recall | – | ${num(result.spans.recall)} (${result.spans.found} of ${result.spans.total}) | – |`,
    `| ok texts: findings per 10,000 words | – | ${num(result.okDensity.per10k)} | – |`,
  );
  return lines.join('\n');
}

function scoresRow(name: string, value: Scores, extra: string[] = []): string {
  return `| ${name} | ${value.tp} | ${value.fp} | ${value.fn} | ${[num(value.precision), num(value.recall), num(value.f1), ...extra].join(' | ')} |`;
}

function findingTable(rows: FindingRow[], what: string): string[] {
  if (rows.length === 0) return [`None.`];
  const lines = [`| id | ${what} | rule | severity | actual | text |`, '| --- | --- | --- | --- | --- | --- |'];
  for (const entry of rows) {
    lines.push(`| ${entry.id} | ${entry.category} | ${entry.ruleId} | ${entry.severity} | ${code(entry.actual)} | ${cell(entry.text)} |`);
  }
  return lines;
}

function renderView(result: ViewResult, full: boolean): string {
  const out: string[] = [];
  const h = (text: string) => out.push('', `### ${text}`, '');
  out.push(`## Details: ${viewTitle(result.view)}`);

  h('Flagged vs ok (item level)');
  out.push('| | TP | FP | FN | precision | recall | F1 | TN |', '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  out.push(scoresRow('any finding', result.flagged, [String(result.flagged.tn)]));

  h('Per label');
  out.push(
    'An item counts as predicted for a label when it has a finding of that category (mixed items can count for two labels). "top-label recall" counts only the category of the item\'s highest-severity finding, as in the confusion matrix.',
    '',
    '| label | TP | FP | FN | precision | recall | F1 | items | top-label recall |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  );
  for (const label of toneLabels) {
    const value = result.labels[label];
    out.push(scoresRow(label, value, [String(value.support), num(value.topLabelRecall)]));
  }

  h('Confusion matrix');
  const columns = predictedLabels.filter(
    (predicted) => predicted !== 'other' || Object.values(result.confusion).some((rowCounts) => rowCounts.other > 0),
  );
  out.push(
    'Rows: gold label. Columns: predicted label = category of the highest-severity finding (ties: earliest); `ok` = no finding' +
      (columns.includes('other') ? '; `other` = only framing/inclusive findings.' : '.'),
    '',
    `| gold \\ predicted | ${columns.join(' | ')} |`,
    `| --- | ${columns.map(() => '---:').join(' | ')} |`,
  );
  for (const gold of [...toneLabels, 'ok'] as Label[]) {
    out.push(`| **${gold}** | ${columns.map((predicted) => String(result.confusion[gold][predicted])).join(' | ')} |`);
  }

  h('False positives on ok items, by category');
  out.push('| ok category | items | flagged | rate |', '| --- | ---: | ---: | ---: |');
  for (const entry of result.okCategories) out.push(`| ${entry.category} | ${entry.items} | ${entry.flagged} | ${pct(entry.rate)} |`);
  out.push('', 'Each finding on an ok item:', '', ...findingTable(result.falsePositives, 'ok category'));

  h('Span recall');
  out.push('A gold span is found when any counted finding overlaps it by at least one character.', '');
  out.push('| label | spans | found | recall |', '| --- | ---: | ---: | ---: |');
  for (const label of toneLabels) {
    const value = result.spans.byLabel[label];
    out.push(`| ${label} | ${value.total} | ${value.found} | ${num(value.total === 0 ? null : value.found / value.total)} |`);
  }
  out.push(`| **all** | ${result.spans.total} | ${result.spans.found} | ${num(result.spans.recall)} |`);
  if (full && result.spans.missed.length > 0) {
    out.push('', 'Gold spans no finding overlaps (the item may still be flagged elsewhere):', '', '| id | label / category | gold span |', '| --- | --- | --- |');
    for (const miss of result.spans.missed) out.push(`| ${miss.id} | ${miss.label} / ${miss.category} | ${code(cell(miss.span, 160))} |`);
  }

  h('Findings per 10,000 words');
  out.push('Word counts as `wc -w` (whitespace-separated runs). Every finding on neutral-dev is a false positive.', '');
  out.push('| corpus | words | findings | per 10,000 words |', '| --- | ---: | ---: | ---: |');
  for (const file of result.neutral.files) out.push(`| neutral-dev/${file.name} | ${file.words} | ${file.findings} | ${num(file.per10k)} |`);
  out.push(
    `| **neutral-dev total** | ${result.neutral.total.words} | ${result.neutral.total.findings} | ${num(result.neutral.total.per10k)} |`,
    `| dev.jsonl ok texts | ${result.okDensity.words} | ${result.okDensity.findings} | ${num(result.okDensity.per10k)} |`,
  );
  if (full) out.push('', 'Findings on neutral-dev (with the line they are on):', '', ...findingTable(result.neutral.rows, 'corpus'));

  h('Rewrites check');
  out.push(
    `${result.rewrites.clean} of ${result.rewrites.total} rewrites lint clean (${pct(result.rewrites.rate)}). Findings on rewrites:`,
    '',
    ...findingTable(result.rewrites.failures, 'category'),
  );

  if (!full) return out.join('\n');

  h('Per rule');
  out.push(
    'on span: findings on flagged items overlapping a gold span (true positives). off span: on flagged items, outside every gold span. ok / neutral / rewrites: false positives.',
    '',
    '| rule | category | on span | off span | ok items | neutral | rewrites |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: |',
  );
  for (const entry of result.rules) {
    out.push(`| ${entry.ruleId} | ${entry.category} | ${entry.onSpan} | ${entry.offSpan} | ${entry.okItems} | ${entry.neutral} | ${entry.rewrites} |`);
  }
  if (result.rules.length === 0) out.push('| (no findings) | | | | | | |');

  h('Missed items (false negatives), by label and category');
  if (result.misses.length === 0) out.push('None.');
  for (const label of toneLabels) {
    const misses = result.misses.filter((miss) => miss.label === label);
    if (misses.length === 0) continue;
    out.push('', `#### ${label} (${misses.length} missed)`);
    for (const category of [...new Set(misses.map((miss) => miss.category))].sort()) {
      const inCategory = misses.filter((miss) => miss.category === category);
      out.push('', `**${category}** (${inCategory.length})`, '', '| id | gold spans | text |', '| --- | --- | --- |');
      for (const miss of inCategory) out.push(`| ${miss.id} | ${miss.spans.map((span) => code(cell(span, 120))).join('<br>')} | ${cell(miss.text)} |`);
    }
  }

  h('Flagged under another label');
  if (result.mislabeled.length === 0) out.push('None.');
  else {
    out.push('| id | gold | predicted | rules that fired |', '| --- | --- | --- | --- |');
    for (const entry of result.mislabeled) out.push(`| ${entry.id} | ${entry.gold} | ${entry.predicted} | ${entry.ruleIds.join(', ')} |`);
  }
  return out.join('\n');
}

export function renderMarkdown(report: EvalReport): string {
  const { info } = report;
  const [primary, secondary] = report.views;
  const filters = Object.entries(info.filters)
    .filter(([, value]) => value)
    .map(([key, value]) => `--${key} ${value}`);
  const out = [
    '# tonelint evaluation on the development set',
    '',
    `- Command: \`${info.command}\``,
    `- Date: ${info.date}${info.commit ? ` · commit ${info.commit}` : ''}`,
    `- Data: \`${info.dataDir}\` (dev.jsonl: ${report.items.total} items: ${Object.entries(report.items.byLabel)
      .map(([label, count]) => `${label} ${count}`)
      .join(', ')}${filters.length ? `; filtered by ${filters.join(' ')}` : ''}; neutral-dev: ${primary.neutral.files.length} files)`,
    `- Linter: the public \`lint()\` API, preset \`${info.preset}\`, format \`${info.format}\` (items contain Markdown emphasis and code spans, so they are parsed as Markdown, as \`.md\` memos would be), ${info.ruleIds.length} rules: ${info.ruleIds.join(', ') || '(none)'}`,
    '- Scores are reported on the development set ("dev"), which the rules were tuned against; they are not a held-out score.',
    '',
    'How findings count: an item is "flagged" when it has at least one counted finding. The headline counts warning and error findings only (the view the targets of issue 5 are set for). The second view also counts `info` findings of the tone categories (alarmist, dehumanizing, evasive); framing and inclusive findings count only at warning or error level in both views, because an info nudge about framing is advice, not a tone problem. Per-label scores use each finding\'s category.',
  ];
  if (report.errors.length > 0) {
    out.push('', `**The linter threw on ${report.errors.length} texts:**`, '');
    for (const error of report.errors) out.push(`- ${error.where}: ${cell(error.message)}`);
  }
  out.push('', `## Headline: ${viewTitle(primary.view)} (targets from issue 5)`, '', renderHeadline(primary));
  out.push('', `## Headline: ${viewTitle(secondary.view)}`, '', renderHeadline(secondary));
  out.push('', renderView(primary, true), '', renderView(secondary, false), '');
  return out.join('\n');
}

/** The headline as plain lines, for `--quiet` and the end of a normal run. */
export function renderSummary(report: EvalReport): string {
  const lines: string[] = [];
  for (const result of report.views) {
    lines.push(`${viewTitle(result.view)}:`);
    const width = Math.max(...result.targets.map((target) => target.name.length));
    for (const target of result.targets) {
      const status = target.pass === null ? '  -  ' : target.pass ? ' pass' : ' FAIL';
      lines.push(`  ${status}  ${target.name.padEnd(width)}  ${target.display}  (target ${target.target})`);
    }
    lines.push(`         span recall ${num(result.spans.recall)}, F1 ${num(result.flagged.f1)}, ok texts ${num(result.okDensity.per10k)} findings per 10,000 words`);
  }
  if (report.errors.length > 0) lines.push(`the linter threw on ${report.errors.length} texts (see the report)`);
  return lines.join('\n');
}
