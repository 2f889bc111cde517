/**
 * The inspector page (`/__inspector/`): plain TypeScript over the control plane, bundled by
 * scripts/bundle-inspector.mjs. Every call is same-origin JSON; a state-changing one sends
 * `Content-Type: application/json`. When the server guards its control plane, the page asks for
 * the token and keeps it in this module's memory only (never in storage, a URL or a log).
 */

// Types only: erased by the bundler, so the page loads none of the server's code.
import type { JournalEntry, TokenView } from '../mocks/core/index.js';

interface HostInfo {
  host: string;
  real: string;
  local: string;
}
interface ProviderInfo {
  id: string;
  title: string;
  hosts: HostInfo[];
}
interface ClockState {
  now: string;
  offsetSeconds: number;
}
interface Fault {
  id: string;
  provider: string | null;
  operationId: string | null;
  remaining: number;
  status: number | null;
  delayMs: number;
  drop: boolean;
}
interface OperationInfo {
  operationId: string;
  method: string;
  path: string;
  summary: string;
}

// ---------------------------------------------------------------- state

let controlToken: string | undefined;
let providers: ProviderInfo[] = [];
let fixtures: Record<string, Record<string, unknown>> = {};
let operations: Record<string, OperationInfo[]> = {};
let clock: ClockState = { now: new Date().toISOString(), offsetSeconds: 0 };
/** Real time when `clock` was read: the mock clock runs on from there. */
let clockReadAt = Date.now();
let tokens: TokenView[] = [];
let tokensTruncated = false;
let journal: JournalEntry[] = [];
let faults: Fault[] = [];
const revealed = new Set<string>();
const openFixtures = new Set<string>();
/** The fault form's last choices, kept across renders. */
const faultDraft = { provider: '', operationId: '', effect: 'status', status: '503', delay: '0', count: '1' };
const journalFilters = { provider: '', status: '', outcome: '', reason: '' };
const tokenFilters = { provider: '', state: '' };
const maxJournal = 1000;

const mockNow = () => Date.parse(clock.now) + (Date.now() - clockReadAt);

// ---------------------------------------------------------------- DOM helpers

type Child = Node | string | number | null | undefined | false;
function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | boolean | number | EventListener | undefined> = {},
  ...children: (Child | Child[])[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (typeof v === 'function') el.addEventListener(k.slice(2).toLowerCase(), v);
    else if (v === true) el.setAttribute(k, '');
    else el.setAttribute(k, String(v));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    el.append(typeof child === 'object' ? child : String(child));
  }
  return el;
}

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

function announce(message: string): void {
  const status = $('status');
  status.textContent = message;
  window.setTimeout(() => {
    if (status.textContent === message) status.textContent = '';
  }, 4000);
}

function duration(seconds: number): string {
  const sign = seconds < 0 ? '−' : '';
  let s = Math.abs(Math.round(seconds));
  const d = Math.floor(s / 86400);
  s -= d * 86400;
  const hh = Math.floor(s / 3600);
  s -= hh * 3600;
  const mm = Math.floor(s / 60);
  s -= mm * 60;
  const parts = [d ? `${d}d` : '', hh ? `${hh}h` : '', mm ? `${mm}m` : '', s || !(d || hh || mm) ? `${s}s` : ''].filter(
    Boolean,
  );
  return sign + parts.slice(0, 3).join(' ');
}

const shortTime = (iso: string) => iso.replace('T', ' ').replace(/\.\d+Z$/, 'Z');

// ---------------------------------------------------------------- the control plane

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
const worldBase = /^(\/w\/[A-Za-z0-9_-]+)\/__inspector\//.exec(location.pathname)?.[1] ?? '';
const worldId = worldBase === '' ? 'default' : worldBase.slice(3);

function headers(json: boolean): Headers {
  const out = new Headers({ accept: 'application/json' });
  if (json) out.set('content-type', 'application/json');
  if (controlToken !== undefined) out.set('authorization', `Bearer ${controlToken}`);
  return out;
}

/** A control call; on 401 the page asks for the token once and tries again. */
async function control<T>(path: string, init: { method?: string; json?: unknown } = {}): Promise<T> {
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
function askForToken(): Promise<void> {
  asking ??= new Promise<void>((resolve) => {
    const dialog = $<HTMLDialogElement>('token-dialog');
    const form = $<HTMLFormElement>('token-form');
    const input = $<HTMLInputElement>('token-input');
    $('token-error').textContent = controlToken === undefined ? '' : 'That token was refused.';
    input.value = '';
    const submit = (event: Event) => {
      event.preventDefault();
      if (input.value === '') return;
      controlToken = input.value;
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

async function refreshClock(): Promise<void> {
  clock = await control<ClockState>('/clock');
  clockReadAt = Date.now();
}
async function refreshTokens(): Promise<void> {
  const listing = await control<{ now: string; tokens: TokenView[]; truncated: boolean }>('/tokens');
  tokens = listing.tokens;
  tokensTruncated = listing.truncated;
}
async function refreshFaults(): Promise<void> {
  faults = (await control<{ faults: Fault[] }>('/faults')).faults;
}
async function refreshJournal(): Promise<void> {
  journal = (await control<{ entries: JournalEntry[] }>('/journal')).entries.slice(-maxJournal);
}

async function act(label: string, work: () => Promise<unknown>): Promise<void> {
  try {
    await work();
    announce(label);
  } catch (error) {
    announce(error instanceof ControlFailure ? `${error.code}: ${error.message}` : `Failed: ${String(error)}`);
  }
  await refreshClock().catch(() => undefined);
  render();
}

// ---------------------------------------------------------------- the journal stream

let streamAbort: AbortController | undefined;
let polling: number | undefined;

function addEntry(entry: JournalEntry): void {
  journal.push(entry);
  if (journal.length > maxJournal) journal.splice(0, journal.length - maxJournal);
}

/** Reads `/__control/journal/stream` (SSE over fetch, so the token can go in a header). */
async function streamJournal(): Promise<void> {
  streamAbort?.abort();
  const abort = new AbortController();
  streamAbort = abort;
  try {
    const url = `${worldBase}/__control/journal/stream`;
    let res = await fetch(url, { headers: headers(false), signal: abort.signal });
    while (res.status === 401) {
      await askForToken();
      res = await fetch(url, { headers: headers(false), signal: abort.signal });
    }
    if (!res.ok || res.body === null) throw new Error(`stream answered ${res.status}`);
    if (polling !== undefined) window.clearInterval(polling);
    polling = undefined;
    journal = [];
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += value;
      let cut = buffer.indexOf('\n\n');
      while (cut !== -1) {
        const block = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        cut = buffer.indexOf('\n\n');
        let event = 'message';
        let data = '';
        for (const line of block.split('\n')) {
          if (line.startsWith('event:')) event = line.slice(6).trim();
          else if (line.startsWith('data:')) data += line.slice(5).trim();
        }
        if (event === 'entry') addEntry(JSON.parse(data) as JournalEntry);
        else if (event === 'clear') journal = [];
        else continue;
        scheduleJournalRender();
      }
    }
  } catch {
    // Aborted, or the server went away: handled below.
  }
  if (abort.signal.aborted) return;
  // The stream ended (server restarting, a proxy in the way): poll, and try the stream again later.
  polling ??= window.setInterval(() => {
    refreshJournal()
      .then(scheduleJournalRender)
      .catch(() => undefined);
  }, 2000);
  window.setTimeout(() => void streamJournal(), 5000);
}

let journalRenderQueued = false;
function scheduleJournalRender(): void {
  if (journalRenderQueued) return;
  journalRenderQueued = true;
  requestAnimationFrame(() => {
    journalRenderQueued = false;
    if (currentView() === 'journal') renderJournalList();
  });
}

// ---------------------------------------------------------------- views

type View = 'overview' | 'tokens' | 'clock' | 'journal' | 'faults' | 'docs';
const views: Record<View, string> = {
  overview: 'Overview',
  tokens: 'Tokens',
  clock: 'Clock',
  journal: 'Journal',
  faults: 'Faults',
  docs: 'API reference',
};

function currentView(): View {
  const hash = location.hash.slice(1);
  return hash in views ? (hash as View) : 'overview';
}

const secretKey = /secret|password|passwd|token|api_key|apikey|private/i;

/** Masked until revealed: a string under a secret-sounding key, unless it is a URL (`token_url`). */
const isSecret = (key: string, value: unknown) =>
  secretKey.test(key) && typeof value === 'string' && !/^https?:\/\//.test(value);

/**
 * A value in a fixtures table that copies itself when clicked: one control per value, no Copy
 * button beside each cell. An identifier (no space in it) never wraps; text wraps between words.
 */
function copyableValue(label: string, value: string, shown = value): HTMLButtonElement {
  return h(
    'button',
    {
      type: 'button',
      class: /\s/.test(shown) ? 'copy text' : 'copy',
      title: 'Copy',
      'aria-label': `Copy ${label}`,
      onclick: () => {
        navigator.clipboard.writeText(value).then(
          () => announce(`Copied ${label}.`),
          () => announce('The browser refused the clipboard.'),
        );
      },
    },
    // A URL may break after a slash (before its host name), never inside the host.
    h('code', {}, /^https?:\/\//.test(shown) ? shown.split(/(?<=\/)/).flatMap((part) => [part, h('wbr')]) : shown),
  );
}

/** A fixture value: copied by a click; a secret one masked until revealed. */
function fixtureValue(path: string, label: string, value: string, secret: boolean): HTMLElement {
  if (!secret) return copyableValue(label, value);
  const shown = revealed.has(path);
  return h(
    'span',
    { class: 'value' },
    copyableValue(label, value, shown ? value : '••••••••'),
    h(
      'button',
      {
        type: 'button',
        class: 'small',
        'aria-pressed': shown ? 'true' : 'false',
        'aria-label': `${shown ? 'Hide' : 'Reveal'} ${label}`,
        onclick: () => {
          if (shown) revealed.delete(path);
          else revealed.add(path);
          render();
        },
      },
      shown ? 'Hide' : 'Reveal',
    ),
  );
}

function scalar(v: unknown): v is string | number | boolean {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
}

function fixtureBlock(provider: string, key: string, value: unknown): HTMLElement {
  const path = `${provider}.${key}`;
  if (scalar(value)) {
    return h(
      'div',
      {},
      h(
        'dl',
        { class: 'kv' },
        h('dt', {}, key),
        h('dd', {}, fixtureValue(path, `${provider} ${key}`, String(value), isSecret(key, value))),
      ),
    );
  }
  if (Array.isArray(value) && value.every((v) => v !== null && typeof v === 'object' && !Array.isArray(v))) {
    const rows = value as Record<string, unknown>[];
    const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
    return h(
      'div',
      {},
      h('h4', {}, key),
      h(
        'div',
        { class: 'scroll', tabindex: 0, role: 'region', 'aria-label': `${provider} ${key}` },
        h(
          'table',
          { class: 'fixtures stack' },
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              columns.map((c) => h('th', { scope: 'col' }, c)),
            ),
          ),
          h(
            'tbody',
            {},
            rows.map((r, i) => {
              const name = String(r.name ?? r.username ?? r.client_id ?? r.id ?? i + 1);
              return h(
                'tr',
                {},
                columns.map((c) => {
                  const v = r[c];
                  if (v === undefined || v === null)
                    return h('td', { 'data-label': c }, h('span', { class: 'muted' }, '—'));
                  if (scalar(v))
                    return h(
                      'td',
                      { 'data-label': c },
                      fixtureValue(`${path}.${i}.${c}`, `${c} of ${name}`, String(v), isSecret(c, v)),
                    );
                  // A list of names (scopes, permissions, ids): one per line, each whole.
                  if (Array.isArray(v) && v.every(scalar))
                    return h(
                      'td',
                      { 'data-label': c },
                      v.length === 0
                        ? h('span', { class: 'muted' }, 'none')
                        : h(
                            'ul',
                            { class: 'names' },
                            v.map((x) => h('li', {}, h('code', {}, String(x)))),
                          ),
                    );
                  return h('td', { 'data-label': c }, h('code', { class: 'json' }, JSON.stringify(v)));
                }),
              );
            }),
          ),
        ),
      ),
    );
  }
  return h('div', {}, h('dl', { class: 'kv' }, h('dt', {}, key), h('dd', {}, h('code', {}, JSON.stringify(value)))));
}

function renderOverview(): HTMLElement {
  return h(
    'section',
    { 'aria-labelledby': 'view-title' },
    h('h2', { id: 'view-title' }, 'Overview'),
    h(
      'p',
      { class: 'muted' },
      'Every provider this server mocks, where it answers, and its seeded credentials. Click a URL or a value to copy it; secrets stay masked until revealed.',
    ),
    h(
      'div',
      { class: 'cards' },
      providers.map((p) =>
        h(
          'article',
          { class: 'card', 'aria-labelledby': `p-${p.id}` },
          h('h3', { id: `p-${p.id}` }, p.title, ' ', h('span', { class: 'muted' }, `(${p.id})`)),
          h(
            'ul',
            { class: 'hosts' },
            p.hosts.map((host) =>
              h('li', {}, h('code', {}, host.real), ' → ', copyableValue(`local URL of ${host.host}`, host.local)),
            ),
          ),
          h('p', {}, h('a', { href: `/__inspector/docs/${p.id}` }, `API reference: ${p.title}`)),
          h(
            'details',
            {
              open: openFixtures.has(p.id),
              ontoggle: (e: Event) => {
                if ((e.target as HTMLDetailsElement).open) openFixtures.add(p.id);
                else openFixtures.delete(p.id);
              },
            },
            h('summary', {}, 'Fixtures'),
            Object.entries(fixtures[p.id] ?? {}).map(([k, v]) => fixtureBlock(p.id, k, v)),
          ),
        ),
      ),
    ),
  );
}

function tokenScope(t: TokenView): string {
  const parts: string[] = [];
  if (t.scopes) parts.push(`scopes: ${t.scopes.join(' ') || '—'}`);
  if (t.companies) parts.push(`companies: ${t.companies.join(', ')}`);
  if (t.permissions) parts.push(`permissions: ${t.permissions.join(', ')}`);
  if (t.event) parts.push(`event: ${t.event}`);
  return parts.join('; ');
}

/** The state as of now on the mock clock (a live token whose expiry passed shows expired). */
function tokenState(t: TokenView): TokenView['state'] {
  if (t.state === 'live' && t.expiresAt !== null && Date.parse(t.expiresAt) <= mockNow()) return 'expired';
  return t.state;
}

function countdown(expiresAt: string | null): string {
  if (expiresAt === null) return 'never';
  const left = Math.floor((Date.parse(expiresAt) - mockNow()) / 1000);
  return left <= 0 ? `expired ${duration(-left)} ago` : `in ${duration(left)}`;
}

function selectFilter(
  label: string,
  id: string,
  options: [string, string][],
  value: string,
  onChange: (v: string) => void,
): HTMLElement {
  return h(
    'div',
    { class: 'field' },
    h('label', { for: id }, label),
    h(
      'select',
      { id, onchange: (e: Event) => onChange((e.target as HTMLSelectElement).value) },
      options.map(([v, text]) => h('option', { value: v, selected: v === value }, text)),
    ),
  );
}

function renderTokens(): HTMLElement {
  const shown = tokens.filter(
    (t) =>
      (tokenFilters.provider === '' || t.provider === tokenFilters.provider) &&
      (tokenFilters.state === '' || tokenState(t) === tokenFilters.state),
  );
  return h(
    'section',
    { 'aria-labelledby': 'view-title' },
    h('h2', { id: 'view-title' }, 'Tokens'),
    h(
      'p',
      { class: 'muted' },
      'Credentials each provider holds, newest first, on the mock clock. Values show only their first characters.',
    ),
    h(
      'div',
      { class: 'row' },
      selectFilter(
        'Provider',
        'tok-provider',
        [['', 'All providers'], ...providers.map((p): [string, string] => [p.id, p.title])],
        tokenFilters.provider,
        (v) => {
          tokenFilters.provider = v;
          render();
        },
      ),
      selectFilter(
        'State',
        'tok-state',
        [
          ['', 'Any state'],
          ['live', 'live'],
          ['expired', 'expired'],
          ['revoked', 'revoked'],
          ['used', 'used'],
        ],
        tokenFilters.state,
        (v) => {
          tokenFilters.state = v;
          render();
        },
      ),
      h('button', { type: 'button', onclick: () => void act('Tokens refreshed.', refreshTokens) }, 'Refresh tokens'),
    ),
    tokensTruncated ? h('p', { class: 'muted' }, 'Only the newest credentials are listed.') : null,
    shown.length === 0
      ? h('p', { id: 'no-tokens' }, 'No credentials yet: issue a token and it shows here.')
      : h(
          'div',
          { class: 'scroll', tabindex: 0, role: 'region', 'aria-label': 'Token list' },
          h(
            'table',
            { id: 'tokens-table', class: 'stack' },
            h(
              'thead',
              {},
              h(
                'tr',
                {},
                ['Provider', 'Kind', 'Value', 'Whose', 'Grants', 'Issued', 'Expires', 'State', ''].map((c) =>
                  h('th', { scope: 'col' }, c),
                ),
              ),
            ),
            h(
              'tbody',
              {},
              shown.map((t) => {
                const state = tokenState(t);
                return h(
                  'tr',
                  { 'data-token': t.id, 'data-state': state },
                  h('td', { 'data-label': 'Provider' }, t.provider),
                  h('td', { 'data-label': 'Kind' }, t.kind),
                  h('td', { 'data-label': 'Value' }, h('code', {}, t.prefix)),
                  h('td', { 'data-label': 'Whose' }, t.whose ?? h('span', { class: 'muted' }, '—')),
                  h('td', { 'data-label': 'Grants' }, tokenScope(t) || '—'),
                  h(
                    'td',
                    { 'data-label': 'Issued' },
                    t.issuedAt === null ? '—' : h('time', { datetime: t.issuedAt }, shortTime(t.issuedAt)),
                  ),
                  h(
                    'td',
                    { 'data-label': 'Expires' },
                    t.expiresAt === null
                      ? 'never'
                      : h('time', { datetime: t.expiresAt, 'data-countdown': t.expiresAt }, countdown(t.expiresAt)),
                  ),
                  h('td', { 'data-label': 'State' }, h('span', { class: `state state-${state}` }, state)),
                  h(
                    'td',
                    { 'data-label': '' },
                    t.revocable && state === 'live'
                      ? h(
                          'button',
                          {
                            type: 'button',
                            class: 'small danger',
                            'aria-label': `Revoke ${t.provider} ${t.kind} ${t.prefix}`,
                            onclick: () =>
                              void act(`Revoked ${t.kind} ${t.prefix}`, async () => {
                                await control('/tokens/revoke', { method: 'POST', json: { id: t.id } });
                                await refreshTokens();
                              }),
                          },
                          'Revoke',
                        )
                      : null,
                  ),
                );
              }),
            ),
          ),
        ),
  );
}

function renderClock(): HTMLElement {
  const advance = (seconds: number, label: string) =>
    void act(`Clock advanced ${label}.`, async () => {
      clock = await control<ClockState>('/clock', { method: 'POST', json: { advanceSeconds: seconds } });
      clockReadAt = Date.now();
      await refreshTokens();
    });
  const soon = tokens
    .filter((t) => tokenState(t) === 'live' && t.expiresAt !== null)
    .sort((a, b) => Date.parse(a.expiresAt as string) - Date.parse(b.expiresAt as string))
    .slice(0, 8);
  return h(
    'section',
    { 'aria-labelledby': 'view-title' },
    h('h2', { id: 'view-title' }, 'Clock'),
    h(
      'p',
      { class: 'muted' },
      'Every expiry reads this clock. It runs in real time plus an offset: move it to see tokens expire.',
    ),
    h(
      'p',
      { class: 'big' },
      h('time', { id: 'clock-now', 'data-now': '' }, shortTime(new Date(mockNow()).toISOString())),
    ),
    h(
      'p',
      { id: 'clock-offset' },
      clock.offsetSeconds === 0 ? 'Real time.' : `Offset ${duration(clock.offsetSeconds)}.`,
    ),
    h(
      'fieldset',
      {},
      h('legend', {}, 'Advance'),
      h(
        'div',
        { class: 'row' },
        h(
          'button',
          { type: 'button', 'aria-label': 'Advance clock 1 minute', onclick: () => advance(60, '1 minute') },
          '+1 min',
        ),
        h(
          'button',
          { type: 'button', 'aria-label': 'Advance clock 1 hour', onclick: () => advance(3600, '1 hour') },
          '+1 h',
        ),
        h(
          'button',
          { type: 'button', 'aria-label': 'Advance clock 1 day', onclick: () => advance(86400, '1 day') },
          '+1 day',
        ),
      ),
      h(
        'form',
        {
          class: 'row',
          onsubmit: (e: Event) => {
            e.preventDefault();
            const seconds = Number(($('advance-seconds') as HTMLInputElement).value);
            if (!Number.isFinite(seconds) || seconds === 0) {
              announce('Give a number of seconds.');
              return;
            }
            advance(seconds, duration(seconds));
          },
        },
        h(
          'div',
          { class: 'field' },
          h('label', { for: 'advance-seconds' }, 'Seconds to advance'),
          h('input', { id: 'advance-seconds', type: 'number', step: 'any', value: 300, inputmode: 'decimal' }),
        ),
        h('button', { type: 'submit', class: 'primary' }, 'Advance clock'),
      ),
    ),
    h(
      'fieldset',
      {},
      h('legend', {}, 'Set or reset'),
      h(
        'form',
        {
          class: 'row',
          onsubmit: (e: Event) => {
            e.preventDefault();
            const raw = ($('set-clock') as HTMLInputElement).value;
            if (raw === '') return;
            const instant = new Date(raw).toISOString();
            void act(`Clock set to ${shortTime(instant)}.`, async () => {
              clock = await control<ClockState>('/clock', { method: 'POST', json: { set: instant } });
              clockReadAt = Date.now();
              await refreshTokens();
            });
          },
        },
        h(
          'div',
          { class: 'field' },
          h('label', { for: 'set-clock' }, 'Set clock to (local time)'),
          h('input', { id: 'set-clock', type: 'datetime-local', step: 1 }),
        ),
        h('button', { type: 'submit' }, 'Set clock'),
        h(
          'button',
          {
            type: 'button',
            onclick: () =>
              void act('Clock back to real time.', async () => {
                clock = await control<ClockState>('/clock', { method: 'POST', json: { reset: true } });
                clockReadAt = Date.now();
                await refreshTokens();
              }),
          },
          'Reset clock to real time',
        ),
      ),
    ),
    h('h3', {}, 'Next expiries'),
    soon.length === 0
      ? h('p', { class: 'muted' }, 'No live token expires.')
      : h(
          'ul',
          {},
          soon.map((t) =>
            h(
              'li',
              {},
              `${t.provider} ${t.kind} `,
              h('code', {}, t.prefix),
              ' ',
              h(
                'time',
                { datetime: t.expiresAt as string, 'data-countdown': t.expiresAt as string },
                countdown(t.expiresAt),
              ),
            ),
          ),
        ),
  );
}

const statusClass = (s: number) => (s === 0 ? 'dropped' : `${Math.floor(s / 100)}xx`);

function journalMatches(e: JournalEntry): boolean {
  return (
    (journalFilters.provider === '' || e.provider === journalFilters.provider) &&
    (journalFilters.status === '' || statusClass(e.status) === journalFilters.status) &&
    (journalFilters.outcome === '' || e.outcome === journalFilters.outcome) &&
    (journalFilters.reason === '' || e.reason === journalFilters.reason)
  );
}

function journalRow(e: JournalEntry): HTMLElement {
  return h(
    'li',
    { 'data-seq': e.seq, 'data-outcome': e.outcome },
    h(
      'details',
      {},
      h(
        'summary',
        {},
        h('span', {}, `#${e.seq}`),
        h('span', { class: 'wide' }, h('time', { datetime: e.time }, e.time.slice(11, 19))),
        h('span', { class: 'wide' }, e.provider ?? '—'),
        h('span', {}, `${e.method} `, h('code', {}, `${e.host}${e.path}`)),
        h('span', {}, e.status === 0 ? 'drop' : e.status),
        h('span', { class: `outcome-${e.outcome}` }, e.reason ?? e.outcome),
      ),
      h(
        'div',
        { class: 'detail' },
        h(
          'dl',
          { class: 'kv' },
          h('dt', {}, 'Time'),
          h('dd', {}, e.time),
          h('dt', {}, 'Provider'),
          h('dd', {}, e.provider ?? '—'),
          h('dt', {}, 'Operation'),
          h('dd', {}, e.operationId ?? '— (no route)'),
          h('dt', {}, 'Request'),
          h('dd', {}, h('code', {}, `${e.method} https://${e.host}${e.path}${e.query ? `?${e.query}` : ''}`)),
          h('dt', {}, 'Credential presented'),
          h('dd', {}, `${e.credential} (the journal keeps the kind, never the value or any header)`),
          h('dt', {}, 'Status'),
          h('dd', {}, e.status === 0 ? 'connection dropped' : String(e.status)),
          h('dt', {}, 'Outcome'),
          h('dd', {}, e.outcome),
          e.reason ? [h('dt', {}, 'Refusal reason'), h('dd', {}, h('code', {}, e.reason))] : null,
          e.fault ? [h('dt', {}, 'Fault'), h('dd', {}, h('code', {}, e.fault))] : null,
        ),
      ),
    ),
  );
}

function renderJournalList(): void {
  const list = document.getElementById('journal-list');
  if (list === null) return;
  const open = new Set(
    [...list.querySelectorAll('li')].filter((li) => li.querySelector('details')?.open).map((li) => li.dataset.seq),
  );
  const shown = journal.filter(journalMatches).slice().reverse();
  list.replaceChildren(
    ...shown.map((e) => {
      const row = journalRow(e);
      if (open.has(String(e.seq))) (row.querySelector('details') as HTMLDetailsElement).open = true;
      return row;
    }),
  );
  const count = document.getElementById('journal-count');
  if (count !== null) count.textContent = `${shown.length} of ${journal.length} requests`;
  const reasons = document.getElementById('j-reason') as HTMLSelectElement | null;
  if (reasons !== null) {
    const known = [...new Set(journal.map((e) => e.reason).filter((r) => r !== undefined))].sort();
    const have = [...reasons.options].map((o) => o.value).filter(Boolean);
    if (known.join() !== have.join()) {
      reasons.replaceChildren(
        h('option', { value: '' }, 'Any reason'),
        ...known.map((r) => h('option', { value: r, selected: r === journalFilters.reason }, r)),
      );
    }
  }
}

function renderJournal(): HTMLElement {
  const filter = (key: keyof typeof journalFilters) => (v: string) => {
    journalFilters[key] = v;
    renderJournalList();
  };
  const section = h(
    'section',
    { 'aria-labelledby': 'view-title' },
    h('h2', { id: 'view-title' }, 'Journal'),
    h(
      'p',
      { class: 'muted' },
      'Requests as they arrive (newest first). Open a row for its details: the refusal reason, the fault that took it.',
    ),
    h(
      'div',
      { class: 'row' },
      selectFilter(
        'Provider',
        'j-provider',
        [['', 'All providers'], ...providers.map((p): [string, string] => [p.id, p.title])],
        journalFilters.provider,
        filter('provider'),
      ),
      selectFilter(
        'Status',
        'j-status',
        [
          ['', 'Any status'],
          ['2xx', '2xx'],
          ['3xx', '3xx'],
          ['4xx', '4xx'],
          ['5xx', '5xx'],
          ['dropped', 'dropped'],
        ],
        journalFilters.status,
        filter('status'),
      ),
      selectFilter(
        'Outcome',
        'j-outcome',
        [
          ['', 'Any outcome'],
          ['ok', 'ok'],
          ['refused', 'refused'],
          ['fault', 'fault'],
        ],
        journalFilters.outcome,
        filter('outcome'),
      ),
      selectFilter('Reason', 'j-reason', [['', 'Any reason']], journalFilters.reason, filter('reason')),
      h('p', { id: 'journal-count', class: 'muted', 'aria-live': 'polite' }),
    ),
    h('ul', { id: 'journal-list', class: 'journal', 'aria-label': 'Requests' }),
  );
  queueMicrotask(renderJournalList);
  return section;
}

function renderFaults(): HTMLElement {
  const providerSelect = h(
    'select',
    {
      id: 'fault-provider',
      onchange: () => fillOperations(),
    },
    providers.map((p) => h('option', { value: p.id, selected: p.id === faultDraft.provider }, p.title)),
  );
  const operationSelect = h('select', { id: 'fault-operation' });
  function fillOperations(): void {
    const ops = operations[providerSelect.value] ?? [];
    operationSelect.replaceChildren(
      h('option', { value: '' }, 'Any operation'),
      ...ops.map((o) =>
        h(
          'option',
          { value: o.operationId, selected: o.operationId === faultDraft.operationId },
          `${o.method} ${o.path} (${o.operationId})`,
        ),
      ),
    );
  }
  fillOperations();
  const effect = (value: string, text: string) =>
    h(
      'label',
      { class: 'choice' },
      h('input', { type: 'radio', name: 'fault-effect', value, checked: faultDraft.effect === value }),
      text,
    );
  const form = h(
    'form',
    {
      id: 'fault-form',
      onsubmit: (e: Event) => {
        e.preventDefault();
        const data = new FormData(form);
        const spec: Record<string, unknown> = { provider: providerSelect.value };
        if (operationSelect.value !== '') spec.operationId = operationSelect.value;
        const count = Number(data.get('count'));
        if (Number.isInteger(count) && count > 0) spec.count = count;
        const kind = String(data.get('fault-effect'));
        Object.assign(faultDraft, {
          provider: providerSelect.value,
          operationId: operationSelect.value,
          effect: kind,
          status: String(data.get('status')),
          delay: String(data.get('delay')),
          count: String(data.get('count')),
        });
        // The delay applies to every effect: a status, or a dropped connection, after so long.
        const delay = Number(data.get('delay'));
        if (kind === 'delay' && !(delay > 0)) {
          announce('Answer late needs a delay above 0 ms.');
          return;
        }
        if (kind === 'status') spec.status = Number(data.get('status'));
        else if (kind === 'drop') spec.drop = true;
        if (delay > 0) spec.delayMs = delay;
        void act('Fault added.', async () => {
          await control('/faults', { method: 'POST', json: spec });
          await refreshFaults();
        });
      },
    },
    h(
      'div',
      { class: 'row' },
      h('div', { class: 'field' }, h('label', { for: 'fault-provider' }, 'Provider'), providerSelect),
      h('div', { class: 'field' }, h('label', { for: 'fault-operation' }, 'Operation'), operationSelect),
    ),
    h(
      'fieldset',
      {},
      h('legend', {}, 'Effect'),
      h(
        'div',
        { class: 'row' },
        effect('status', 'Answer with a status'),
        effect('delay', 'Answer late (the usual answer, delayed)'),
        effect('drop', 'Drop the connection'),
      ),
      h(
        'div',
        { class: 'row' },
        h(
          'div',
          { class: 'field' },
          h('label', { for: 'fault-status' }, 'Status'),
          h('input', {
            id: 'fault-status',
            name: 'status',
            type: 'number',
            min: 400,
            max: 599,
            value: faultDraft.status,
          }),
        ),
        h(
          'div',
          { class: 'field' },
          h('label', { for: 'fault-delay' }, 'Delay (ms)'),
          h('input', {
            id: 'fault-delay',
            name: 'delay',
            type: 'number',
            min: 0,
            max: 60000,
            value: faultDraft.delay,
            'aria-describedby': 'fault-delay-hint',
          }),
          h('small', { id: 'fault-delay-hint', class: 'muted' }, 'before any effect; 0: at once'),
        ),
        h(
          'div',
          { class: 'field' },
          h('label', { for: 'fault-count' }, 'Requests'),
          h('input', { id: 'fault-count', name: 'count', type: 'number', min: 1, value: faultDraft.count }),
        ),
        h('button', { type: 'submit', class: 'primary' }, 'Add fault'),
      ),
    ),
  );
  return h(
    'section',
    { 'aria-labelledby': 'view-title' },
    h('h2', { id: 'view-title' }, 'Faults'),
    h(
      'p',
      { class: 'muted' },
      'A fault takes the next matching requests instead of the operation: a status, a late answer or a dropped connection.',
    ),
    form,
    h('h3', {}, 'Waiting faults'),
    faults.length === 0
      ? h('p', { id: 'no-faults' }, 'No fault is waiting.')
      : h(
          'div',
          { class: 'scroll', tabindex: 0, role: 'region', 'aria-label': 'Fault list' },
          h(
            'table',
            { id: 'faults-table', class: 'stack' },
            h(
              'thead',
              {},
              h(
                'tr',
                {},
                ['Id', 'Provider', 'Operation', 'Effect', 'Left', ''].map((c) => h('th', { scope: 'col' }, c)),
              ),
            ),
            h(
              'tbody',
              {},
              faults.map((f) =>
                h(
                  'tr',
                  { 'data-fault': f.id },
                  h('td', { 'data-label': 'Id' }, h('code', {}, f.id)),
                  h('td', { 'data-label': 'Provider' }, f.provider ?? 'any'),
                  h('td', { 'data-label': 'Operation' }, f.operationId ?? 'any'),
                  h(
                    'td',
                    { 'data-label': 'Effect' },
                    [
                      f.drop ? 'drop' : f.status !== null ? `status ${f.status}` : '',
                      f.delayMs ? `after ${f.delayMs} ms` : '',
                    ]
                      .filter(Boolean)
                      .join(', '),
                  ),
                  h('td', { 'data-label': 'Left' }, f.remaining),
                  h(
                    'td',
                    { 'data-label': '' },
                    h(
                      'button',
                      {
                        type: 'button',
                        class: 'small',
                        'aria-label': `Clear fault ${f.id}`,
                        onclick: () =>
                          void act(`Fault ${f.id} cleared.`, async () => {
                            await control(`/faults/${f.id}`, { method: 'DELETE' });
                            await refreshFaults();
                          }),
                      },
                      'Clear',
                    ),
                  ),
                ),
              ),
            ),
          ),
        ),
    faults.length === 0
      ? null
      : h(
          'p',
          {},
          h(
            'button',
            {
              type: 'button',
              onclick: () =>
                void act('Faults cleared.', async () => {
                  await control('/faults', { method: 'DELETE' });
                  await refreshFaults();
                }),
            },
            'Clear all faults',
          ),
        ),
  );
}

function renderDocs(): HTMLElement {
  return h(
    'section',
    { 'aria-labelledby': 'view-title' },
    h('h2', { id: 'view-title' }, 'API reference'),
    h(
      'p',
      { class: 'muted' },
      'Each spec rendered by Redocly, served by this server (no network needed). Each lists this local server beside the real one.',
    ),
    h(
      'ul',
      {},
      providers.map((p) => h('li', {}, h('a', { href: `/__inspector/docs/${p.id}` }, `API reference: ${p.title}`))),
    ),
  );
}

const renderers: Record<View, () => HTMLElement> = {
  overview: renderOverview,
  tokens: renderTokens,
  clock: renderClock,
  journal: renderJournal,
  faults: renderFaults,
  docs: renderDocs,
};

function render(): void {
  const view = currentView();
  const main = $('main');
  // Keep focus where it was across a re-render (by id or accessible name).
  const active = document.activeElement as HTMLElement | null;
  const key =
    active && main.contains(active) ? active.id || active.getAttribute('aria-label') || active.textContent : null;
  main.replaceChildren(renderers[view]());
  document.title = `${views[view]} · authflow-mocks inspector`;
  for (const a of document.querySelectorAll<HTMLAnchorElement>('nav a')) {
    if (a.hash === `#${view}`) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  if (key) {
    const again = [...main.querySelectorAll<HTMLElement>('button, input, select, a, summary')].find(
      (el) => (el.id || el.getAttribute('aria-label') || el.textContent) === key,
    );
    again?.focus();
  }
  tick();
}

/** Once a second: the clock and every countdown follow the mock clock. */
function tick(): void {
  const now = shortTime(new Date(mockNow()).toISOString());
  $('now-badge').textContent = now;
  const big = document.getElementById('clock-now');
  if (big !== null) big.textContent = now;
  for (const el of document.querySelectorAll<HTMLElement>('[data-countdown]')) {
    el.textContent = countdown(el.dataset.countdown ?? null);
  }
}

async function refreshView(): Promise<void> {
  const view = currentView();
  if (view === 'tokens' || view === 'clock') await refreshTokens();
  if (view === 'faults') await refreshFaults();
}

interface WorldListed {
  id: string;
  name: string | null;
  default: boolean;
  requests: number;
}

/**
 * The world picker: the default world and the live ones (`GET /__control/worlds`, which the
 * server answers on its root only); choosing one opens that world's inspector.
 */
async function fillWorldPicker(): Promise<void> {
  const picker = $<HTMLSelectElement>('world-picker');
  let worlds: WorldListed[] = [{ id: worldId, name: null, default: worldId === 'default', requests: 0 }];
  try {
    const res = await fetch('/__control/worlds', { headers: headers(false), cache: 'no-store' });
    if (res.ok) worlds = ((await res.json()) as { worlds: WorldListed[] }).worlds;
  } catch {
    // The list is a convenience: without it the page still inspects its own world.
  }
  if (!worlds.some((w) => w.id === worldId)) worlds.push({ id: worldId, name: null, default: false, requests: 0 });
  picker.replaceChildren(
    ...worlds.map((w) => {
      const label = w.default ? 'default' : `${w.name ?? 'world'} · ${w.id.slice(0, 8)}…`;
      const option = h('option', { value: w.id }, label) as HTMLOptionElement;
      option.selected = w.id === worldId;
      return option;
    }),
  );
  picker.addEventListener('change', () => {
    const id = picker.value;
    location.assign(`${id === 'default' ? '' : `/w/${encodeURIComponent(id)}`}/__inspector/${location.hash}`);
  });
}

async function start(): Promise<void> {
  document.body.dataset.world = worldId;
  const index = (await (await fetch(`${worldBase}/`, { headers: { accept: 'application/json' } })).json()) as {
    providers: ProviderInfo[];
  };
  providers = index.providers;
  operations = (await (await fetch('/__inspector/operations.json')).json()) as Record<string, OperationInfo[]>;
  fixtures = await control<Record<string, Record<string, unknown>>>('/fixtures');
  await Promise.all([refreshClock(), refreshTokens(), refreshFaults(), fillWorldPicker()]);
  $('reset').addEventListener('click', () => {
    const dialog = $<HTMLDialogElement>('confirm-dialog');
    dialog.returnValue = '';
    dialog.showModal();
    dialog.addEventListener(
      'close',
      () => {
        if (dialog.returnValue !== 'reset') return;
        void act('Everything reset.', async () => {
          await control('/reset', { method: 'POST' });
          await Promise.all([refreshTokens(), refreshFaults()]);
        });
      },
      { once: true },
    );
  });
  window.addEventListener('hashchange', () => {
    render();
    $('main').focus();
    void refreshView()
      .then(render)
      .catch(() => undefined);
  });
  render();
  void streamJournal();
  window.setInterval(tick, 1000);
  // Tokens change as the app under test runs: keep the view current while it is open.
  window.setInterval(() => {
    if (document.hidden || currentView() !== 'tokens') return;
    const active = document.activeElement;
    if (active instanceof HTMLSelectElement) return;
    refreshTokens()
      .then(render)
      .catch(() => undefined);
  }, 3000);
  document.body.dataset.ready = 'true';
}

start().catch((error: unknown) => {
  $('main').replaceChildren(
    h(
      'p',
      { class: 'error', role: 'alert' },
      `The inspector could not start: ${String(error instanceof Error ? error.message : error)}`,
    ),
  );
});
