import { expect, test } from '@playwright/test';
import { stackUrls } from '../playwright.config';
import { APPLICANT, apiLogin, browserAs, INSTRUCTOR, screenshot } from './support/partners';

/*
 * The queue dashboard (Bull Board, read-only) relayed by the portal to platform admins, in Chromium.
 */
test.describe('the queue dashboard', () => {
  test('shows the platform’s queues to a platform admin', async ({ browser }) => {
    const admin = await browserAs(browser, await apiLogin(INSTRUCTOR));
    const page = await admin.newPage();
    try {
      await page.goto(`${stackUrls.portal}/admin/files-d-attente`, { waitUntil: 'load' });
      await expect(page).toHaveTitle('Files d’attente');
      for (const queue of ['mail', 'business-events', 'client-publications'])
        await expect(page.getByText(queue, { exact: true }).first()).toBeVisible({ timeout: 15_000 });
      await screenshot(page, 'files-d-attente');
    } finally {
      await admin.close();
    }
  });

  test('is refused to a member who is not a platform admin, and sends visitors to the login page', async ({ browser }) => {
    const member = await browserAs(browser, await apiLogin(APPLICANT));
    try {
      const page = await member.newPage();
      const response = await page.goto(`${stackUrls.portal}/admin/files-d-attente`, { waitUntil: 'load' });
      expect(response?.status()).toBe(403);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Accès réservé');
    } finally {
      await member.close();
    }
    const visitor = await browser.newContext();
    try {
      const page = await visitor.newPage();
      await page.goto(`${stackUrls.portal}/admin/files-d-attente`, { waitUntil: 'load' });
      expect(new URL(page.url()).pathname).toBe('/connexion');
    } finally {
      await visitor.close();
    }
  });
});
