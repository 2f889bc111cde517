/**
 * The control plane, as the page calls it: same-origin JSON to its world's `/__control`; a
 * state-changing call sends `Content-Type: application/json`. On 401 the page asks for the token.
 */
import type { JournalEntry, TokenView } from '../mocks/core/index.js';
import { $, announce } from './dom.js';
import { rerender } from './nav.js';
import { maxJournal, state } from './state.js';
import type { ClockState, Fault } from './types.js';

class ControlFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The world this page inspects: `/w/<id>/__inspector/` is world `<id>`'s page, `/__inspector/`
 * the default world's. Every control call goes to that world's `/__control`.
 */
export const worldBase = /^(\/w\/[A-Za-z0-9_-]+)\/__inspector\//.exec(location.pathname)?.[1] ?? '';
export const worldId = worldBase === '' ? 'default' : worldBase.slice(3);

export function headers(json: boolean): Headers {
  const out = new Headers({ accept: 'application/json' });
  if (json) out.set('content-type', 'application/json');
  if (state.controlToken !== undefined) out.set('authorization', `Bearer ${state.controlToken}`);
  return out;
}

/** A control call; on 401 the page asks for the token once and tries again. */
export async function control<T>(path: string, init: { method?: string; json?: unknown } = {}): Promise<T> {
  const method = init.method ?? 'GET';
  const send = () =>
    fetch(`${worldBase}/__control${path}`, {
      method,
      headers: headers(method !== 'GET'),
      credentials: 'same-origin',
      cache: 'no-store',
      ...(method === 'GET' ? {} : { body: JSON.stringify(init.json ?? {}) }),
    });
  let res = await send();
  while (res.status === 401) {
    await askForToken();
    res = await send();
  }
  const body = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  if (!res.ok) {
    throw new ControlFailure(res.status, String(body.error ?? 'error'), String(body.message ?? res.statusText));
  }
  return body as T;
}

let asking: Promise<void> | undefined;
/** Shows the token dialog; resolves once a token was given. */
export function askForToken(): Promise<void> {
  asking ??= new Promise<void>((resolve) => {
    const dialog = $<HTMLDialogElement>('token-dialog');
    const form = $<HTMLFormElement>('token-form');
    const input = $<HTMLInputElement>('token-input');
    $('token-error').textContent = state.controlToken === undefined ? '' : 'That token was refused.';
    input.value = '';
    const submit = (event: Event) => {
      event.preventDefault();
      if (input.value === '') return;
      state.controlToken = input.value;
      input.value = '';
      form.removeEventListener('submit', submit);
      dialog.close();
      asking = undefined;
      resolve();
    };
    form.addEventListener('submit', submit);
    dialog.addEventListener('cancel', (event) => event.preventDefault());
    dialog.showModal();
    input.focus();
  });
  return asking;
}

export async function refreshClock(): Promise<void> {
  state.clock = await control<ClockState>('/clock');
  state.clockReadAt = Date.now();
}
export async function refreshTokens(): Promise<void> {
  const listing = await control<{ now: string; tokens: TokenView[]; truncated: boolean }>('/tokens');
  state.tokens = listing.tokens;
  state.tokensTruncated = listing.truncated;
}
export async function refreshFaults(): Promise<void> {
  state.faults = (await control<{ faults: Fault[] }>('/faults')).faults;
}
export async function refreshJournal(): Promise<void> {
  state.journal = (await control<{ entries: JournalEntry[] }>('/journal')).entries.slice(-maxJournal);
}

export async function act(label: string, work: () => Promise<unknown>): Promise<void> {
  try {
    await work();
    announce(label);
  } catch (error) {
    announce(error instanceof ControlFailure ? `${error.code}: ${error.message}` : `Failed: ${String(error)}`);
  }
  await refreshClock().catch(() => undefined);
  rerender();
}
