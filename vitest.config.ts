// npm test: every test under tests/, in two projects. `unit` runs in process (npm run test:unit,
// the inner loop); `integration` spawns the built CLI, the language server, git or an editor
// (after npm run build). Mutation-testing sandboxes are copies of the project, not tests.
import { configDefaults, defineConfig } from 'vitest/config';

/** Test files that start processes (the built CLI or server, git, pre-commit, editors) or read dist/ (scripts/train.mjs). */
const spawning = [
  'tests/cli/**/*.test.ts',
  'tests/e2e/**/*.test.ts',
  'tests/safety/cli.test.ts',
  'tests/safety/write.test.ts',
  'tests/eval/run.test.ts',
  'tests/eval/train.test.ts',
  'tests/fuzz/matcher.test.ts',
  'tests/fuzz/lsp.property.test.ts',
  'tests/lsp/server.test.ts',
];
const exclude = [...configDefaults.exclude, '.stryker-tmp/**', 'reports/**'];

export default defineConfig({
  test: {
    exclude,
    // Rules are data compiled into src/generated/: rebuild them first so a YAML edit is what's tested.
    globalSetup: ['tests/setup/build-rules.ts'],
    // Vitest's default on 2 cores is one worker; most files here wait on a child process or the
    // disk, so two keep both cores busy.
    maxWorkers: 2,
    // Two workers plus their children on a shared 2-core machine: 5 s is too tight for the
    // heavier in-process files. No test asserts a duration.
    testTimeout: 30_000,
    projects: [
      // Unit files share their worker's module graph (isolate: false): each worker loads src/ and
      // the compiled rules once instead of once per file, which was half the unit project's time.
      // No unit test mocks modules, stubs globals or changes the environment; keep it that way
      // (or move such a file to its own project).
      { extends: true, test: { name: 'unit', include: ['tests/**/*.test.ts'], exclude: [...exclude, ...spawning], isolate: false } },
      { extends: true, test: { name: 'integration', include: spawning, exclude } },
    ],
  },
});
