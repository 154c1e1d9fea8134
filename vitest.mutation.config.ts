// The tests StrykerJS runs against each mutant (npm run test:mutation): the in-process
// specifications of the mutated code, without spawned CLIs, editors or the full rule packs' suite.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/core/**/*.test.ts', 'tests/node/**/*.test.ts', 'tests/lsp/convert.test.ts', 'tests/safety/write.test.ts', 'tests/plugin/plugin.test.ts'],
    testTimeout: 60_000,
  },
});
