/** Times and durations as the page shows them, on the mock clock. */
import type { TokenView } from '../mocks/core/index.js';
import { mockNow } from './state.js';

export function duration(seconds: number): string {
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

export const shortTime = (iso: string) => iso.replace('T', ' ').replace(/\.\d+Z$/, 'Z');

/** The state as of now on the mock clock (a live token whose expiry passed shows expired). */
export function tokenState(t: TokenView): TokenView['state'] {
  if (t.state === 'live' && t.expiresAt !== null && Date.parse(t.expiresAt) <= mockNow()) return 'expired';
  return t.state;
}

export function countdown(expiresAt: string | null): string {
  if (expiresAt === null) return 'never';
  const left = Math.floor((Date.parse(expiresAt) - mockNow()) / 1000);
  return left <= 0 ? `expired ${duration(-left)} ago` : `in ${duration(left)}`;
}
