/**
 * The inspector page (`/__inspector/`, built by `npm run build` into dist/inspector) in a real
 * Chromium, against the standalone server. Screenshots of each view go to reports/inspector/
 * (test artifacts, not committed); AUTHFLOW_UPDATE_DOCS_SCREENSHOT=1 also writes docs/inspector.png
 * and docs/inspector-fixtures*.png.
 */
import { existsSync, mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createMockServer } from '../../mocks/doors/http/index.js';
import { applications } from '../../mocks/providers/eventbookings/fixtures.js';
import { providerIds } from '../../mocks/providers/index.js';
import { describeBrowser, launch, useBrowser } from '../support/browser.js';
import { listeningServer } from '../support/http.js';
import { lastEntry, lastReason } from '../support/kit.js';

const [app] = applications as [(typeof applications)[0]];
const reports = 'reports/inspector';
const built = existsSync('dist/inspector/operations.json');

/** Issues an EventBookings access token with `fetch` from the page, as an app would. */
function issueToken(page: Page): Promise<string> {
  return page.evaluate(
    async ({ id, secret }) => {
      const res = await fetch('/identity.eventbookings.com/connect/token', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: id,
          client_secret: secret,
        }).toString(),
      });
      return ((await res.json()) as { access_token: string }).access_token;
    },
    { id: app.client_id, secret: app.client_secret },
  );
}

function getMe(page: Page, token?: string): Promise<number> {
  return page.evaluate(async (token) => {
    const res = await fetch(
      '/api.eventbookings.com/me',
      token ? { headers: { authorization: `Bearer ${token}` } } : {},
    );
    return res.status;
  }, token);
}

/** Every control on the page has an accessible name: its label, aria-label or text. */
function unnamedControls(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('button, input, select, a, summary')]
      .filter((el) => {
        const labelled = (el as HTMLInputElement).labels?.length ?? 0;
        return labelled === 0 && !el.getAttribute('aria-label') && (el.textContent ?? '').trim() === '';
      })
      .map((el) => el.outerHTML.slice(0, 80)),
  );
}

describeBrowser('the inspector page in Chromium', () => {
  if (!built) throw new Error('dist/inspector is missing: run npm run build first.');
  const mock = createMockServer();
  let base = '';
  let browser: Browser;
  let page: Page;
  const offOrigin: string[] = [];
  const errors: string[] = [];
  const consoleErrors: string[] = [];

  async function open(view: string, width = 1280, height = 800): Promise<void> {
    await page.setViewportSize({ width, height });
    await page.goto(`${base}/__inspector/#${view}`);
    await page.waitForSelector('body[data-ready]');
  }
  async function shot(name: string): Promise<void> {
    await page.screenshot({ path: `${reports}/${name}.png`, fullPage: true });
  }

  beforeAll(async () => {
    mkdirSync(reports, { recursive: true });
    base = (await mock.listen(0)).url;
    browser = await launch();
    page = await (await browser.newContext()).newPage();
    page.on('pageerror', (error) => errors.push(String(error)));
    page.on('console', (message) => {
      // The resource a load error is about (the API calls the tests make on purpose answer 401).
      if (message.type() === 'error') consoleErrors.push(`${message.location().url}: ${message.text()}`);
    });
    page.on('request', (req) => {
      if (!req.url().startsWith(`${base}/`)) offOrigin.push(req.url());
    });
  }, 60_000);
  beforeEach(async () => {
    await mock.control.reset();
  });
  afterAll(async () => {
    await browser?.close();
    await mock.close();
  });

  it('GET / in a browser links to the inspector; the Overview shows every provider with its hosts', async () => {
    await page.goto(`${base}/`);
    await page.getByRole('link', { name: 'Open the inspector' }).click();
    await page.waitForSelector('body[data-ready]');
    for (const id of providerIds) {
      const title = mock.engine.providers.get(id)?.title as string;
      await expect(page.getByRole('heading', { name: `${title} (${id})` }).isVisible()).resolves.toBe(true);
      await expect(page.getByRole('link', { name: `API reference: ${title}` }).isVisible()).resolves.toBe(true);
    }
    await expect(page.getByText(`${base}/identity.eventbookings.com`).isVisible()).resolves.toBe(true);
    // Fixtures: a secret is masked until revealed.
    await page.getByText('Fixtures').first().click();
    const secret = app.client_secret;
    expect(await page.locator('main').innerText()).not.toContain(secret);
    await page.getByRole('button', { name: `Reveal client_secret of ${app.name}` }).click();
    expect(await page.locator('main').innerText()).toContain(secret);
    expect(page.url()).not.toContain(secret);
    await shot('overview');
    expect(await unnamedControls(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('Tokens: a token issued with fetch appears, masked, with its owner, scopes and countdown; Revoke ends it', async () => {
    await open('tokens');
    const token = await issueToken(page);
    await page.getByRole('button', { name: 'Refresh tokens' }).click();
    const row = page.locator('#tokens-table tr', { hasText: 'access_token' }).filter({ hasText: 'eventbookings' });
    await row.first().waitFor();
    const text = await row.first().innerText();
    expect(text).toContain(`client ${app.client_id}`);
    expect(text).toContain('event.read');
    expect(text).toMatch(/in 59m \d+s/);
    expect(text).toContain('live');
    expect(text).toContain(token.slice(0, 4));
    expect(await page.content()).not.toContain(token);
    await shot('tokens');
    await page.setViewportSize({ width: 390, height: 844 });
    await shot('tokens-390');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.setViewportSize({ width: 1280, height: 800 });

    await row
      .first()
      .getByRole('button', { name: /^Revoke eventbookings access_token/ })
      .click();
    await page.waitForSelector('#tokens-table tr[data-state="revoked"]');
    expect(await getMe(page, token)).toBe(401);
    expect(await unnamedControls(page)).toEqual([]);
  });

  it('Clock: advancing a day from the page expires the token, and the API refuses it', async () => {
    const token = await issueToken(page);
    await open('clock');
    await page.getByRole('button', { name: 'Advance clock 1 day' }).click();
    await page.waitForFunction(() => document.getElementById('clock-offset')?.textContent?.includes('1d'));
    expect(mock.control.clock().offsetSeconds).toBeGreaterThanOrEqual(86_400);
    await shot('clock');
    await open('tokens');
    await page.waitForSelector('#tokens-table tr[data-state="expired"]');
    expect(await getMe(page, token)).toBe(401);
    expect(lastReason(mock)).toBe('token_expired');
    // From the keyboard: focus the custom field, type, press Enter.
    await open('clock');
    await page.getByLabel('Seconds to advance').fill('60');
    await page.getByLabel('Seconds to advance').press('Enter');
    await page.waitForFunction(() => document.getElementById('clock-offset')?.textContent?.includes('1d 1m'));
    await page.getByRole('button', { name: 'Reset clock to real time' }).click();
    await page.waitForFunction(() => document.getElementById('clock-offset')?.textContent === 'Real time.');
    expect(await unnamedControls(page)).toEqual([]);
  });

  it('Journal: a refused call shows live with its reason; the row opens to its details; filters narrow it', async () => {
    await open('journal');
    expect(await getMe(page)).toBe(401);
    const reason = lastReason(mock) as string;
    expect(reason).toBe('credentials_missing');
    const row = page.locator('#journal-list li[data-outcome="refused"]');
    await row.first().waitFor();
    expect(await row.first().innerText()).toContain(reason);
    await row.first().locator('summary').click();
    expect(await row.first().locator('.detail').innerText()).toContain('Refusal reason');
    await issueToken(page);
    await page.locator('#journal-list li[data-outcome="ok"]').first().waitFor();
    await page.getByLabel('Outcome').selectOption('refused');
    await expect(page.locator('#journal-list li').count()).resolves.toBe(1);
    await page.getByLabel('Reason').selectOption(reason);
    await expect(page.locator('#journal-list li').count()).resolves.toBe(1);
    await shot('journal');
    await page.getByLabel('Outcome').selectOption('');
    await page.getByLabel('Reason').selectOption('');
    expect(await unnamedControls(page)).toEqual([]);
  });

  it('Faults: a fault added from the page (provider, operation from the spec, status) takes the next matching request', async () => {
    const token = await issueToken(page);
    await open('faults');
    await page.getByLabel('Provider').selectOption('eventbookings');
    await page.getByLabel('Operation').selectOption('getMe');
    await page.getByLabel('Status', { exact: true }).fill('503');
    await page.getByRole('button', { name: 'Add fault' }).click();
    await page.locator('#faults-table tr[data-fault]').first().waitFor();
    expect(mock.control.faults().faults).toMatchObject([
      { provider: 'eventbookings', operationId: 'getMe', status: 503 },
    ]);
    await shot('faults');
    expect(await getMe(page, token)).toBe(503);
    expect(lastEntry(mock)).toMatchObject({ outcome: 'fault', status: 503 });
    expect(await getMe(page, token)).toBe(200);
    expect(await unnamedControls(page)).toEqual([]);
  });

  it('Reset asks for confirmation, then forgets tokens, faults and the journal', async () => {
    const token = await issueToken(page);
    mock.control.addFault({ provider: 'tracx', status: 500 });
    await open('tokens');
    await page.getByRole('button', { name: 'Reset', exact: true }).click();
    await page.getByRole('button', { name: 'Cancel', exact: true }).click();
    expect(mock.control.faults().faults).toHaveLength(1);
    await page.getByRole('button', { name: 'Reset', exact: true }).click();
    await shot('reset-dialog');
    await page.getByRole('button', { name: 'Reset everything' }).click();
    await page.waitForFunction(() => document.getElementById('status')?.textContent === 'Everything reset.');
    expect(mock.control.faults().faults).toHaveLength(0);
    expect(mock.control.journal().entries).toHaveLength(0);
    // The table refreshes after the status line: wait for it rather than read it once.
    const live = page.locator('#tokens-table tr[data-state="live"]', { hasText: 'eventbookings' });
    await expect.poll(() => live.count(), { timeout: 10_000 }).toBe(0);
    expect(await getMe(page, token)).toBe(401);
  });

  it('API reference: rendered by Redocly, served offline, listing the local server beside the real one', async () => {
    await open('docs');
    await shot('docs-index');
    await page.getByRole('link', { name: 'API reference: EventBookings' }).click();
    await page.waitForLoadState('load');
    await page.getByText(`${base}/api.eventbookings.com`).first().waitFor();
    await expect(page.getByText('https://api.eventbookings.com').first().isVisible()).resolves.toBe(true);
    await page.waitForTimeout(300);
    await shot('docs-eventbookings');
    expect(errors).toEqual([]);
  });

  it('works from the keyboard: views are links, Reset opens a dialog that Escape closes, a row opens with Enter', async () => {
    await open('overview');
    await page.getByRole('link', { name: 'Journal', exact: true }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Journal' }).waitFor();
    expect(new URL(page.url()).hash).toBe('#journal');
    expect(await getMe(page)).toBe(401);
    const summary = page.locator('#journal-list li summary').first();
    await summary.waitFor();
    await summary.focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('#journal-list li details').first().getAttribute('open')).resolves.toBe('');
    mock.control.addFault({ provider: 'tracx', status: 500 });
    await page.getByRole('button', { name: 'Reset', exact: true }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('dialog', { name: 'Reset everything?' }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('dialog', { name: 'Reset everything?' }).waitFor({ state: 'hidden' });
    expect(mock.control.faults().faults).toHaveLength(1);
  });

  it('works at 390 px wide: no view is wider than the screen', async () => {
    for (const view of ['overview', 'tokens', 'clock', 'journal', 'faults', 'docs']) {
      await open(view, 390, 844);
      expect([view, await page.evaluate(() => document.documentElement.scrollWidth)]).toEqual([view, 390]);
      await shot(`${view}-390`);
    }
  });

  describe.each([
    [1280, 800],
    [390, 844],
  ])('Overview fixtures at %i px', (width, height) => {
    it('every table fits (or stacks), identifiers never wrap, and a value copies itself (no Copy button per cell)', async () => {
      await open('overview', width, height);
      await page.evaluate(() => {
        for (const d of document.querySelectorAll('details')) d.open = true;
      });
      const layout = await page.evaluate(() => {
        const tables = [...document.querySelectorAll<HTMLTableElement>('table.fixtures')];
        const regions = tables.map((t) => t.parentElement as HTMLElement);
        const values = tables.flatMap((t) => [...t.querySelectorAll<HTMLElement>('button.copy code')]);
        const ids = values.filter((v) => /^[\w.@:/-]{8,40}$/.test(v.textContent ?? ''));
        return {
          tables: tables.length,
          pageWidth: document.documentElement.scrollWidth,
          // A column cut off: a table wider than its region (more than a rounding pixel).
          clipped: regions.filter((r) => r.scrollWidth > r.clientWidth + 12).map((r) => r.getAttribute('aria-label')),
          ids: ids.length,
          // An identifier on more than one line was broken mid-word.
          wrapped: ids
            .filter(
              (v) =>
                v.getClientRects().length > 1 ||
                v.offsetHeight > 1.6 * Number.parseFloat(getComputedStyle(v).lineHeight || '20'),
            )
            .map((v) => v.textContent),
          copyButtons: tables
            .flatMap((t) => [...t.querySelectorAll('button')])
            .filter((b) => b.textContent?.trim() === 'Copy').length,
          unnamedValues: values.filter((v) => !(v.parentElement?.getAttribute('aria-label') ?? '').startsWith('Copy '))
            .length,
        };
      });
      expect(layout.tables).toBeGreaterThan(10);
      expect(layout.pageWidth).toBe(width);
      expect(layout.clipped).toEqual([]);
      expect(layout.ids).toBeGreaterThan(20);
      expect(layout.wrapped).toEqual([]);
      expect(layout.copyButtons).toBe(0);
      expect(layout.unnamedValues).toBe(0);
      await shot(`overview-fixtures-${width}`);
    });
  });

  it('Faults: a status after a delay, both from the form', async () => {
    await open('faults');
    await page.getByLabel('Provider').selectOption('eventbookings');
    await page.getByLabel('Operation').selectOption('getMe');
    await page.getByLabel('Status', { exact: true }).fill('503');
    await page.getByLabel('Delay (ms)').fill('250');
    await page.getByRole('button', { name: 'Add fault' }).click();
    // The page may still list an earlier test's fault: wait for the server's list instead.
    await expect.poll(() => mock.control.faults().faults.length).toBe(1);
    expect(mock.control.faults().faults).toMatchObject([
      { provider: 'eventbookings', operationId: 'getMe', status: 503, delayMs: 250 },
    ]);
  });

  it('the API reference title wraps between words only, at 390 px', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${base}/__inspector/docs/eventbookings`);
    const title = page.locator('h1').first();
    await title.waitFor();
    const broken = await title.evaluate((h1) => {
      const text = h1.firstChild as Text;
      const words = [...(text.textContent ?? '').matchAll(/\S+/g)];
      return words
        .filter((m) => {
          const range = document.createRange();
          range.setStart(text, m.index ?? 0);
          range.setEnd(text, (m.index ?? 0) + m[0].length);
          return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size > 1;
        })
        .map((m) => m[0]);
    });
    expect(broken).toEqual([]);
    await shot('docs-eventbookings-390');
  });

  it('answers /favicon.ico (no 404 in the console)', async () => {
    const res = await fetch(`${base}/favicon.ico`);
    expect(res.status).toBeLessThan(300);
  });

  it('never reaches beyond the server (no CDN), and reports no page or console error', () => {
    expect(offOrigin).toEqual([]);
    expect(errors).toEqual([]);
    // No favicon 404, no script error; only the tests' own refused API calls fail to load.
    expect(
      consoleErrors.filter((e) => !/\/(api|identity)\.eventbookings\.com\/.*Failed to load resource/.test(e)),
    ).toEqual([]);
  });

  it('shows the README scene: a live token and a refused call; writes docs/inspector.png when asked', async () => {
    const token = await issueToken(page);
    expect(await getMe(page)).toBe(401);
    await open('tokens');
    const row = page.locator('#tokens-table tr', { hasText: 'access_token' }).filter({ hasText: 'eventbookings' });
    await row.first().waitFor();
    expect(await row.first().innerText()).toContain(token.slice(0, 4));
    expect(lastReason(mock)).toBe('credentials_missing');
    // Always drawn (into reports/inspector/), so a broken scene fails here, not in the README; into
    // docs/ only when asked.
    const into = process.env.AUTHFLOW_UPDATE_DOCS_SCREENSHOT === '1' ? 'docs' : reports;
    expect((await page.screenshot({ path: `${into}/inspector.png` })).subarray(1, 4).toString()).toBe('PNG');
    // The Overview with EventBookings' fixtures open, on a desktop and on a phone.
    for (const [width, height, file] of [
      [1280, 800, 'inspector-fixtures.png'],
      [390, 844, 'inspector-fixtures-390.png'],
    ] as const) {
      await open('overview', width, height);
      await page.evaluate(() => {
        for (const d of document.querySelectorAll('details')) d.open = false;
        (document.querySelector('details') as HTMLDetailsElement).open = true;
      });
      await page.evaluate(() => {
        const top = (document.querySelector('article.card') as HTMLElement).getBoundingClientRect().top;
        window.scrollTo(0, top + window.scrollY - 8);
      });
      await page.waitForTimeout(300);
      await page.screenshot({ path: `${into}/${file}` });
    }
  });
});

describeBrowser('the inspector against a server with a control token', () => {
  const controlToken = 'inspector-test-control-token-0123456789';
  const server = listeningServer({ controlToken });
  const chromium = useBrowser();

  it('asks for the token, keeps it in memory only, and sends it as a bearer token', async () => {
    const page = await (await chromium.browser.newContext()).newPage();
    const sent: (string | undefined)[] = [];
    page.on('request', (req) => {
      if (req.url().includes('/__control/')) sent.push(req.headers().authorization);
    });
    await page.goto(`${server.url}/__inspector/`);
    const input = page.getByRole('textbox', { name: 'Control token' });
    await input.waitFor();
    await shot(page, 'control-token');
    await input.fill('wrong-token-wrong-token');
    await input.press('Enter');
    await page.waitForFunction(() => (document.getElementById('token-error')?.textContent ?? '') !== '');
    await input.fill(controlToken);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.waitForSelector('body[data-ready]');
    expect(sent).toContain(`Bearer ${controlToken}`);
    const stored = await page.evaluate(
      () => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }),
    );
    expect(stored).not.toContain(controlToken);
    expect(page.url()).not.toContain(controlToken);
    await page.close();
  });
});

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${reports}/${name}.png`, fullPage: true });
}
