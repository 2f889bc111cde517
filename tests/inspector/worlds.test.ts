/** The inspector's world picker, in a real Chromium: each world's page shows that world only. */
import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { applications } from '../../mocks/providers/eventbookings/fixtures.js';
import { describeBrowser, useBrowser } from '../support/browser.js';
import { listeningServer } from '../support/http.js';

const [app] = applications as [(typeof applications)[0]];

describeBrowser('the inspector and worlds', () => {
  const server = listeningServer();
  const chromium = useBrowser();
  let base = '';
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    base = server.url;
    page = await (await chromium.browser.newContext()).newPage();
    page.on('pageerror', (error) => errors.push(String(error)));
  });

  async function createWorld(name: string): Promise<{ id: string; base: string }> {
    const res = await fetch(`${base}/__control/worlds`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name }),
    });
    const body = (await res.json()) as { id: string; urls: { base: string } };
    return { id: body.id, base: body.urls.base };
  }

  async function issue(at: string): Promise<void> {
    const res = await fetch(`${at}/identity.eventbookings.com/connect/token`, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: app.client_id,
        client_secret: app.client_secret,
      }),
    });
    expect(res.status).toBe(200);
  }

  it('a world’s page lists its own tokens and journal, the picker names it, and choosing default opens the default world', async () => {
    const world = await createWorld('checkout suite');
    await issue(world.base);
    await fetch(`${world.base}/__control/clock`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ advanceSeconds: 7200 }),
    });

    await page.goto(`${world.base}/__inspector/#tokens`);
    await page.waitForSelector('body[data-ready]');
    expect(await page.getAttribute('body', 'data-world')).toBe(world.id);
    const picker = page.getByLabel('World');
    expect(await picker.inputValue()).toBe(world.id);
    expect(await picker.locator('option:checked').innerText()).toContain('checkout suite');
    // The world's clock (two hours on), its expired token, and its journal.
    await page
      .locator('#tokens-table tr[data-state="expired"]', { hasText: 'eventbookings' })
      .first()
      .waitFor({ timeout: 5000 });
    await page.goto(`${world.base}/__inspector/#journal`);
    await page.waitForSelector('body[data-ready]');
    const entries = page.locator('#journal-list li');
    await entries.first().waitFor({ timeout: 5000 });
    expect(await entries.count()).toBe(1);
    expect(await entries.first().innerText()).toContain('/connect/token');

    // The default world has neither.
    await picker.selectOption('default');
    await page.waitForURL(`${base}/__inspector/#journal`, { timeout: 5000 });
    await page.waitForSelector('body[data-ready]');
    expect(await page.getAttribute('body', 'data-world')).toBe('default');
    expect(await page.locator('#journal-list li').count()).toBe(0);
    await page.goto(`${base}/__inspector/#tokens`);
    await page.waitForSelector('body[data-ready]');
    expect(await page.locator('#tokens-table tr', { hasText: 'access_token' }).count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('the picker lists the live worlds, and a deleted world’s page says so', async () => {
    const a = await createWorld('alpha');
    await createWorld('beta');
    // A fresh load (a hash change alone would keep the page and its list).
    await page.goto('about:blank');
    await page.goto(`${base}/__inspector/#overview`);
    await page.waitForSelector('body[data-ready]');
    const options = await page.getByLabel('World').locator('option').allInnerTexts();
    expect(options[0]).toBe('default');
    expect(options.some((o) => o.startsWith('alpha'))).toBe(true);
    expect(options.some((o) => o.startsWith('beta'))).toBe(true);
    await fetch(`${base}/__control/worlds/${a.id}`, { method: 'DELETE' });
    const gone = await page.goto(`${a.base}/__inspector/`);
    expect(gone?.status()).toBe(404);
  });
});
