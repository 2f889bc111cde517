/** The journal view, and the stream that keeps it current. */
import type { JournalEntry } from '../../mocks/core/index.js';
import { askForToken, headers, refreshJournal, worldBase } from '../control.js';
import { h, selectFilter } from '../dom.js';
import { currentView } from '../nav.js';
import { journalFilters, maxJournal, state } from '../state.js';

// ---------------------------------------------------------------- the journal stream

let streamAbort: AbortController | undefined;
let polling: number | undefined;

function addEntry(entry: JournalEntry): void {
  state.journal.push(entry);
  if (state.journal.length > maxJournal) state.journal.splice(0, state.journal.length - maxJournal);
}

/** Reads `/__control/journal/stream` (SSE over fetch, so the token can go in a header). */
export async function streamJournal(): Promise<void> {
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
    state.journal = [];
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
        else if (event === 'clear') state.journal = [];
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
  const shown = state.journal.filter(journalMatches).slice().reverse();
  list.replaceChildren(
    ...shown.map((e) => {
      const row = journalRow(e);
      if (open.has(String(e.seq))) (row.querySelector('details') as HTMLDetailsElement).open = true;
      return row;
    }),
  );
  const count = document.getElementById('journal-count');
  if (count !== null) count.textContent = `${shown.length} of ${state.journal.length} requests`;
  const reasons = document.getElementById('j-reason') as HTMLSelectElement | null;
  if (reasons !== null) {
    const known = [...new Set(state.journal.map((e) => e.reason).filter((r) => r !== undefined))].sort();
    const have = [...reasons.options].map((o) => o.value).filter(Boolean);
    if (known.join() !== have.join()) {
      reasons.replaceChildren(
        h('option', { value: '' }, 'Any reason'),
        ...known.map((r) => h('option', { value: r, selected: r === journalFilters.reason }, r)),
      );
    }
  }
}

export function renderJournal(): HTMLElement {
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
        [['', 'All providers'], ...state.providers.map((p): [string, string] => [p.id, p.title])],
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
