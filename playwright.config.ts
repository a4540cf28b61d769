import { defineConfig } from '@playwright/test';

// End-to-end tests load the *built* extension (.output/chrome-mv3) into Debian's
// Chromium (/usr/bin/chromium or $CHROMIUM_PATH): build first with `npx wxt build`.
// The browser, the fixture server and the extension are set up by tests/e2e/fixtures.ts,
// so there is no `projects`/`webServer` here. Never run `npx playwright install`.
const CI = !!process.env.CI;

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  // Every test launches its own Chromium (~1.5 s). Two cores: one worker keeps
  // timing-sensitive specs (stress, long tasks) honest. PW_WORKERS=2 to go faster.
  workers: Number(process.env.PW_WORKERS) || 1,
  fullyParallel: false,
  forbidOnly: CI,
  retries: CI ? 1 : 0,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  globalTimeout: CI ? 30 * 60_000 : 0,
  // Concurrent runs in one tree wipe each other's artifacts: give each its own dirs with
  // PW_OUTPUT_DIR=/tmp/x (report goes to $PW_OUTPUT_DIR/report).
  reporter: [['list'], ['html', { open: 'never', outputFolder: process.env.PW_OUTPUT_DIR ? `${process.env.PW_OUTPUT_DIR}/report` : 'playwright-report' }]],
  outputDir: process.env.PW_OUTPUT_DIR ?? 'test-results',
  use: {
    actionTimeout: 10_000,
    navigationTimeout: 15_000,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
