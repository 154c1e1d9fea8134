// Validate a writer's JSONL file: node validate.mjs FILE [--memo]
import { readFileSync } from 'node:fs';
const file = process.argv[2];
const memo = process.argv.includes('--memo');
const LABELS = { alarmist: ['threat', 'catastrophe', 'ultimatum', 'inevitability', 'panic'],
  dehumanizing: ['people-as-costs', 'people-as-units', 'people-as-parts', 'obsolete-people', 'replaced-by-ai', 'labeling'],
  evasive: ['euphemism', 'agentless-passive', 'ai-as-agent', 'minimizing'],
  ok: ['hard-negative', 'honest-layoff', 'ai-user-benefit', 'constructive-change', 'neutral-workforce', 'mention-not-use', 'workplace'] };
const KEYS = ['id', 'text', 'label', 'spans', 'category', 'rewrite', 'note'];
const lines = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim());
const ids = new Set(); const texts = new Set(); let bad = 0; const counts = {}; const kinds = {};
lines.forEach((line, i) => {
  const where = `${file}:${i + 1}`;
  let r; try { r = JSON.parse(line); } catch (e) { console.log(`${where}: not JSON: ${e.message}`); bad++; return; }
  const err = (m) => { console.log(`${where} (${r.id}): ${m}`); bad++; };
  if (memo) {
    for (const k of ['id', 'text', 'kind', 'announces_cuts', 'acknowledgment', 'decision_owner', 'support', 'benchmark_led', 'user_value', 'evidence', 'note'])
      if (!(k in r)) err(`missing key ${k}`);
    if (!['cut-missing', 'cut-honest', 'benchmark-led', 'user-value', 'mixed'].includes(r.kind)) err(`unknown kind ${r.kind}`);
    for (const k of ['announces_cuts', 'acknowledgment', 'decision_owner', 'support', 'benchmark_led', 'user_value']) if (typeof r[k] !== 'boolean') err(`${k} must be true or false`);
    if (r.kind === 'cut-honest' && !(r.announces_cuts && r.acknowledgment && r.decision_owner && r.support)) err('cut-honest needs announces_cuts and all three elements true');
    if (r.kind === 'cut-missing' && !(r.announces_cuts && !(r.acknowledgment && r.decision_owner && r.support))) err('cut-missing needs announces_cuts true and at least one element false');
    if (r.kind === 'benchmark-led' && !(r.benchmark_led && !r.user_value)) err('benchmark-led needs benchmark_led true and user_value false');
    if (r.kind === 'user-value' && !r.user_value) err('user-value needs user_value true');
    for (const [k, v] of Object.entries(r.evidence || {})) {
      if (typeof v !== 'string' || !v || !r.text.includes(v)) err(`evidence.${k} is not an exact substring of text`);
      if (k in r && r[k] === false) err(`evidence.${k} given but ${k} is false`);
    }
    kinds[r.kind] = (kinds[r.kind] || 0) + 1;
    const words = (r.text || '').split(/\s+/).filter(Boolean).length;
    if (words < 150 || words > 600) err(`memo has ${words} words (150-600)`);
  } else {
    if (JSON.stringify(Object.keys(r)) !== JSON.stringify(KEYS)) err(`keys must be exactly ${KEYS.join(',')} in that order`);
    if (!LABELS[r.label]) err(`unknown label ${r.label}`);
    else if (!LABELS[r.label].includes(r.category)) err(`category ${r.category} is not one of ${r.label}'s`);
    if (!Array.isArray(r.spans)) err('spans must be a list');
    else {
      if (r.label === 'ok' && (r.spans.length || r.rewrite !== '')) err('ok items have spans [] and rewrite ""');
      if (r.label !== 'ok' && (!r.spans.length || !r.rewrite)) err('flagged items need at least one span and a rewrite');
      for (const s of r.spans) if (!s || !r.text.includes(s)) err(`span not an exact substring of text: ${JSON.stringify(s)}`);
    }
    counts[`${r.label}/${r.category}`] = (counts[`${r.label}/${r.category}`] || 0) + 1;
  }
  if (ids.has(r.id)) err('duplicate id'); ids.add(r.id);
  if (texts.has(r.text)) err('duplicate text'); texts.add(r.text);
});
console.log(`${lines.length} items, ${bad} problems`);
if (memo) console.log(kinds);
if (!memo) { const lab = {}; for (const [k, v] of Object.entries(counts)) { const l = k.split('/')[0]; lab[l] = (lab[l] || 0) + v; } console.log(lab); console.log(counts); }
process.exit(bad ? 1 : 0);
