/**
 * The test page's script, bundled by esbuild for Chromium (see `tests/support/browser.ts`):
 * `authflow-mocks/browser` from source, one mock world on `window.mocks`, and MSW's
 * `getResponse` over the same handlers for the one thing a service worker cannot see
 * (a navigation to another origin; see `tests/doors/browser/worker.test.ts`).
 */
import { getResponse } from 'msw';
import { type BrowserMocks, setupMocks } from '../../../mocks/doors/msw/browser.js';

export interface PageResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

declare global {
  interface Window {
    mocks: BrowserMocks;
    /** The mocks' answer to a request, computed in the page by the worker's own handlers. */
    answer(url: string, init?: RequestInit): Promise<PageResponse | null>;
  }
}

window.mocks = setupMocks();
window.answer = async (url, init) => {
  const response = await getResponse(window.mocks.handlers, new Request(url, init));
  if (response === undefined) return null;
  return { status: response.status, headers: Object.fromEntries(response.headers), body: await response.text() };
};
