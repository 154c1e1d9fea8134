// Collects neutral prose that nobody on the project wrote: paragraphs of the Debian package
// documentation under /usr/share/doc and of section-1 man pages, on this machine's image.
// They are the scorer's real-world negatives (technical senses of "replace", "kill", "cost",
// "you"). Deterministic for a given image: sorted inputs, a fixed split by hash of the source.
//
//   node scripts/collect-neutral.mjs      writes data/neutral/{train,calibration}/*.txt and data/neutral/SOURCES.md
//
// The committed files are what training reads; this script documents and reproduces them.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = join(ROOT, 'data/neutral');
const WORD_BUDGET = 240_000;
const MAN_PAGES = 400;

function prose(text) {
  const paragraphs = [];
  for (const block of text.split(/\n[ \t]*\n/)) {
    const lines = block.split('\n');
    // Code, tables, changelog bullets with versions and lists of files are not prose.
    if (lines.some((line) => /^\s{8,}\S|[{}<>$=|\\]|^\s*[-*+]\s+\S+\s*$|\t/.test(line))) continue;
    const joined = lines.map((line) => line.trim().replace(/^[-*+o]\s+/, '')).join(' ').replace(/\s+/g, ' ').trim();
    const words = joined.split(' ');
    if (words.length < 12 || words.length > 220) continue;
    const letters = (joined.match(/[A-Za-z ]/g) ?? []).length;
    if (letters / joined.length < 0.85 || !/[.!?]$/.test(joined) || !/^[A-Z]/.test(joined)) continue;
    if (/@|https?:|www\.|copyright|license|licence|gnu general/i.test(joined)) continue;
    paragraphs.push(joined);
  }
  return paragraphs;
}

function docFiles() {
  const files = [];
  for (const pkg of readdirSync('/usr/share/doc').sort()) {
    const dir = join('/usr/share/doc', pkg);
    let names;
    try {
      names = readdirSync(dir).sort();
    } catch {
      continue;
    }
    for (const name of names) {
      if (!/^(README|NEWS|FAQ|TODO|.*\.txt)(\.(gz|md|markdown|Debian|Debian\.gz|md\.gz))?$/i.test(name)) continue;
      const path = join(dir, name);
      try {
        if (statSync(path).isFile() && statSync(path).size < 2_000_000) files.push({ source: `${pkg}/${name}`, path });
      } catch {
        /* dangling link */
      }
    }
  }
  return files;
}

function manPages() {
  const dir = '/usr/share/man/man1';
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.1.gz'))
    .sort()
    .filter((_, index, all) => index % Math.max(1, Math.floor(all.length / MAN_PAGES)) === 0)
    .slice(0, MAN_PAGES)
    .map((name) => ({ source: `man1/${name.replace(/\.1\.gz$/, '')}`, page: join(dir, name) }));
}

function read(file) {
  if (file.page) {
    try {
      return execFileSync('man', ['-P', 'cat', '-l', file.page], { encoding: 'utf8', env: { ...process.env, MANWIDTH: '2000', MAN_KEEP_FORMATTING: '' }, stdio: ['ignore', 'pipe', 'ignore'], timeout: 10_000 })
        .replace(/.\x08/g, '')
        .replace(/^ {7}/gm, '');
    } catch {
      return '';
    }
  }
  const bytes = readFileSync(file.path);
  return (file.path.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
}

// Alternate the two kinds so both are in the budget.
const docs = docFiles();
const pages = manPages();
const sources = [];
for (let index = 0; index < Math.max(docs.length, pages.length); index++) {
  if (index < docs.length) sources.push(docs[index]);
  if (index < pages.length) sources.push(pages[index]);
}
const seen = new Set();
const split = { train: [], calibration: [] };
const used = [];
let total = 0;
for (const file of sources) {
  if (total >= WORD_BUDGET) break;
  const paragraphs = prose(read(file)).filter((paragraph) => !seen.has(paragraph) && seen.add(paragraph));
  if (paragraphs.length === 0) continue;
  const part = createHash('sha256').update(file.source).digest()[0] < 52 ? 'calibration' : 'train';
  split[part].push(`# ${file.source}\n\n${paragraphs.join('\n\n')}`);
  used.push(`${file.source} (${part})`);
  total += paragraphs.reduce((sum, paragraph) => sum + paragraph.split(' ').length, 0);
}
rmSync(OUT, { recursive: true, force: true });
for (const [part, docs] of Object.entries(split)) {
  mkdirSync(join(OUT, part), { recursive: true });
  // Files of about 20,000 words, so a report can name the file a finding is in.
  let chunk = [];
  let words = 0;
  let index = 1;
  const flush = () => {
    if (chunk.length === 0) return;
    writeFileSync(join(OUT, part, `debian-${String(index++).padStart(2, '0')}.txt`), `${chunk.join('\n\n')}\n`);
    chunk = [];
    words = 0;
  };
  for (const doc of docs) {
    chunk.push(doc);
    words += doc.split(/\s+/).length;
    if (words >= 20_000) flush();
  }
  flush();
}
writeFileSync(
  join(OUT, 'SOURCES.md'),
  `# Neutral prose from Debian\n\nParagraphs of prose (no code, lists, addresses or licence text) from the documentation of the Debian packages on this project's machine image (\`/usr/share/doc/*/README*\`, \`NEWS*\`, \`*.txt\`) and from section-1 man pages, collected by \`node scripts/collect-neutral.mjs\`. Nobody on the project wrote them; each file keeps its source as a \`#\` heading. About one source in five goes to \`calibration/\` (chosen by a hash of its name), the rest to \`train/\`. The texts keep their packages' free licences (see each package's \`/usr/share/doc/<package>/copyright\`).\n\n${total} words from ${used.length} sources:\n\n${used.map((line) => `- ${line}`).join('\n')}\n`,
);
process.stderr.write(`data/neutral: ${total} words from ${used.length} sources\n`);
