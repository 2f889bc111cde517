/** The clock view: the mock clock, moved, set or reset, and what expires next. */
import { act, control, refreshTokens } from '../control.js';
import { $, announce, h } from '../dom.js';
import { countdown, duration, shortTime, tokenState } from '../format.js';
import { mockNow, state } from '../state.js';
import type { ClockState } from '../types.js';

/** Moves the clock (`POST /__control/clock`), then reads the tokens again: their states follow it. */
function moveClock(label: string, json: { advanceSeconds: number } | { set: string } | { reset: true }): void {
  void act(label, async () => {
    state.clock = await control<ClockState>('/clock', { method: 'POST', json });
    state.clockReadAt = Date.now();
    await refreshTokens();
  });
}

const advance = (seconds: number, label: string) => moveClock(`Clock advanced ${label}.`, { advanceSeconds: seconds });

/** Advance by a minute, an hour, a day, or any number of seconds. */
function advanceFields(): HTMLElement {
  return h(
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
  );
}

/** Set the clock to an instant, or back to real time. */
function setFields(): HTMLElement {
  return h(
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
          moveClock(`Clock set to ${shortTime(instant)}.`, { set: instant });
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
          onclick: () => moveClock('Clock back to real time.', { reset: true }),
        },
        'Reset clock to real time',
      ),
    ),
  );
}

/** The live tokens that expire first, each with its countdown. */
function nextExpiries(): HTMLElement {
  const soon = state.tokens
    .filter((t) => tokenState(t) === 'live' && t.expiresAt !== null)
    .sort((a, b) => Date.parse(a.expiresAt as string) - Date.parse(b.expiresAt as string))
    .slice(0, 8);
  return soon.length === 0
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
      );
}

export function renderClock(): HTMLElement {
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
      state.clock.offsetSeconds === 0 ? 'Real time.' : `Offset ${duration(state.clock.offsetSeconds)}.`,
    ),
    advanceFields(),
    setFields(),
    h('h3', {}, 'Next expiries'),
    nextExpiries(),
  );
}
