/**
 * Laravel-style validation of participant input, after the field table of docs.tracx.events
 * ("Save Single Participant"). Problems are collected per field, as Laravel's validator does, and
 * thrown once as `validation_failed` with `details.fields` (422 `{message, errors}`).
 */
import { MockError } from '../../core/index.js';
import { genders, type ParticipantInput, participantStates as states } from './state.js';

/** Laravel's alpha_dash: Unicode letters and marks, digits, `-` and `_`. */
const alphaDash = /^[\p{L}\p{M}\p{N}_-]+$/u;
/** PHP's FILTER_VALIDATE_INT, as Laravel's `integer` rule uses it, for strings. */
const integerString = /^\s*[+-]?(0|[1-9]\d*)\s*$/;
const ymd = /^(\d{4})-(\d{2})-(\d{2})$/;

let regionNames: Intl.DisplayNames | undefined;
/** Answers so far, by upper-cased code (at most 26 × 26): a batch of thousands asks Intl once per code. */
const countryCodes = new Map<string, boolean>();
/** ISO 3166-1 alpha-2, any case, checked against the runtime's region data. */
function isCountryCode(value: string): boolean {
  if (!/^[A-Za-z]{2}$/.test(value)) return false;
  const code = value.toUpperCase();
  const known = countryCodes.get(code);
  if (known !== undefined) return known;
  let ok = false;
  if (code !== 'ZZ') {
    regionNames ??= new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
    try {
      ok = regionNames.of(code) !== undefined;
    } catch {
      ok = false;
    }
  }
  countryCodes.set(code, ok);
  return ok;
}

function isDate(value: string): boolean {
  const m = ymd.exec(value);
  if (m === null) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** Laravel's display name of an attribute: `chip_code` → `chip code`, `0.chip_code` kept as is. */
const label = (field: string) => (field.includes('.') ? field : field.replace(/_/g, ' '));

/** Whether `value` is one of `list` (a request field against an enum of the spec). */
const isOneOf = (list: readonly string[], value: unknown): boolean => list.some((item) => item === value);

/** An integer as Laravel's `integer` rule reads it (JSON number or numeric string), or null. */
export function readInteger(value: unknown): number | null {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? value : null;
  if (typeof value === 'string' && integerString.test(value)) {
    const n = Number(value.trim());
    return Number.isSafeInteger(n) ? n : null;
  }
  return null;
}

export type Problems = Record<string, string[]>;

/**
 * Fields a 422's `errors` lists at most. Laravel lists every field; a batch of thousands of bad
 * items would answer megabytes, so the mock lists the first 1,000 (the message counts them all).
 */
export const maxReportedFields = 1000;

/**
 * Problems as Laravel's validator collects them, per field in order. Every message is counted;
 * only the first `maxReportedFields` fields are kept, so a huge bad batch costs little memory.
 */
export class ProblemLog {
  readonly fields: Problems = {};
  /** Messages added, kept or not. */
  count = 0;
  first: string | undefined;
  private kept = 0;

  add(field: string, message: string): void {
    this.count++;
    this.first ??= message;
    const list = this.fields[field];
    if (list !== undefined) list.push(message);
    else if (this.kept < maxReportedFields) {
      this.fields[field] = [message];
      this.kept++;
    }
  }
}

const present = (v: unknown) => v !== undefined && v !== null && v !== '';

/** A string, or a number Laravel would accept as one for alpha_dash. */
function text(v: unknown): string | null {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return null;
}

/**
 * Checks one participant. `prefix` is `''` for the single endpoint and `'N.'` for item N of an
 * array body. `raceOk(raceId)` says whether the race exists in the caller's scope.
 *
 * `bulk`: the rules of "Save Multiple Participants", whose field table marks only unique_id,
 * first_name, last_name, date_of_birth and race_id required; `start_number` and `chip_code`
 * (required by "Save Single Participant") are optional there, checked when given.
 */
export function checkParticipant(
  input: unknown,
  prefix: string,
  problems: ProblemLog,
  raceOk: (raceId: number) => boolean,
  bulk = false,
): ParticipantInput | null {
  const before = problems.count;
  // Laravel reads a scalar or a list where an object belongs as having none of the fields.
  const v: Record<string, unknown> =
    input !== null && typeof input === 'object' && !Array.isArray(input) ? (input as Record<string, unknown>) : {};
  const f = (name: string) => `${prefix}${name}`;
  const add = (log: ProblemLog, field: string, message: string) => log.add(field, message);
  const required = (name: string) => {
    if (!present(v[name])) {
      add(problems, f(name), `The ${label(f(name))} field is required.`);
      return false;
    }
    return true;
  };
  const maxString = (name: string, max: number, dash: boolean) => {
    const s = text(v[name]);
    if (s === null || (!dash && typeof v[name] !== 'string')) {
      add(problems, f(name), `The ${label(f(name))} field must be a string.`);
      return;
    }
    if (dash && !alphaDash.test(s)) {
      add(
        problems,
        f(name),
        `The ${label(f(name))} field must only contain letters, numbers, dashes, and underscores.`,
      );
    }
    if ([...s].length > max) {
      add(problems, f(name), `The ${label(f(name))} field must not be greater than ${max} characters.`);
    }
  };

  if (required('unique_id')) maxString('unique_id', 100, true);
  if (required('first_name')) maxString('first_name', 100, false);
  if (required('last_name')) maxString('last_name', 100, false);
  const requiredHere = (name: string) => (bulk ? present(v[name]) : required(name));
  if (requiredHere('start_number')) maxString('start_number', 100, true);
  if (present(v.team_name)) maxString('team_name', 100, false);
  if (present(v.country_code)) {
    if (typeof v.country_code !== 'string' || !isCountryCode(v.country_code)) {
      add(problems, f('country_code'), `The selected ${label(f('country_code'))} is invalid.`);
    }
  }
  if (required('date_of_birth')) {
    if (typeof v.date_of_birth !== 'string' || !isDate(v.date_of_birth)) {
      add(problems, f('date_of_birth'), `The ${label(f('date_of_birth'))} field must match the format Y-m-d.`);
    }
  }
  if (requiredHere('chip_code')) {
    if (typeof v.chip_code !== 'string') {
      add(problems, f('chip_code'), `The ${label(f('chip_code'))} field must be a string.`);
    } else if ([...v.chip_code].length !== 7) {
      add(problems, f('chip_code'), `The ${label(f('chip_code'))} field must be 7 characters.`);
    }
  }
  if (present(v.gender) && !isOneOf(genders, v.gender)) {
    add(problems, f('gender'), `The selected ${label(f('gender'))} is invalid.`);
  }
  if (present(v.state) && !isOneOf(states, v.state)) {
    add(problems, f('state'), `The selected ${label(f('state'))} is invalid.`);
  }
  let raceId: number | null = null;
  if (required('race_id')) {
    raceId = typeof v.race_id === 'boolean' ? null : readInteger(v.race_id);
    if (raceId === null) add(problems, f('race_id'), `The ${label(f('race_id'))} field must be an integer.`);
    else if (!raceOk(raceId)) add(problems, f('race_id'), `The selected ${label(f('race_id'))} is invalid.`);
  }
  if (problems.count > before || raceId === null) return null;
  const optional = (x: unknown) => (present(x) ? String(x) : null);
  return {
    unique_id: text(v.unique_id) as string,
    first_name: v.first_name as string,
    last_name: v.last_name as string,
    start_number: present(v.start_number) ? (text(v.start_number) as string) : null,
    chip_code: present(v.chip_code) ? (v.chip_code as string) : null,
    date_of_birth: v.date_of_birth as string,
    country_code: optional(v.country_code),
    team_name: optional(v.team_name),
    gender: present(v.gender) ? (v.gender as ParticipantInput['gender']) : null,
    state: present(v.state) ? (v.state as ParticipantInput['state']) : null,
    race_id: raceId,
  };
}

/** Laravel's summary line: the first problem, plus "(and N more error[s])". */
export function summary(problems: ProblemLog): string {
  const first = problems.first ?? 'The given data was invalid.';
  const more = Math.max(problems.count, 1) - 1;
  return more === 0 ? first : `${first} (and ${more} more error${more === 1 ? '' : 's'})`;
}

/** Throws the 422 when there are problems (a log, or a plain field → messages record). */
export function failIf(problems: ProblemLog | Problems): void {
  let log = problems;
  if (!(log instanceof ProblemLog)) {
    log = new ProblemLog();
    for (const [field, messages] of Object.entries(problems)) for (const m of messages) log.add(field, m);
  }
  if (log.count === 0) return;
  throw new MockError('validation_failed', summary(log), { fields: log.fields });
}
