/** The API reference view: links to each spec rendered by Redocly. */
import { h } from '../dom.js';
import { state } from '../state.js';

export function renderDocs(): HTMLElement {
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
      state.providers.map((p) =>
        h('li', {}, h('a', { href: `/__inspector/docs/${p.id}` }, `API reference: ${p.title}`)),
      ),
    ),
  );
}
