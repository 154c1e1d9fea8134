// Vitest global setup: regenerate src/generated/ from rules/**/*.yml before any test file is
// collected, so `npx vitest run` after editing a rule's YAML tests the edited rule, not the last
// build's. (Tests that spawn the built CLI read dist/: `npm test` rebuilds that too.)
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export default function buildRules(): void {
  const script = fileURLToPath(new URL('../../scripts/build-rules.mjs', import.meta.url));
  // A YAML error fails the run here, with the script's `file:line: message` on stderr.
  execFileSync(process.execPath, [script], { stdio: ['ignore', 'inherit', 'inherit'], timeout: 120_000 });
}
