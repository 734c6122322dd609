import { defineConfig } from 'vitest/config';

// Tests of the Firefox build in `.output/firefox-mv3`. `npm run test:firefox` builds it first.
export default defineConfig({
  test: {
    root: `${import.meta.dirname}/../..`,
    environment: 'node',
    include: ['tests/firefox/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
