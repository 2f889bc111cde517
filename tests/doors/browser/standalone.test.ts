/**
 * The standalone server (`authflow-mocks/http`) from a real Chromium page on another origin: here
 * the browser enforces CORS for real (preflights, hidden headers), and follows the server's 302s.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createMockServer } from '../../../mocks/doors/http/index.js';
import { applications } from '../../../mocks/providers/eventbookings/fixtures.js';
import { clients } from '../../../mocks/providers/eventix/fixtures.js';
import { describeBrowser, openBrowserPage, pageFetch } from '../../support/browser.js';

const [eventsApp] = applications as [(typeof applications)[0]];
const [demoApp] = clients as [(typeof clients)[0]];
/** The demo client's second registered redirect URI: a local app's callback. */
const localCallback = demoApp.redirect_uris[1] as string;

describeBrowser('the standalone server from a Chromium page on another origin', () => {
  const browser = openBrowserPage({ worker: false });
  const mock = createMockServer();
  let base = '';
  const seen: string[] = [];
  beforeAll(async () => {
    base = (await mock.listen(0)).url;
    mock.httpServer.on('request', (req) => seen.push(`${req.method} ${req.url?.split('?')[0]}`));
  });
  afterAll(() => mock.close());

  it('passes CORS: the JSON token request is preflighted, and a 401’s WWW-Authenticate is readable', async () => {
    expect(new URL(base).origin).not.toBe(browser.origin);
    seen.length = 0;
    const token = await pageFetch(browser.page, `${base}/identity.eventbookings.com/connect/token`, {
      json: {
        grant_type: 'client_credentials',
        client_id: eventsApp.client_id,
        client_secret: eventsApp.client_secret,
      },
    });
    expect(token).toMatchObject({ status: 200, type: 'cors' });
    const me = await pageFetch(browser.page, `${base}/api.eventbookings.com/me`, {
      headers: [['authorization', `Bearer ${token.body.access_token}`]],
    });
    expect(me).toMatchObject({ status: 200, type: 'cors', body: { client_id: eventsApp.client_id } });
    expect(seen).toEqual([
      'OPTIONS /identity.eventbookings.com/connect/token',
      'POST /identity.eventbookings.com/connect/token',
      'OPTIONS /api.eventbookings.com/me',
      'GET /api.eventbookings.com/me',
    ]);

    const refused = await pageFetch(browser.page, `${base}/api.eventbookings.com/me`);
    expect(refused).toMatchObject({ status: 401, type: 'cors' });
    // Readable only because the answer names it in Access-Control-Expose-Headers.
    expect(refused.headers['www-authenticate']).toMatch(/^Bearer realm=/);
  });

  it('keeps the control plane same-origin: the browser refuses to hand its answer to the page', async () => {
    const outcome = await browser.page.evaluate(async (url) => {
      try {
        await fetch(url);
        return 'read';
      } catch (error) {
        return (error as Error).name;
      }
    }, `${base}/__control/health`);
    expect(outcome).toBe('TypeError');
  });

  it('a page on another origin cannot drive the control plane with simple (unpreflighted) requests', async () => {
    mock.control.advanceClock(3600);
    const secret = mock.control.fixtures().eventix?.clients;
    seen.length = 0;
    const statuses = await browser.page.evaluate(
      async ({ base, clientId }) => {
        const attempts: [string, string, string | undefined][] = [
          ['/__control/reset', '', undefined],
          ['/__control/clock', 'set=2099-01-01T00:00:00Z', 'application/x-www-form-urlencoded'],
          ['/__control/clock', '{"reset":true}', 'text/plain'],
          [
            '/__control/eventix/rotate-secret',
            `{"client_id":"${clientId}","client_secret":"chosen-by-page"}`,
            undefined,
          ],
        ];
        const out: string[] = [];
        for (const [path, body, type] of attempts) {
          const res = await fetch(`${base}${path}`, {
            method: 'POST',
            mode: 'no-cors',
            body: type === undefined ? new Blob([body]) : body,
            ...(type === undefined ? {} : { headers: { 'content-type': type } }),
          });
          out.push(res.type);
        }
        return out;
      },
      { base, clientId: demoApp.client_id },
    );
    expect(statuses).toEqual(['opaque', 'opaque', 'opaque', 'opaque']);
    // Every attempt reached the server and was refused: the clock and the secret are as they were.
    expect(seen.filter((s) => s.startsWith('POST /__control/'))).toHaveLength(4);
    const { offsetSeconds } = mock.control.clock();
    expect(offsetSeconds).toBeGreaterThanOrEqual(3600);
    expect(offsetSeconds).toBeLessThan(3700);
    expect(mock.control.fixtures().eventix?.clients).toEqual(secret);
    await mock.control.reset();
  });

  it('Eventix: the browser follows the authorize 302 to the local callback; the app exchanges the code cross-origin', async () => {
    const context = browser.page.context();
    const authorize = new URL(`${base}/auth.eventix.io/tokens/authorize`);
    authorize.search = new URLSearchParams({
      client_id: demoApp.client_id,
      redirect_uri: localCallback,
      response_type: 'code',
      state: 'st-local',
    }).toString();
    // The navigation itself: the browser gets the server's 302 and follows it. Nothing is asked to
    // answer the callback (a local app would; whether something listens on localhost:8080 does
    // not matter): the browser's request to it carries the code and state.
    const app = await context.newPage();
    try {
      const [callback] = await Promise.all([
        context.waitForEvent('request', (r) => r.url().startsWith(localCallback)),
        app.goto(authorize.href).catch(() => undefined),
      ]);
      expect(callback.isNavigationRequest()).toBe(true);
      expect(callback.redirectedFrom()?.url()).toBe(authorize.href);
      const landed = new URL(callback.url());
      expect(landed.origin + landed.pathname).toBe(localCallback);
      expect(landed.searchParams.get('state')).toBe('st-local');
      const code = landed.searchParams.get('code');
      expect(code).toEqual(expect.any(String));

      const tokens = await pageFetch(browser.page, `${base}/auth.eventix.io/tokens`, {
        json: {
          grant_type: 'authorization_code',
          code,
          redirect_uri: localCallback,
          client_id: demoApp.client_id,
          client_secret: demoApp.client_secret,
        },
      });
      expect(tokens).toMatchObject({ status: 200, type: 'cors' });
      const events = await pageFetch(browser.page, `${base}/api.eventix.io/event`, {
        headers: [['authorization', `Bearer ${tokens.body.access_token}`]],
      });
      expect(events).toMatchObject({ status: 200, type: 'cors' });
      expect(events.body.length).toBeGreaterThan(0);
    } finally {
      await app.close();
    }
  });
});
