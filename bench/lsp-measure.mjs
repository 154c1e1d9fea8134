// Language-server re-lint latency after one-character edits, driven over JSON-RPC in-process by
// src/lsp/measure.ts (debounce 0, so only re-lint and protocol time is measured).
//   node --expose-gc bench/lsp-measure.mjs <file> <edits>
// Prints one JSON line: p50/p95 over the first 100 timed edits and over all of them, heap after
// 10 and after every edit (after gc), and the process RSS at the end.
import { readFileSync } from 'node:fs';
import { measureRelintLatency } from '../dist/lsp/measure.js';

const [file, edits = '1000'] = process.argv.slice(2);
const text = readFileSync(file, 'utf8');
const started = performance.now();
const result = await measureRelintLatency({ text, edits: Number(edits), warmup: 10 });
const quantile = (xs, q) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
};
const first100 = result.samplesMs.slice(0, 100);
globalThis.gc?.();
console.log(
  JSON.stringify({
    file,
    edits: result.samplesMs.length,
    p50First100: quantile(first100, 0.5),
    p95First100: quantile(first100, 0.95),
    p50All: quantile(result.samplesMs, 0.5),
    p95All: quantile(result.samplesMs, 0.95),
    maxAll: Math.max(...result.samplesMs),
    lastDiagnostics: result.lastDiagnostics,
    heapAfter10: result.heapAfter10,
    heapAfterAll: result.heapAfterAll,
    rssEnd: process.memoryUsage().rss,
    maxRss: process.resourceUsage().maxRSS * 1024,
    totalMs: performance.now() - started,
  }),
);
