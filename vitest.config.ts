// npm test: every test under tests/. Mutation-testing sandboxes are copies of the project, not tests.
import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    exclude: [...configDefaults.exclude, '.stryker-tmp/**', 'reports/**'],
    // Rules are data compiled into src/generated/: rebuild them first so a YAML edit is what's tested.
    globalSetup: ['tests/setup/build-rules.ts'],
  },
});
