// The rule files of the repository, for tests that read them as text.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Every `.yml` file under `dir`, depth first. */
export function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? yamlFiles(full) : full.endsWith('.yml') ? [full] : [];
  });
}
