// Used only when /usr/bin/time is missing: preloaded into every measured node process with
// NODE_OPTIONS=--import, it appends the process's peak RSS (KB) to $TONELINT_BENCH_RSS at exit.
import { appendFileSync } from 'node:fs';

const out = process.env.TONELINT_BENCH_RSS;
if (out) process.on('exit', () => appendFileSync(out, `${process.resourceUsage().maxRSS}\n`));
