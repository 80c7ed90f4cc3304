/**
 * Test tiers (kept apart from vite.config.ts so the crx plugin never loads under tests):
 *   unit    — Node: the pure engine, pack, CLI, repo conventions (test/unit, test/meta)
 *   dom     — happy-dom: text extraction and UI components (test/dom)
 *   browser — the built extension in real Chromium and Firefox ESR (test/browser); builds dist/ first
 */
import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [preact()],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['test/unit/**/*.test.ts', 'test/meta/**/*.test.ts'],
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: { name: 'dom', environment: 'happy-dom', include: ['test/dom/**/*.test.{ts,tsx}'] },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          environment: 'node',
          include: ['test/browser/**/*.test.ts'],
          globalSetup: ['test/browser/setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          // After the unit and DOM tiers, not beside them: the browser tier times things (first paint, task lengths)
          // and should not share the two cores with type checks and unit tests.
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
