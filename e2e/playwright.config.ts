import { defineConfig } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';

/**
 * Browser tests run in the machine's Chromium (Debian package `chromium`; Playwright never downloads
 * a browser here) against a whole stack started by the start command itself, on ports shifted by
 * E2E_PORT_OFFSET and with a database and Redis prefix of their own.
 */
const offset = Number(process.env['E2E_PORT_OFFSET'] ?? 20_000);
const runId =
  process.env['E2E_RUN_ID'] ?? `e2e_${randomBytes(3).toString('hex')}`;
// Workers re-evaluate this file: keep the same run id for all of them.
process.env['E2E_RUN_ID'] = runId;
const root = resolve(__dirname, '..');

export const stackUrls = {
  portal: `http://localhost:${3000 + offset}`,
  core: `http://localhost:${4000 + offset}`,
  partnersApi: `http://localhost:${4300 + offset}`,
  maildev: `http://localhost:${1080 + offset}`,
  consent: `http://localhost:${4200 + offset}`,
  mockServiceProvider: `http://localhost:${4500 + offset}`,
  mockDataProvider: `http://localhost:${4600 + offset}`,
};

export default defineConfig({
  testDir: './browser',
  // Runs on other offsets (several at once on one machine) keep their artifacts apart.
  outputDir: resolve(root, offset === 20_000 ? 'dist/test-results/browser' : `dist/test-results/browser-${offset}`),
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env['CI'],
  retries: 0,
  timeout: 60_000,
  reporter: [
    ['list'],
    [
      'html',
      {
        open: 'never',
        outputFolder: resolve(root, 'dist/test-results/browser-report'),
      },
    ],
  ],
  use: {
    baseURL: stackUrls.portal,
    locale: 'fr-FR',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--headless',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-dev-shm-usage',
        '--disable-component-update',
        '--no-first-run',
      ],
    },
  },
  webServer: {
    command: `node ${resolve(root, 'tools/scripts/start.mjs')}`,
    cwd: root,
    wait: { stdout: /\[start\] ready/ },
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 30_000 },
    env: {
      PORT_OFFSET: `${offset}`,
      FEDERATION_DB_NAME: `t_${runId}`,
      REDIS_PREFIX: `test_${runId}`,
      LOG_LEVEL: 'info',
      // Every browser of the run comes from 127.0.0.1: the per-IP limits would count the whole suite as one person.
      RATE_LIMIT_SIGNUP_PER_IP: '1000',
      RATE_LIMIT_LOGIN_PER_IP: '1000',
      RATE_LIMIT_RESET_PER_IP: '1000',
    },
  },
  globalTeardown: './browser/support/global-teardown.ts',
});
