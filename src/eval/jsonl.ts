// JSON Lines as the project's data files are written: one object per line, blank lines ignored.
import { readFileSync } from 'node:fs';

export function readJsonl<T>(path: string): T[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T);
}
