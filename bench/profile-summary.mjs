// Where the time goes: summarises a V8 .cpuprofile by self time, per package and per function.
//   node --cpu-prof --cpu-prof-dir=/tmp/prof bin/tonelint.js bench/corpora/large.md > /dev/null
//   node bench/profile-summary.mjs /tmp/prof/*.cpuprofile [top N]
import fs from 'node:fs';
const prof = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const n = Number(process.argv[3] ?? 25);
const byId = new Map(prof.nodes.map((node) => [node.id, node]));
const self = new Map();
const dt = prof.timeDeltas;
for (let i = 0; i < prof.samples.length; i++) self.set(prof.samples[i], (self.get(prof.samples[i]) ?? 0) + (dt[i] ?? 0));
const fn = new Map(); const pkg = new Map(); let total = 0;
for (const [id, us] of self) {
  const { callFrame: cf } = byId.get(id);
  total += us;
  const key = `${cf.functionName || '(anon)'} ${cf.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/\/work\/main\//, '')}:${cf.lineNumber + 1}`;
  fn.set(key, (fn.get(key) ?? 0) + us);
  const m = cf.url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  const p = m ? m[1] : cf.url.includes('/dist/') ? 'tonelint dist' : cf.url.startsWith('node:') ? 'node:' + 'internal' : cf.functionName || '(vm)';
  pkg.set(p, (pkg.get(p) ?? 0) + us);
}
const top = (map) => [...map].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `${(v / 1000).toFixed(0).padStart(7)} ms ${(100 * v / total).toFixed(1).padStart(5)}%  ${k}`).join('\n');
console.log(`total ${(total / 1000).toFixed(0)} ms\n-- by package --\n${top(pkg)}\n-- by function --\n${top(fn)}`);
