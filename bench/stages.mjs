// In-process, warm timings of one document split into pipeline stages. Run by bench/run.mjs in
// its own process (so one corpus's garbage does not bill the next): prints one JSON line.
//   node bench/stages.mjs <file> <warmup> <runs>
// parse    the Markdown pipeline with no rules: remark-parse + gfm + frontmatter -> remark-retext
//          -> retext-english (what processorFor builds, minus tonelint and retext-equality)
// bridge   nlcst -> the core's paragraphs/sentences/tokens (paragraphsFromNlcst)
// match    Engine#lint over those paragraphs (the phrase index, conditions, Finding objects)
// report   inline directives, vfile messages and the final sort: what runs after the engine
// full     processorFor('markdown') parse + run (all of the above, as the plugin runs them)
// lint     the public lint() (full + its own directive pass and sort)
import { readFileSync } from 'node:fs';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRetext from 'remark-retext';
import retextEnglish from 'retext-english';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { lint } from '../dist/index.js';
import { compareFindings } from '../dist/core/finding.js';
import { applyDirectives, parseDirectives } from '../dist/core/suppress.js';
import { engineFor } from '../dist/plugin/index.js';
import { paragraphsFromNlcst } from '../dist/plugin/nlcst-tokens.js';
import { processorFor } from '../dist/plugin/processor.js';

const [file, warmup = '2', runs = '5'] = process.argv.slice(2);
const text = readFileSync(file, 'utf8');

// A retext plugin that only keeps the tree, so the parse floor hands the same nlcst to the next stage.
const keepTree = () => (tree, vfile) => {
  vfile.data.nlcst = tree;
};
const floor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkFrontmatter, ['yaml', 'toml'])
  .use(remarkRetext, unified().use(retextEnglish).use(keepTree).freeze())
  .freeze();
const full = processorFor('markdown', {});
const engine = engineFor({});

const samples = { parse: [], bridge: [], match: [], report: [], stagesTotal: [], full: [], lint: [] };
let findings = 0;
let paragraphs = 0;
let sentences = 0;
const time = async (fn) => {
  const started = performance.now();
  const value = await fn();
  return [performance.now() - started, value];
};

for (let i = 0; i < Number(warmup) + Number(runs); i++) {
  const measured = i >= Number(warmup);
  const vfile = new VFile({ value: text, path: file });
  const [parse] = await time(() => floor.run(floor.parse(vfile), vfile));
  const [bridge, paras] = await time(() => paragraphsFromNlcst(vfile.data.nlcst, text));
  const [match, found] = await time(() => engine.lint(text, paras));
  const [report] = await time(() => {
    const out = new VFile({ value: text, path: file });
    const kept = applyDirectives(found, parseDirectives(text, 'markdown')).findings;
    for (const finding of kept) {
      const message = out.message(finding.message, { place: { start: finding.start, end: finding.end }, ruleId: finding.ruleId, source: 'tonelint' });
      message.actual = finding.actual;
      message.expected = finding.suggestions;
      message.url = finding.url;
    }
    return kept.sort(compareFindings);
  });
  const [fullMs] = await time(async () => {
    const f = new VFile({ value: text, path: file });
    await full.run(full.parse(f), f);
  });
  const [lintMs, result] = await time(() => lint(text, { format: 'markdown' }));
  if (measured) {
    samples.parse.push(parse);
    samples.bridge.push(bridge);
    samples.match.push(match);
    samples.report.push(report);
    samples.stagesTotal.push(parse + bridge + match + report);
    samples.full.push(fullMs);
    samples.lint.push(lintMs);
  }
  findings = result.findings.length;
  paragraphs = paras.length;
  sentences = paras.reduce((n, p) => n + p.sentences.length, 0);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const out = { file, bytes: Buffer.byteLength(text), findings, paragraphs, sentences, triggerKeys: engine.triggerKeys.size };
for (const [name, xs] of Object.entries(samples)) out[name] = { median: median(xs), min: Math.min(...xs), max: Math.max(...xs) };
console.log(JSON.stringify(out));
