// Text generators for the property tests: hostile Unicode and Markdown structure, and prose built
// from tonelint's own trigger vocabulary so that findings (and fixes) actually occur.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { parse } from 'yaml';
import { listRules } from '../../src/index.js';

/** One seed for every property; override with FUZZ_SEED=<n> to replay or explore. */
export const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : 20240609;
/** Scales every run count (FUZZ_RUNS=4 for a longer local session). */
export const runScale = process.env.FUZZ_RUNS ? Number(process.env.FUZZ_RUNS) : 1;

/** A test timeout that grows with FUZZ_RUNS (the default runs finish in a few seconds). */
export const timeout = 60_000 * runScale;

export function params(numRuns: number): fc.Parameters<unknown> {
  return { seed, numRuns: Math.max(1, Math.round(numRuns * runScale)), endOnFailure: false, verbose: 1 };
}

// ---- hostile Unicode ---------------------------------------------------------------------

const special = [
  '\u0000', // NUL
  '\u200d', // zero-width joiner
  '\u200b', // zero-width space
  '\u200e', '\u200f', '\u202e', '\u2066', '\u2069', // direction marks and isolates
  '\ufeff', // BOM in the middle of text
  '\u00ad', // soft hyphen (the tokenizer treats it as a dash)
  '\u0301', '\u0308', '\u20dd', // combining marks
  '\u2028', '\u2029', // line / paragraph separators (not line ends for tonelint)
  '\u000b', '\u000c', '\u0085',
  '\u2019', '\u201c', '\u201d', '\u2026', '\u2010', '\u2013', '\u2014',
  '👩‍💻', '👨‍👩‍👧', '🏳️‍🌈', '🇺🇦', '😱', '🔥', '𝔸𝕀', '𠜎',
  'שלום', 'مرحبا', 'ﷺ', 'İ', 'ß', 'ǅ', 'Ω', 'Å',
];

/** A lone (unpaired) surrogate code unit. */
const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code));

const lineEnd = fc.constantFrom('\n', '\r\n', '\r', '\n\n', '\r\r\n', '\n\r');

const unicodeUnit = fc.oneof(
  { weight: 6, arbitrary: fc.string({ unit: 'grapheme-ascii', maxLength: 6 }) },
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
  { weight: 3, arbitrary: fc.constantFrom(...special) },
  { weight: 2, arbitrary: loneSurrogate },
  { weight: 3, arbitrary: lineEnd },
  { weight: 3, arbitrary: fc.constantFrom(' ', '  ', '\t', ' - ', '. ', ', ') },
);

/** Arbitrary Unicode text: astral, combining, RTL, ZWJ, NUL, lone surrogates, mixed line ends. */
export const unicodeText = fc.array(unicodeUnit, { maxLength: 60 }).map((parts) => parts.join(''));

// ---- trigger vocabulary ------------------------------------------------------------------

const rulesDir = fileURLToPath(new URL('../../rules/vocabulary/', import.meta.url));

/** Pattern-syntax terms as plain text: `colleague~` -> `colleagues`, `[a|b]` -> `a`. */
function termToText(term: string): string[] {
  const plain = term.replace(/\[([^\]|]*)[^\]]*\]\??/g, '$1').replace(/[?@{}]/g, '');
  const base = plain.replace(/~/g, '');
  return plain.includes('~') ? [base, plain.replace(/~/g, 's'), plain.replace(/~/g, 'ed')] : [base];
}

function vocabularyWords(): string[] {
  const words = new Set<string>();
  for (const name of readdirSync(rulesDir).filter((file) => file.endsWith('.yml'))) {
    try {
      const data = parse(readFileSync(rulesDir + name, 'utf8')) as { terms?: unknown };
      if (Array.isArray(data?.terms)) for (const term of data.terms) if (typeof term === 'string') for (const t of termToText(term)) words.add(t);
    } catch {
      // A vocabulary file mid-edit by a rule author: use the others.
    }
  }
  return [...words].filter(Boolean);
}

const rules = listRules();
export const ruleExamples = rules.flatMap((rule) => [...rule.examples.flags, ...rule.examples.passes]);
export const triggerWords = vocabularyWords();
const exampleWords = [...new Set(ruleExamples.flatMap((example) => example.split(/\s+/)))].filter(Boolean);

const punctuation = fc.constantFrom(',', '.', ';', ':', '!', '?', '…', '—', '-', '"', "'", '“', '”', '‘', '’', '(', ')', '*', '_', '**', '`', '/', '&');
const number = fc.oneof(
  fc.constantFrom('1,200', '40', '2.3k', '$38M', '€5bn', 'forty', 'two hundred', 'dozens of', 'a few hundred', '10%', '3.'),
  fc.integer({ min: 0, max: 1_000_000 }).map((n) => n.toLocaleString('en-US')),
);
const emoji = fc.constantFrom('😱', '🔥', '👩‍💻', '🤖', '🚀', '💀', '🇬🇧');

const triggerToken = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...(triggerWords.length ? triggerWords : ['staff'])) },
  { weight: 4, arbitrary: fc.constantFrom(...(exampleWords.length ? exampleWords : ['AI'])) },
  { weight: 2, arbitrary: number },
  { weight: 1, arbitrary: emoji },
  { weight: 1, arbitrary: fc.constantFrom('AI', 'the', 'our', 'will', 'not', 'never', 'we', 'you', 'replace', 'cut', 'heads') },
);

const triggerFragment = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...(ruleExamples.length ? ruleExamples : ['AI will replace our staff.'])) },
  { weight: 5, arbitrary: fc.array(triggerToken, { minLength: 1, maxLength: 8 }).map((words) => words.join(' ')) },
  { weight: 2, arbitrary: punctuation },
  { weight: 1, arbitrary: fc.constantFrom(' ', '\n', '\r\n', '\n\n', '\r') },
  { weight: 1, arbitrary: fc.constantFrom('<!-- tonelint-disable -->', '<!-- tonelint-enable -->', '# tonelint-disable-next-line\n') },
);

/** Prose made of trigger words, rule examples, numbers, punctuation and emoji. */
export const triggerText = fc
  .array(fc.tuple(triggerFragment, fc.constantFrom(' ', ' ', '', '\n', '\r\n')), { maxLength: 25 })
  .map((parts) => parts.map(([fragment, gap]) => fragment + gap).join(''));

// ---- Markdown structure ------------------------------------------------------------------

const inline = fc.oneof(triggerText, unicodeText);

const block: fc.Arbitrary<string> = fc.oneof(
  inline,
  fc.tuple(fc.integer({ min: 1, max: 40 }), inline).map(([depth, text]) =>
    Array.from({ length: depth }, (_, i) => `${'  '.repeat(i)}- ${i === depth - 1 ? text : 'item'}`).join('\n'),
  ),
  fc.tuple(fc.integer({ min: 1, max: 40 }), inline).map(([depth, text]) => `${'- '.repeat(depth)}${text}`),
  fc.tuple(fc.integer({ min: 1, max: 60 }), inline).map(([depth, text]) => `${'> '.repeat(depth)}${text}`),
  fc.tuple(fc.integer({ min: 1, max: 30 }), inline).map(([depth, text]) =>
    Array.from({ length: depth }, (_, i) => `${'   '.repeat(i)}1. ${i === depth - 1 ? text : ''}`).join('\n'),
  ),
  inline.map((text) => `\`\`\`\n${text}`), // an unclosed fence
  inline.map((text) => `~~~md\n${text}\n~~~`),
  inline.map((text) => `<div>\n${text}\n</div>`),
  inline.map((text) => `<span title="${text.replace(/"/g, '')}">${text}</span>`),
  inline.map((text) => `<!-- ${text}`), // an unclosed comment
  fc.tuple(inline, inline).map(([a, b]) => `| a | b |\n|---|:-:|\n| ${a.replace(/\n/g, ' ')} | ${b.replace(/\n/g, ' ')} |`),
  inline.map((text) => `# ${text}`),
  inline.map((text) => `---\ntitle: ${text}\n---`),
  inline.map((text) => `[${text}](https://example.com/${text.replace(/[^A-Za-z0-9]/g, "-")}) ![${text}](x.png)`),
  inline.map((text) => `**_${text}_** *${text}* ~~${text}~~`),
  fc.tuple(fc.integer({ min: 1, max: 200 }), triggerText).map(([n, text]) => `${'*'.repeat(n)}${text}${'_'.repeat(n)}`),
  fc.tuple(triggerText, fc.constantFrom(' ', 'x', '-', 'a b ')).map(([text, fill]) => `${text}${fill.repeat(Math.ceil(10_000 / fill.length))}${text}`), // a 10k-character line
);

/** A Markdown document: blocks of hostile or trigger text joined by mixed line ends. */
export const markdownText = fc.array(fc.tuple(block, lineEnd), { maxLength: 8 }).map((parts) => parts.map(([b, end]) => b + end).join(''));

/** Everything: the generators above, mixed. */
export const anyText = fc.oneof({ weight: 3, arbitrary: triggerText }, { weight: 2, arbitrary: unicodeText }, { weight: 3, arbitrary: markdownText });
