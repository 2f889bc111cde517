/**
 * What the page knows: read from the control plane, kept in this one object (the page's memory
 * only: the control token never goes to storage, a URL or a log), plus the choices made in its
 * forms, kept across renders.
 */
import type { JournalEntry, TokenView } from '../mocks/core/index.js';
import type { ClockState, Fault, OperationInfo, ProviderInfo } from './types.js';

export const state = {
  controlToken: undefined as string | undefined,
  providers: [] as ProviderInfo[],
  fixtures: {} as Record<string, Record<string, unknown>>,
  operations: {} as Record<string, OperationInfo[]>,
  clock: { now: new Date().toISOString(), offsetSeconds: 0 } as ClockState,
  /** Real time when `clock` was read: the mock clock runs on from there. */
  clockReadAt: Date.now(),
  tokens: [] as TokenView[],
  tokensTruncated: false,
  journal: [] as JournalEntry[],
  faults: [] as Fault[],
};
export const revealed = new Set<string>();
export const openFixtures = new Set<string>();
/** The fault form's last choices, kept across renders. */
export const faultDraft = { provider: '', operationId: '', effect: 'status', status: '503', delay: '0', count: '1' };
export const journalFilters = { provider: '', status: '', outcome: '', reason: '' };
export const tokenFilters = { provider: '', state: '' };
export const maxJournal = 1000;

export const mockNow = () => Date.parse(state.clock.now) + (Date.now() - state.clockReadAt);
