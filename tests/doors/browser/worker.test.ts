/**
 * `authflow-mocks/browser` in a real Chromium: MSW's service worker answers the page's own
 * `fetch` calls to the real provider URLs, from one mock world living in the page.
 */
import { expect, it } from 'vitest';
import { applications } from '../../../mocks/providers/eventbookings/fixtures.js';
import { clients, companies } from '../../../mocks/providers/eventix/fixtures.js';
import { users as teletrackerUsers } from '../../../mocks/providers/teletracker/fixtures.js';
import { describeBrowser, openBrowserPage, pageFetch } from '../../support/browser.js';

const [eventsApp] = applications as [(typeof applications)[0]];
const [demoApp] = clients as [(typeof clients)[0]];
const [lowlands, noorderzon] = companies;
const [marketing] = teletrackerUsers as [(typeof teletrackerUsers)[0]];
const redirectUri = demoApp.redirect_uris[0] as string;

describeBrowser('authflow-mocks/browser in Chromium', () => {
  const browser = openBrowserPage();
  const get = (url: string, token?: string, extra: [string, string][] = []) =>
    pageFetch(browser.page, url, {
      headers: [
        ...(token === undefined ? [] : ([['authorization', `Bearer ${token}`]] as [string, string][])),
        ...extra,
      ],
    });

  async function eventBookingsToken(): Promise<string> {
    const res = await pageFetch(browser.page, 'https://identity.eventbookings.com/connect/token', {
      json: {
        grant_type: 'client_credentials',
        client_id: eventsApp.client_id,
        client_secret: eventsApp.client_secret,
      },
    });
    expect(res.status).toBe(200);
    return res.body.access_token;
  }

  it('is served by the service worker: the page is controlled by mockServiceWorker.js', async () => {
    const script = await browser.page.evaluate(() => navigator.serviceWorker.controller?.scriptURL);
    expect(script).toBe(`${browser.origin}/mockServiceWorker.js`);
  });

  it('EventBookings: client_credentials token, /me with it, 401 without it', async () => {
    const token = await eventBookingsToken();
    const me = await get('https://api.eventbookings.com/me', token);
    expect(me).toMatchObject({ status: 200, body: { client_id: eventsApp.client_id } });

    const refused = await get('https://api.eventbookings.com/me');
    expect(refused.status).toBe(401);
    expect(refused.body).toEqual({ error: expect.any(String), error_description: expect.any(String) });
    // Chromium neither CORS-checks nor CORS-filters an answer the service worker made itself
    // (type `basic`), so page script reads every header; the door also exposes them (core/cors.ts).
    expect(refused.type).toBe('basic');
    expect(refused.headers['www-authenticate']).toMatch(/^Bearer realm=/);
    expect(refused.headers['access-control-expose-headers']).toContain('www-authenticate');
  });

  it('the clock: advancing past the lifetime (3600 s) ends the EventBookings token', async () => {
    const token = await eventBookingsToken();
    expect((await get('https://api.eventbookings.com/me', token)).status).toBe(200);
    await browser.page.evaluate(() => window.mocks.control.advanceClock(3601));
    const expired = await get('https://api.eventbookings.com/me', token);
    expect(expired).toMatchObject({ status: 401, body: { error: 'invalid_token' } });
    expect(expired.headers['www-authenticate']).toContain('error="invalid_token"');
  });

  it('Eventix: fetch(authorize, {redirect: "manual"}) is an opaque redirect, as in any browser', async () => {
    const url = new URL('https://auth.eventix.io/tokens/authorize');
    url.search = new URLSearchParams({
      client_id: demoApp.client_id,
      redirect_uri: redirectUri,
      response_type: 'code',
      state: 'st-fetch',
    }).toString();
    const res = await pageFetch(browser.page, url.href, { redirect: 'manual' });
    expect(res).toMatchObject({ status: 0, type: 'opaqueredirect', headers: {} });
    // The mock did answer (a 302 the browser hid): the journal has it.
    const entries = await browser.page.evaluate(() => window.mocks.control.journal().entries);
    expect(entries.map((e) => [e.operationId, e.status])).toEqual([['authorize', 302]]);
  });

  it('Eventix: a popup navigated to authorize ends at the redirect URI with code and state; the app exchanges the code and calls the API', async () => {
    const { page } = browser;
    const context = page.context();
    // A service worker sees only requests of its own origin's pages, so this navigation to
    // auth.eventix.io cannot reach it: Playwright routes it to the same MSW handlers, in the page,
    // and hands the browser their 302. The browser follows the Location itself, to the registered
    // redirect URI; no one answers that (the browser resolves no host names, see launch()), but
    // its request carries the code and state, as a real app's callback page would read them.
    const answered: number[] = [];
    await context.route('https://auth.eventix.io/**', async (route) => {
      const answer = await page.evaluate((url) => window.answer(url), route.request().url());
      if (answer === null) return route.abort();
      answered.push(answer.status);
      return route.fulfill({ status: answer.status, headers: answer.headers, body: answer.body });
    });
    try {
      const authorize = new URL('https://auth.eventix.io/tokens/authorize');
      authorize.search = new URLSearchParams({
        client_id: demoApp.client_id,
        redirect_uri: redirectUri,
        response_type: 'code',
        state: 'st-popup',
      }).toString();
      const [popup, callback] = await Promise.all([
        context.waitForEvent('page'),
        context.waitForEvent('request', (r) => r.url().startsWith(redirectUri)),
        page.evaluate((url) => {
          window.open(url, 'eventix-login');
        }, authorize.href),
      ]);
      expect(answered).toEqual([302]);
      expect(callback.isNavigationRequest()).toBe(true);
      expect(callback.redirectedFrom()?.url()).toBe(authorize.href);
      const landed = new URL(callback.url());
      await popup.close();
      expect(landed.origin + landed.pathname).toBe(redirectUri);
      expect(landed.searchParams.get('state')).toBe('st-popup');
      const code = landed.searchParams.get('code');
      expect(code).toEqual(expect.any(String));

      const tokens = await pageFetch(page, 'https://auth.eventix.io/tokens', {
        json: {
          grant_type: 'authorization_code',
          code,
          redirect_uri: redirectUri,
          client_id: demoApp.client_id,
          client_secret: demoApp.client_secret,
        },
      });
      expect(tokens.status).toBe(200);
      expect(tokens.body.info.companies.map((c: { guid: string }) => c.guid).sort()).toEqual(
        [lowlands.guid, noorderzon.guid].sort(),
      );

      const events = await get('https://api.eventix.io/event', tokens.body.access_token, [['company', lowlands.guid]]);
      expect(events.status).toBe(200);
      expect(events.body.length).toBeGreaterThan(0);
      expect(new Set(events.body.map((e: { company_id: string }) => e.company_id))).toEqual(new Set([lowlands.guid]));

      // The code was single-use.
      const again = await pageFetch(page, 'https://auth.eventix.io/tokens', {
        json: {
          grant_type: 'authorization_code',
          code,
          redirect_uri: redirectUri,
          client_id: demoApp.client_id,
          client_secret: demoApp.client_secret,
        },
      });
      expect(again).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    } finally {
      await context.unrouteAll();
    }
  });

  it('TeleTracker: multipart login from FormData, call data with the token, refresh rotation', async () => {
    const login = await pageFetch(browser.page, 'https://api.teletracker.net/auth/login', {
      multipart: { username: marketing.username, password: marketing.password },
    });
    expect(login).toMatchObject({ status: 200, body: { success: true, guid: marketing.guid } });
    const { token, refreshToken } = login.body;

    const calls = await get(
      'https://api.teletracker.net/reports/call-data?start_date=2025-03-01&end_date=2025-03-31',
      token,
    );
    expect(calls).toMatchObject({ status: 200, body: { success: true } });
    expect(calls.body.data.length).toBeGreaterThan(0);
    expect(new Set(calls.body.data.map((c: { account_id: number }) => c.account_id))).toEqual(
      new Set([marketing.default_account_id]),
    );

    const refreshed = await pageFetch(browser.page, 'https://api.teletracker.net/auth/refresh', {
      multipart: { refresh_token: refreshToken },
    });
    expect(refreshed).toMatchObject({ status: 200, body: { success: true } });
    expect(refreshed.body.token).not.toBe(token);
    const reused = await pageFetch(browser.page, 'https://api.teletracker.net/auth/refresh', {
      multipart: { refresh_token: refreshToken },
    });
    expect(reused).toMatchObject({ status: 401, body: { success: false, code: 'UNAUTHORIZED' } });

    const bad = await pageFetch(browser.page, 'https://api.teletracker.net/auth/login', {
      multipart: { username: marketing.username, password: 'wrong' },
    });
    expect(bad).toMatchObject({ status: 401, body: { success: false, code: 'INVALID_CREDENTIALS' } });
  });

  it('leaves other requests alone (onUnhandledRequest: "bypass"): the page still loads its own files', async () => {
    const res = await pageFetch(browser.page, `${browser.origin}/index.html`);
    expect(res.status).toBe(200);
    expect(res.body).toContain('app.js');
  });
});
