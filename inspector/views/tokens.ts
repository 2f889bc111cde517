/** The tokens view: every credential the providers hold, masked, with its state and countdown. */
import type { TokenView } from '../../mocks/core/index.js';
import { act, control, refreshTokens } from '../control.js';
import { h, selectFilter } from '../dom.js';
import { countdown, shortTime, tokenState } from '../format.js';
import { rerender } from '../nav.js';
import { state, tokenFilters } from '../state.js';

function tokenScope(t: TokenView): string {
  const parts: string[] = [];
  if (t.scopes) parts.push(`scopes: ${t.scopes.join(' ') || '—'}`);
  if (t.companies) parts.push(`companies: ${t.companies.join(', ')}`);
  if (t.permissions) parts.push(`permissions: ${t.permissions.join(', ')}`);
  if (t.event) parts.push(`event: ${t.event}`);
  return parts.join('; ');
}

/** One credential's row; a live, revocable one has its Revoke button. */
function tokenRow(t: TokenView): HTMLElement {
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
}

export function renderTokens(): HTMLElement {
  const shown = state.tokens.filter(
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
        [['', 'All providers'], ...state.providers.map((p): [string, string] => [p.id, p.title])],
        tokenFilters.provider,
        (v) => {
          tokenFilters.provider = v;
          rerender();
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
          rerender();
        },
      ),
      h('button', { type: 'button', onclick: () => void act('Tokens refreshed.', refreshTokens) }, 'Refresh tokens'),
    ),
    state.tokensTruncated ? h('p', { class: 'muted' }, 'Only the newest credentials are listed.') : null,
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
            h('tbody', {}, shown.map(tokenRow)),
          ),
        ),
  );
}
