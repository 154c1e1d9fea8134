// npm test: every test under tests/. Mutation-testing sandboxes are copies of the project, not tests.
import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    exclude: [...configDefaults.exclude, '.stryker-tmp/**', 'reports/**'],
  },
});
