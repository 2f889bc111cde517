/**
 * The inspector page (`/__inspector/`): plain TypeScript over the control plane, bundled by
 * scripts/bundle-inspector.mjs. Every call is same-origin JSON; a state-changing one sends
 * `Content-Type: application/json`. When the server guards its control plane, the page asks for
 * the token and keeps it in the page's memory only (never in storage, a URL or a log).
 *
 * This module draws the page and starts it; `./control.ts` calls the control plane, `./state.ts`
 * holds what the page knows, and each view is a module of its own under `./views/`. They import
 * only types from the server's code (erased by the bundler), so the page loads none of it.
 */
import { act, control, headers, refreshClock, refreshFaults, refreshTokens, worldBase, worldId } from './control.js';
import { $, h } from './dom.js';
import { countdown, shortTime } from './format.js';
import { currentView, onRender, type View, views } from './nav.js';
import { mockNow, state } from './state.js';
import type { OperationInfo, ProviderInfo } from './types.js';
import { renderClock } from './views/clock.js';
import { renderDocs } from './views/docs.js';
import { renderFaults } from './views/faults.js';
import { renderJournal, streamJournal } from './views/journal.js';
import { renderOverview } from './views/overview.js';
import { renderTokens } from './views/tokens.js';

const renderers: Record<View, () => HTMLElement> = {
  overview: renderOverview,
  tokens: renderTokens,
  clock: renderClock,
  journal: renderJournal,
  faults: renderFaults,
  docs: renderDocs,
};

/** Draws the current view (and is what `rerender()` of ./nav.ts calls). */
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
  onRender(render);
  document.body.dataset.world = worldId;
  const index = (await (await fetch(`${worldBase}/`, { headers: { accept: 'application/json' } })).json()) as {
    providers: ProviderInfo[];
  };
  state.providers = index.providers;
  state.operations = (await (await fetch('/__inspector/operations.json')).json()) as Record<string, OperationInfo[]>;
  state.fixtures = await control<Record<string, Record<string, unknown>>>('/fixtures');
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
