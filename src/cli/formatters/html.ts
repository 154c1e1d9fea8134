// `-f html`: one self-contained page for the people who approve memos, not for developers. Each
// document is shown with its findings highlighted (colour, underline style and a text label per
// category, so no one needs to tell colours apart), each finding's message and rewrites beside
// it, the memo-level verdict and the counts by category at the top, and a layout that prints.
// A memo is untrusted input: every piece of it is escaped, and the page runs no script and
// loads nothing (its Content-Security-Policy allows only its own stylesheet, by hash).
import { createHash } from 'node:crypto';
import { categories, type Category } from '../../core/finding.js';
import { describeContext, describePlace, readOffsetOf } from '../../core/place.js';
import { countByCategory, memoElements, where, type DocumentSummary, type MemoElement } from '../../core/summary.js';
import { readHtml } from '../../plugin/html.js';
import type { FileReport, Formatter, ReportMessage } from './report.js';
import { plural, totals } from './report.js';

const categoryNames: Record<Category, string> = {
  alarmist: 'Alarmist',
  dehumanizing: 'Dehumanizing',
  evasive: 'Evasive',
  framing: 'Framing',
  inclusive: 'Inclusive language',
};

const categoryHelp: Record<Category, string> = {
  alarmist: 'threatens or frightens instead of explaining',
  dehumanizing: 'treats people as units, costs or equipment',
  evasive: 'hides who decided, or what happens to people',
  framing: 'sells the technology instead of saying what changes',
  inclusive: 'words that exclude or stereotype',
};

const elementNames: Record<MemoElement, string> = {
  acknowledgment: 'Acknowledges what this means for the people affected',
  'decision-owner': 'Says who made the decision',
  support: 'States concrete support for the people leaving',
};

const stylesheet = `
:root { --ink: #1b1b1f; --muted: #55575f; --line: #d6d7dc; --paper: #ffffff; --wash: #f5f6f8; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: var(--wash); }
header.page, section.file { max-width: 1200px; margin: 0 auto; padding: 1.25rem 1.5rem; }
header.page h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
header.page p { margin: .25rem 0; color: var(--muted); }
section.file { background: var(--paper); border: 1px solid var(--line); border-radius: 8px; margin-bottom: 1.5rem; }
section.file > h2 { font-size: 1.3rem; margin: 0 0 .75rem; word-break: break-all; }
.verdict { border-left: 4px solid #3d4a8a; background: #eef0fa; padding: .6rem .9rem; margin: 0 0 1rem; }
.verdict h3, .counts h3 { font-size: 1rem; margin: 0 0 .35rem; }
.verdict ul { margin: .25rem 0 0; padding-left: 0; list-style: none; }
.verdict li { margin: .15rem 0; }
.mark-yes::before { content: "✓ "; font-weight: bold; color: #1d6b2f; }
.mark-no::before { content: "✗ "; font-weight: bold; color: #a3121b; }
table.counts { border-collapse: collapse; margin: 0 0 1rem; }
table.counts th, table.counts td { text-align: left; padding: .2rem .8rem .2rem 0; border-bottom: 1px solid var(--line); }
table.counts td.n { text-align: right; font-variant-numeric: tabular-nums; }
.layout { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 1.5rem; align-items: start; }
.document { white-space: pre-wrap; overflow-wrap: anywhere; font-family: Georgia, "Times New Roman", serif; font-size: 1.05rem; line-height: 1.7; padding: 1rem 1.2rem; border: 1px solid var(--line); border-radius: 6px; background: #fffefb; }
.document h3 { white-space: normal; font-family: system-ui, sans-serif; }
mark { color: inherit; border-radius: 2px; text-decoration-thickness: 2px; text-underline-offset: 3px; text-decoration-line: underline; }
mark .tag { font: bold .7rem/1 system-ui, sans-serif; padding: .1rem .3rem; border-radius: 3px; margin-right: .2rem; color: #fff; text-decoration: none; vertical-align: .15em; white-space: nowrap; }
.badge { display: inline-block; font: bold .75rem/1.2 system-ui, sans-serif; padding: .15rem .45rem; border-radius: 3px; color: #fff; }
.cat-alarmist { background-color: #fde2e1; text-decoration-color: #b3261e; text-decoration-style: solid; }
.cat-dehumanizing { background-color: #efe3fb; text-decoration-color: #6a1b9a; text-decoration-style: double; }
.cat-evasive { background-color: #fff1cc; text-decoration-color: #8a5a00; text-decoration-style: dashed; }
.cat-framing { background-color: #dde9fb; text-decoration-color: #1f4e9c; text-decoration-style: dotted; }
.cat-inclusive { background-color: #d8f3ef; text-decoration-color: #00695c; text-decoration-style: wavy; }
.cat-other { background-color: #ececec; text-decoration-color: #55575f; text-decoration-style: solid; }
.tag.cat-alarmist, .badge.cat-alarmist, .swatch.cat-alarmist { background-color: #b3261e; }
.tag.cat-dehumanizing, .badge.cat-dehumanizing, .swatch.cat-dehumanizing { background-color: #6a1b9a; }
.tag.cat-evasive, .badge.cat-evasive, .swatch.cat-evasive { background-color: #8a5a00; }
.tag.cat-framing, .badge.cat-framing, .swatch.cat-framing { background-color: #1f4e9c; }
.tag.cat-inclusive, .badge.cat-inclusive, .swatch.cat-inclusive { background-color: #00695c; }
.tag.cat-other, .badge.cat-other, .swatch.cat-other { background-color: #55575f; }
mark.memo-level { background-color: transparent; }
.swatch { display: inline-block; width: .8rem; height: .8rem; border-radius: 2px; margin-right: .4rem; vertical-align: -.05rem; }
ol.findings { margin: 0; padding: 0; list-style: none; }
ol.findings > li { border: 1px solid var(--line); border-radius: 6px; padding: .6rem .8rem; margin: 0 0 .75rem; background: var(--paper); break-inside: avoid; }
ol.findings > li:target { outline: 3px solid #3d4a8a; }
.finding-head { display: flex; flex-wrap: wrap; gap: .4rem; align-items: baseline; margin-bottom: .3rem; }
.number { font-weight: bold; }
.severity { font-size: .8rem; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
.severity-error { color: #a3121b; font-weight: bold; }
.where { font-size: .85rem; color: var(--muted); }
.quote { font-family: Georgia, serif; margin: .2rem 0; }
.message { margin: .2rem 0; }
.rewrites { margin: .3rem 0 0; padding-left: 1.2rem; }
.rewrites-title { margin: .4rem 0 0; font-size: .85rem; font-weight: bold; }
.rule { font-size: .75rem; color: var(--muted); margin: .3rem 0 0; }
.none { color: #1d6b2f; font-weight: bold; }
footer.page { max-width: 1200px; margin: 0 auto 2rem; padding: 0 1.5rem; color: var(--muted); font-size: .85rem; }
@media (max-width: 800px) { .layout { grid-template-columns: 1fr; } }
@media print {
  body { background: #fff; font-size: 11pt; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  header.page, section.file { max-width: none; padding: 0; border: 0; }
  section.file { break-before: page; }
  section.file:first-of-type { break-before: auto; }
  .layout { display: block; }
  .document { border: 0; padding: 0; margin-bottom: 1rem; }
  ol.findings > li { border-color: #999; }
  a { color: inherit; text-decoration: none; }
}
`;

export const formatHtml: Formatter = (reports, context) => {
  const styleHash = createHash('sha256').update(stylesheet).digest('base64');
  const csp = `default-src 'none'; style-src 'sha256-${styleHash}'; img-src 'none'; base-uri 'none'; form-action 'none'`;
  const sum = totals(reports);
  const counts = countByCategory(reports.flatMap((report) => report.messages));
  const title = reports.length === 1 ? `tonelint report: ${reports[0].displayPath}` : `tonelint report: ${plural(reports.length, 'document')}`;
  const findings = sum.errorCount + sum.warningCount + sum.infoCount;
  const body = [
    '<header class="page">',
    `<h1>${escapeHtml(title)}</h1>`,
    `<p>${escapeHtml(plural(findings, 'finding'))} in ${escapeHtml(plural(reports.length, 'document'))}: ${sum.errorCount} to fix before sending (errors), ${sum.warningCount} to look at (warnings), ${sum.infoCount} for information.</p>`,
    // One document has its own counts under its name; several get the totals here as well.
    ...(reports.length > 1 ? [countsTable(counts, 'All documents')] : []),
    '</header>',
    ...reports.map((report, index) => fileSection(report, index + 1)),
    `<footer class="page"><p>Made by tonelint ${escapeHtml(context.version)}. Highlights show the words each finding is about; the numbers lead to the finding beside the text. This page runs no scripts and loads nothing from the network.</p></footer>`,
  ].join('\n');
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    // Our own constant, with no quote character to escape.
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${stylesheet}</style>`,
    '</head>',
    '<body>',
    body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
};

function fileSection(report: FileReport, fileNumber: number): string {
  const parts = [`<section class="file" id="file-${fileNumber}">`, `<h2>${escapeHtml(report.displayPath)}</h2>`];
  if (report.summary) parts.push(verdict(report.summary));
  parts.push(countsTable(countByCategory(report.messages), 'Findings by category'));
  const items = report.messages.map((message, index) => findingItem(message, fileNumber, index + 1));
  const list = items.length > 0 ? `<ol class="findings">\n${items.join('\n')}\n</ol>` : '<p class="none">No findings: nothing to change.</p>';
  const document = report.document ? documentView(report, fileNumber) : '';
  parts.push(`<div class="layout">${document ? `\n${document}` : ''}\n<div class="findings-column"><h3>Findings</h3>\n${list}\n</div>\n</div>`);
  parts.push('</section>');
  return parts.join('\n');
}

function verdict(summary: DocumentSummary): string {
  const lines: string[] = [];
  if (summary.announcesCuts && summary.elements) {
    lines.push(`<p>This memo announces job cuts${summary.announcement ? ` (${escapeHtml(where(summary.announcement))})` : ''}. What such a memo owes its readers:</p>`);
    lines.push('<ul>');
    for (const element of memoElements) {
      const report = summary.elements[element];
      const state = report.present ? `yes, ${escapeHtml(where(report))}` : 'missing';
      lines.push(`<li class="${report.present ? 'mark-yes' : 'mark-no'}" data-element="${element}">${escapeHtml(elementNames[element])}: <strong>${state}</strong></li>`);
    }
    lines.push('</ul>');
  }
  if (summary.benchmarkLed) lines.push('<p class="mark-no">An AI announcement led by benchmarks, with no word on what users can now do.</p>');
  if (lines.length === 0) lines.push('<p>No job-cut announcement and no benchmark-led AI announcement found.</p>');
  return `<div class="verdict"><h3>The memo as a whole</h3>\n${lines.join('\n')}\n</div>`;
}

function countsTable(counts: Record<Category, number>, caption: string): string {
  const rows = categories.map(
    (category) =>
      `<tr data-category="${category}"><th scope="row"><span class="swatch cat-${category}"></span>${escapeHtml(categoryNames[category])}</th><td class="n">${counts[category]}</td><td>${escapeHtml(categoryHelp[category])}</td></tr>`,
  );
  return `<div class="counts"><h3>${escapeHtml(caption)}</h3><table class="counts"><tbody>\n${rows.join('\n')}\n</tbody></table></div>`;
}

function findingItem(message: ReportMessage, fileNumber: number, number: number): string {
  const category = message.category ?? 'other';
  const label = message.category ? categoryNames[message.category] : 'Note';
  const place = message.place ? describePlace(message.place) : `line ${message.start.line}, column ${message.start.column}`;
  const quote = message.place ? `<p class="quote">${escapeHtml(describeContext(message.place))}</p>` : '';
  const rewrites = message.fix ? [message.fix.text] : message.suggestions;
  const rewriteTitle = message.fix ? 'Safe rewrite (tonelint --fix applies it):' : message.advice ? 'Advice:' : 'Try instead:';
  const rewriteList = rewrites.length > 0 ? `<p class="rewrites-title">${rewriteTitle}</p><ul class="rewrites">${rewrites.map((text) => `<li>${escapeHtml(text)}</li>`).join('')}</ul>` : '';
  return [
    `<li id="finding-${fileNumber}-${number}" class="finding" data-category="${category}" data-severity="${message.severity}">`,
    `<div class="finding-head"><span class="number">${number}.</span> <span class="badge cat-${category}">${escapeHtml(label)}</span> <span class="severity severity-${message.severity}">${message.severity}</span> <span class="where">${escapeHtml(place)}</span></div>`,
    quote,
    `<p class="message">${escapeHtml(message.message)}</p>`,
    rewriteList,
    message.ruleId ? `<p class="rule">Rule: ${escapeHtml(message.ruleId)}</p>` : '',
    '</li>',
  ]
    .filter(Boolean)
    .join('\n');
}

interface Highlight {
  start: number;
  end: number;
  number: number;
  message: ReportMessage;
}

/** The document's prose with each finding wrapped in <mark>s (split where findings overlap). */
function documentView(report: FileReport, fileNumber: number): string {
  const document = report.document!;
  let text = document.text;
  let toText = (offset: number) => offset;
  if (document.format === 'html') {
    const read = readHtml(text);
    text = read.text;
    toText = (offset) => readOffsetOf(read, offset);
  }
  const highlights: Highlight[] = report.messages.map((message, index) => {
    const start = Math.min(toText(message.start.offset), text.length);
    return { start, end: Math.max(start, Math.min(toText(message.end.offset), text.length)), number: index + 1, message };
  });
  const boundaries = [...new Set([0, text.length, ...highlights.flatMap((highlight) => [highlight.start, highlight.end])])].sort((a, b) => a - b);
  const opened = new Set<number>();
  let out = '';
  for (let i = 0; i < boundaries.length; i++) {
    const at = boundaries[i];
    // A finding with no extent (a directive at the end, say) is a label alone.
    for (const highlight of highlights) if (highlight.start === at && highlight.end === at) out += mark(highlight, '', fileNumber, opened);
    const next = boundaries[i + 1];
    if (next === undefined) break;
    const covering = highlights
      .filter((highlight) => highlight.start <= at && highlight.end >= next && highlight.start < highlight.end)
      .sort((a, b) => a.start - b.start || b.end - a.end || a.number - b.number);
    let segment = escapeHtml(text.slice(at, next));
    for (const highlight of [...covering].reverse()) segment = mark(highlight, segment, fileNumber, opened);
    out += segment;
  }
  return `<div class="document-column"><h3>The document</h3>\n<div class="document">${out}</div></div>`;
}

/** One <mark> of a finding; its first one carries the label and the link to the finding. */
function mark(highlight: Highlight, inner: string, fileNumber: number, opened: Set<number>): string {
  const category = highlight.message.category ?? 'other';
  const label = highlight.message.category ? categoryNames[highlight.message.category] : 'Note';
  const first = !opened.has(highlight.number);
  opened.add(highlight.number);
  const memoLevel = highlight.end - highlight.start > 200 ? ' memo-level' : '';
  const tag = first ? `<a class="tag cat-${category}" href="#finding-${fileNumber}-${highlight.number}">${highlight.number} ${escapeHtml(label)}</a>` : '';
  return `<mark class="cat-${category}${memoLevel}" data-finding="${highlight.number}" data-category="${category}" title="${escapeHtml(`${label}: ${highlight.message.message}`)}">${tag}${inner}</mark>`;
}

/** Text and attribute values: nothing from a memo can open a tag or leave an attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);
}
