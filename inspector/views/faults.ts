/** The faults view: inject a status, a delay or a dropped connection; list and clear them. */
import { act, control, refreshFaults } from '../control.js';
import { announce, h } from '../dom.js';
import { faultDraft, state } from '../state.js';

/** Adds the fault the form describes (and remembers its choices for the next render). */
function addFault(data: FormData, provider: string, operationId: string): void {
  const spec: Record<string, unknown> = { provider };
  if (operationId !== '') spec.operationId = operationId;
  const count = Number(data.get('count'));
  if (Number.isInteger(count) && count > 0) spec.count = count;
  const kind = String(data.get('fault-effect'));
  Object.assign(faultDraft, {
    provider,
    operationId,
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
}

/** What a fault does (a status, a late answer, a dropped connection), after what delay, how many times. */
function effectFields(): HTMLElement {
  const effect = (value: string, text: string) =>
    h(
      'label',
      { class: 'choice' },
      h('input', { type: 'radio', name: 'fault-effect', value, checked: faultDraft.effect === value }),
      text,
    );
  return h(
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
  );
}

/** The form that adds a fault: where (provider, operation), what (status, late, drop), how many. */
function faultForm(): HTMLFormElement {
  const providerSelect = h(
    'select',
    {
      id: 'fault-provider',
      onchange: () => fillOperations(),
    },
    state.providers.map((p) => h('option', { value: p.id, selected: p.id === faultDraft.provider }, p.title)),
  );
  const operationSelect = h('select', { id: 'fault-operation' });
  function fillOperations(): void {
    const ops = state.operations[providerSelect.value] ?? [];
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
  const form = h(
    'form',
    {
      id: 'fault-form',
      onsubmit: (e: Event) => {
        e.preventDefault();
        addFault(new FormData(form), providerSelect.value, operationSelect.value);
      },
    },
    h(
      'div',
      { class: 'row' },
      h('div', { class: 'field' }, h('label', { for: 'fault-provider' }, 'Provider'), providerSelect),
      h('div', { class: 'field' }, h('label', { for: 'fault-operation' }, 'Operation'), operationSelect),
    ),
    effectFields(),
  );
  return form;
}

/** The faults still waiting, each with its Clear button. */
function faultList(): HTMLElement {
  return state.faults.length === 0
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
            state.faults.map((f) =>
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
      );
}

export function renderFaults(): HTMLElement {
  const form = faultForm();
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
    faultList(),
    state.faults.length === 0
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
