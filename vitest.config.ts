import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['lib/**/*.test.ts', 'components/**/*.test.ts?(x)', 'entrypoints/**/*.test.ts'],
    setupFiles: ['fake-indexeddb/auto'],
  },
});
