/**
 * The control plane: health, fixtures, reset, the clock, the journal, faults and credentials, as
 * an in-process object. The node:http door serves it as `/__control/*` (doors/http/control.ts).
 */
import type { Clock } from './clock.js';
import { type FixtureProblem, MockError } from './errors.js';
import { type Fault, type FaultSpec, type FaultTable, maxFaults, parseFaultSpec } from './faults.js';
import { boundProblems } from './fixture-config.js';
import { type CredentialState, credentialId, type HeldCredential, prefixLength } from './inventory.js';
import type { Journal, JournalEntry } from './journal.js';
import type { Provider } from './provider.js';

export type { FixtureProblem };

export interface ClockState {
  /** ISO 8601. */
  now: string;
  /** Seconds the clock is ahead of real time (negative: behind). */
  offsetSeconds: number;
}

/** A credential as the control plane shows it: masked to a short prefix, times on the mock clock. */
export interface TokenView {
  /** A stable handle, for `revokeToken({ id })`. */
  id: string;
  provider: string;
  kind: string;
  /** The first characters of the value and an ellipsis; never the whole value. */
  prefix: string;
  whose: string | null;
  scopes?: string[];
  companies?: string[];
  permissions?: string[];
  event?: string;
  /** ISO 8601 on the mock clock; null when unknown. */
  issuedAt: string | null;
  /** ISO 8601 on the mock clock; null when it never expires or is unknown. */
  expiresAt: string | null;
  /** Seconds left on the mock clock (0 once expired); null without an expiry. */
  expiresInSeconds: number | null;
  state: CredentialState;
  /** Whether `revokeToken` can end it. */
  revocable: boolean;
}

/** Most credentials `tokens()` lists (newest first); `truncated` says when there were more. */
export const maxListedTokens = 500;

export interface ControlPlane {
  health(): { status: 'ok'; providers: string[] };
  fixtures(): Record<string, Record<string, unknown>>;
  /** Every provider back to its seeded state, the clock to real time, the journal emptied. */
  reset(): Promise<void>;
  clock(): ClockState;
  advanceClock(seconds: number): ClockState;
  setClock(instant: string | Date): ClockState;
  /** Back to real time. */
  resetClock(): ClockState;
  journal(): { entries: JournalEntry[] };
  /** A provider-specific action, e.g. revoking a key; `undefined` if it does not exist. */
  action(provider: string, name: string, input?: Record<string, unknown>): Promise<unknown>;
  /** Injected faults still waiting for requests. */
  faults(): { faults: Fault[] };
  /** Adds a fault (see `FaultSpec`); throws `MockError` (`fault_invalid`, `too_many_faults`) for a bad spec. */
  addFault(spec: FaultSpec): Fault;
  /** Removes one fault by id, or all; answers how many were removed. */
  clearFaults(id?: string): { removed: number };
  /** The credentials every provider holds, masked (see `TokenView`), newest first. */
  tokens(): { now: string; tokens: TokenView[]; truncated: boolean };
  /**
   * Revokes one live credential, named by its `id` or by a prefix of its value (at least 4
   * characters, matching one live credential). Throws `MockError` when none or several match.
   */
  revokeToken(input: { id?: unknown; prefix?: unknown }): Promise<{ revoked: TokenView }>;
  /**
   * Makes a validated config (provider sections) the configured world, then resets onto it.
   * Throws `MockError('fixtures_invalid')` with every problem; nothing changes then.
   */
  replaceFixtures(input: unknown): Promise<{ status: 'replaced'; providers: string[] }>;
  /** Adds validated entities to one provider's configured world, then reseeds that provider. */
  addFixtures(provider: string, input: unknown): Promise<{ status: 'added'; provider: string }>;
}

/**
 * The problems of a refused input (none: it was installed); `more`: problems found but not
 * listed; `unchecked`: entries not checked once enough problems were found.
 */
export interface FixtureRefusal {
  problems: readonly FixtureProblem[];
  more?: number;
  unchecked?: number;
}

/**
 * Installs configured fixtures at run time; the world supplies it (the config schemas live
 * outside core). Each answers the problems of its input, or installs it and answers none.
 */
export interface FixturesHook {
  replace(input: unknown): FixtureRefusal;
  add(provider: string, input: unknown): FixtureRefusal;
}

/** Resolves on the next event-loop turn, so requests waiting meanwhile are answered. */
const nextTurn = (): Promise<void> =>
  new Promise((resolve) => {
    if (typeof setImmediate === 'function') setImmediate(resolve);
    else setTimeout(resolve, 0);
  });

/** The clock stays within the years 1970–9999. */
const minClockMs = Date.UTC(1970, 0, 1);
const maxClockMs = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
const clockRange = 'the years 1970 to 9999';

const isoDateTime = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):(\d{2}))?$/i;

/** Epoch milliseconds of a strict ISO 8601 date-time (no 30 February, no hour 25), or NaN. */
function parseInstant(text: string): number {
  const m = isoDateTime.exec(text);
  if (m === null) return Number.NaN;
  const [year, month, day, hour, minute, second = 0, offsetHours = 0, offsetMinutes = 0] = m
    .slice(1)
    .map((v) => (v === undefined ? undefined : Number(v))) as number[];
  const daysInMonth = new Date(Date.UTC(year as number, month as number, 0)).getUTCDate();
  if ((month as number) < 1 || (month as number) > 12 || (day as number) < 1 || (day as number) > daysInMonth) {
    return Number.NaN;
  }
  if ((hour as number) > 23 || (minute as number) > 59 || second > 59 || offsetHours > 23 || offsetMinutes > 59) {
    return Number.NaN;
  }
  return Date.parse(text);
}

export function createControlPlane(parts: {
  clock: Clock;
  providers: ReadonlyMap<string, Provider>;
  journal: Journal;
  faults: FaultTable;
  fixtures?: FixturesHook | undefined;
}): ControlPlane {
  const { clock, providers, journal, faults } = parts;
  const refuseConfig = (refusal: FixtureRefusal) => {
    if (refusal.problems.length === 0) return;
    // Bounded whatever the hook found: the answer stays small however bad the input.
    const { problems, more } = boundProblems(refusal.problems);
    throw new MockError('fixtures_invalid', 'The fixtures do not validate.', {
      problems,
      more: more + (refusal.more ?? 0),
      unchecked: refusal.unchecked ?? 0,
    });
  };
  function hook(): FixturesHook {
    if (parts.fixtures === undefined) throw new MockError('not_found', 'This world takes no fixtures at run time.');
    return parts.fixtures;
  }
  const operationCatalog = new Map(
    [...providers].map(([id, p]) => [id, p.operations.map((o) => o.operationId)] as const),
  );
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
  function held(): { provider: string; credential: HeldCredential }[] {
    const now = clock.now();
    const out: { provider: string; credential: HeldCredential }[] = [];
    for (const [id, p] of providers) {
      for (const credential of p.credentials?.(now) ?? []) out.push({ provider: id, credential });
    }
    // Newest first; credentials the provider cannot date (refused ones, seeded keys) last.
    return out.sort((a, b) => (b.credential.issuedAt ?? -1) - (a.credential.issuedAt ?? -1));
  }
  function view(provider: string, c: HeldCredential): TokenView {
    const now = clock.now();
    return {
      id: credentialId(provider, c.kind, c.value),
      provider,
      kind: c.kind,
      prefix: `${c.value.slice(0, Math.min(prefixLength, Math.floor(c.value.length / 3)))}…`,
      whose: c.whose,
      ...(c.scopes === undefined ? {} : { scopes: [...c.scopes] }),
      ...(c.companies === undefined ? {} : { companies: [...c.companies] }),
      ...(c.permissions === undefined ? {} : { permissions: [...c.permissions] }),
      ...(c.event === undefined ? {} : { event: c.event }),
      issuedAt: iso(c.issuedAt),
      expiresAt: iso(c.expiresAt),
      expiresInSeconds: c.expiresAt === null ? null : Math.max(0, Math.floor((c.expiresAt - now) / 1000)),
      state: c.state,
      revocable: c.state === 'live' && c.revoke !== undefined,
    };
  }
  const clockState = (): ClockState => ({
    now: new Date(clock.now()).toISOString(),
    offsetSeconds: clock.offset() / 1000,
  });
  const plane: ControlPlane = {
    health: () => ({ status: 'ok', providers: [...providers.keys()] }),
    fixtures() {
      const out: Record<string, Record<string, unknown>> = {};
      for (const [id, p] of providers) out[id] = p.fixtures();
      return out;
    },
    async replaceFixtures(input) {
      refuseConfig(hook().replace(input));
      // Validating and seeding a large input, and each provider's seeding, take a turn of their
      // own, not one long one (requests meanwhile see the providers not yet reseeded as they were).
      await nextTurn();
      clock.reset();
      journal.clear();
      faults.clear();
      for (const provider of providers.values()) {
        await provider.reset();
        await nextTurn();
      }
      return { status: 'replaced', providers: [...providers.keys()] };
    },
    async addFixtures(id, input) {
      const provider = providers.get(id);
      if (provider === undefined) throw new MockError('not_found', `No provider ${id.slice(0, 40)}.`);
      refuseConfig(hook().add(id, input));
      await nextTurn();
      await provider.reset();
      return { status: 'added', provider: id };
    },
    async reset() {
      clock.reset();
      journal.clear();
      faults.clear();
      await Promise.all([...providers.values()].map((p) => p.reset()));
    },
    clock: clockState,
    advanceClock(seconds) {
      if (typeof seconds !== 'number' || !Number.isFinite(seconds)) {
        throw new MockError('clock_invalid', 'advanceSeconds must be a finite number.');
      }
      const target = clock.now() + seconds * 1000;
      if (!(target >= minClockMs && target <= maxClockMs)) {
        throw new MockError('clock_invalid', `advanceSeconds would move the clock outside ${clockRange}.`);
      }
      clock.advance(seconds);
      return clockState();
    },
    setClock(instant) {
      const ms =
        instant instanceof Date ? instant.getTime() : typeof instant === 'string' ? parseInstant(instant) : NaN;
      if (!Number.isFinite(ms)) {
        throw new MockError('clock_invalid', 'set must be a valid ISO 8601 date-time, e.g. 2030-01-01T00:00:00Z.');
      }
      if (ms < minClockMs || ms > maxClockMs) throw new MockError('clock_invalid', `set must be within ${clockRange}.`);
      clock.set(ms);
      return clockState();
    },
    resetClock() {
      clock.reset();
      return clockState();
    },
    journal: () => ({ entries: journal.entries() }),
    async action(providerId, name, input = {}) {
      const provider = providers.get(providerId);
      const actions = provider?.actions;
      // Own, declared actions only: never `constructor` or anything else on a prototype.
      const action = actions !== undefined && Object.hasOwn(actions, name) ? actions[name] : undefined;
      if (typeof action !== 'function') {
        throw new MockError('action_unknown', `No control action ${providerId.slice(0, 40)}/${name.slice(0, 40)}.`);
      }
      await provider?.ready();
      return action(input);
    },
    faults: () => ({ faults: faults.list() }),
    addFault(spec) {
      const parsed = parseFaultSpec(spec, operationCatalog);
      if (faults.size >= maxFaults) {
        throw new MockError(
          'too_many_faults',
          `At most ${maxFaults} faults can wait at once; DELETE /__control/faults removes them.`,
        );
      }
      return faults.add(parsed);
    },
    clearFaults: (id) => ({ removed: faults.clear(id) }),
    tokens() {
      const all = held();
      return {
        now: new Date(clock.now()).toISOString(),
        tokens: all.slice(0, maxListedTokens).map(({ provider, credential }) => view(provider, credential)),
        truncated: all.length > maxListedTokens,
      };
    },
    async revokeToken(input) {
      const { id, prefix } = input;
      if ((typeof id !== 'string' || id === '') === (typeof prefix !== 'string' || prefix === '')) {
        throw new MockError('control_invalid', 'Send {"id": "tok_…"} or {"prefix": "…"} (one of them).');
      }
      if (typeof prefix === 'string' && prefix.replace(/…$/, '').length < 4) {
        throw new MockError('control_invalid', 'prefix must be at least 4 characters.');
      }
      const wanted = typeof prefix === 'string' ? prefix.replace(/…$/, '') : '';
      const matches = held().filter(
        ({ provider, credential: c }) =>
          c.state === 'live' &&
          (typeof id === 'string' ? credentialId(provider, c.kind, c.value) === id : c.value.startsWith(wanted)),
      );
      if (matches.length === 0) throw new MockError('not_found', 'No live credential matches.');
      if (matches.length > 1) {
        throw new MockError(
          'control_invalid',
          `${matches.length} live credentials match: give a longer prefix or the id.`,
        );
      }
      const { provider, credential } = matches[0] as { provider: string; credential: HeldCredential };
      if (credential.revoke === undefined) throw new MockError('control_invalid', 'This credential cannot be revoked.');
      await credential.revoke();
      return { revoked: { ...view(provider, credential), state: 'revoked', revocable: false } };
    },
  };
  return plane;
}
