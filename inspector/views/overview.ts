/** The overview: each provider, its hosts, and its fixtures (secrets masked until revealed). */
import { announce, h } from '../dom.js';
import { rerender } from '../nav.js';
import { openFixtures, revealed, state } from '../state.js';

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
          rerender();
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

export function renderOverview(): HTMLElement {
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
      state.providers.map((p) =>
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
            Object.entries(state.fixtures[p.id] ?? {}).map(([k, v]) => fixtureBlock(p.id, k, v)),
          ),
        ),
      ),
    ),
  );
}
