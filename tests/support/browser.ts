/**
 * Real-browser support: the test page (esbuild bundle of `tests/doors/browser/app.ts` + MSW's
 * `mockServiceWorker.js`) served from a tiny node:http static server on 127.0.0.1 (a secure
 * context, so service workers work), and Debian's Chromium driven by playwright-core.
 *
 * Chromium is required: a missing browser fails the tests, unless `AUTHFLOW_SKIP_BROWSER=1`
 * asks to skip them (a local machine without Chromium; CI installs it in `.ci/run`).
 */
import { existsSync } from 'node:fs';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe } from 'vitest';

export const chromiumPath = process.env.AUTHFLOW_CHROMIUM ?? '/usr/bin/chromium';
const root = fileURLToPath(new URL('../..', import.meta.url));

/** Skipped only on request; otherwise a missing Chromium fails loudly in `launch`. */
export const skipBrowser = process.env.AUTHFLOW_SKIP_BROWSER === '1';
if (skipBrowser) console.warn('AUTHFLOW_SKIP_BROWSER=1: the real-browser tests are skipped.');

/** `describe` for real-browser tests: skipped only when AUTHFLOW_SKIP_BROWSER=1. */
export const describeBrowser = skipBrowser ? describe.skip : describe;

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
};

const html = `<!doctype html>
<html><head><meta charset="utf-8"><title>authflow-mocks browser test</title></head>
<body><script type="module" src="/app.js"></script></body></html>
`;

/** Bundles the page into a fresh temp dir with MSW's worker script. */
export async function buildPage(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'authflow-browser-'));
  await build({
    entryPoints: [join(root, 'tests/doors/browser/app.ts')],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'chrome120',
    outfile: join(dir, 'app.js'),
    logLevel: 'silent',
  });
  await copyFile(join(root, 'node_modules/msw/lib/mockServiceWorker.js'), join(dir, 'mockServiceWorker.js'));
  await writeFile(join(dir, 'index.html'), html);
  return dir;
}

export interface StaticServer {
  readonly origin: string;
  close(): Promise<void>;
}

/** Serves `dir` (GET only, no listing) on 127.0.0.1 and a free port. */
export async function serveStatic(dir: string): Promise<StaticServer> {
  const server = createServer(async (req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    const file = normalize(join(dir, pathname === '/' ? 'index.html' : pathname));
    if (req.method !== 'GET' || !file.startsWith(dir) || !existsSync(file)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const body = await readFile(file);
    res.writeHead(200, {
      'content-type': types[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export async function launch(): Promise<Browser> {
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `No Chromium at ${chromiumPath}: install it (apt-get install chromium), point AUTHFLOW_CHROMIUM at one, ` +
        'or set AUTHFLOW_SKIP_BROWSER=1 to skip the browser tests.',
    );
  }
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      // No host name resolves: the page never reaches a real API, whatever the worker lets through.
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
      // Chromium's sandbox refuses to run as root (CI containers); the page is our own.
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    ],
  });
}

export interface BrowserPage {
  /** The page, its mock world started (`window.mocks`), its worker controlling it. */
  readonly page: Page;
  readonly origin: string;
}

/** A Chromium for the enclosing tests: launched before them, closed after them. */
export function useBrowser(): { readonly browser: Browser } {
  const state = {} as { browser: Browser };
  beforeAll(async () => {
    state.browser = await launch();
  }, 60_000);
  afterAll(async () => {
    await state.browser?.close();
  });
  return state;
}

/**
 * Opens the test page for the enclosing `describe`: one browser, one page and one mock world per
 * file; the world is reset after each test. `worker: false` leaves MSW's worker stopped (a page
 * that talks to the standalone server over the network).
 */
export function openBrowserPage(options: { worker?: boolean } = {}): BrowserPage {
  const worker = options.worker ?? true;
  let dir: string | undefined;
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  const handle = {} as { page: Page; origin: string };
  beforeAll(async () => {
    dir = await buildPage();
    server = await serveStatic(dir);
    browser = await launch();
    const page = await (await browser.newContext()).newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.goto(`${server.origin}/`);
    await page.waitForFunction(() => window.mocks !== undefined);
    if (worker) {
      await page.evaluate(async () => {
        await window.mocks.worker.start({ onUnhandledRequest: 'bypass', quiet: true });
      });
    }
    if (errors.length > 0) throw new Error(`the test page failed: ${errors.join('; ')}`);
    handle.page = page;
    handle.origin = server.origin;
  }, 60_000);
  afterEach(async () => {
    await handle.page?.evaluate(() => window.mocks.control.reset());
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dir !== undefined) await rm(dir, { recursive: true, force: true });
  });
  return handle;
}

/** A response as page script sees it. */
export interface PageReply {
  status: number;
  /** `basic`, `cors`, `opaqueredirect`, … */
  type: string;
  /** The headers page script can read (for a cross-origin answer: safelisted or exposed ones). */
  headers: Record<string, string>;
  // biome-ignore lint/suspicious/noExplicitAny: response bodies are asserted field by field
  body: any;
}

export interface PageInit {
  method?: string;
  headers?: [string, string][];
  /** Sent as JSON with `content-type: application/json`. */
  json?: unknown;
  /** Sent as `FormData` (multipart/form-data, the browser picks the boundary). */
  multipart?: Record<string, string>;
  redirect?: RequestRedirect;
}

/** `fetch` from inside the page: the request a browser app would make. */
export function pageFetch(page: Page, url: string, init: PageInit = {}): Promise<PageReply> {
  return page.evaluate(
    async ({ url, init }) => {
      const headers = new Headers(init.headers);
      let body: string | FormData | undefined;
      if (init.json !== undefined) {
        headers.set('content-type', 'application/json');
        body = JSON.stringify(init.json);
      } else if (init.multipart !== undefined) {
        body = new FormData();
        for (const [k, v] of Object.entries(init.multipart)) body.append(k, v);
      }
      const res = await fetch(url, {
        method: init.method ?? (body === undefined ? 'GET' : 'POST'),
        headers,
        ...(body === undefined ? {} : { body }),
        ...(init.redirect === undefined ? {} : { redirect: init.redirect }),
      });
      const text = await res.text();
      let parsed: unknown = text === '' ? undefined : text;
      try {
        parsed = JSON.parse(text);
      } catch {}
      return { status: res.status, type: res.type, headers: Object.fromEntries(res.headers), body: parsed };
    },
    { url, init },
  );
}
