// The project's JSON Lines reader (src/eval/jsonl.ts), for the tests that read data files.
export { readJsonl } from '../../src/eval/jsonl.js';
