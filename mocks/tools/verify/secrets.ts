import { isSecretQueryName } from '../../core/journal.js';

/** Field and variable names whose values are secret or personal. */
export const secretName =
  /token|secret|password|passwd|api_?key|apikey|_key$|^key$|authorization|assertion|signature|session|credential|cookie|email|e_mail|username|user_name|phone|first_?name|last_?name|full_?name|address/i;
/** Variable names that hold a secret (besides Postman's `secret` type). */
export const secretVariable = new RegExp(`${secretName.source}|code$|Code$`, 'i');
/** A request field whose value the run must never show: the journal's list, and personal names. */
export const sentSecret = (name: string) => isSecretQueryName(name) || secretName.test(name);
const jwtLike = /\beyJ[\w-]{4,}\.[\w-]{4,}\.[\w-]*/g;
const emailLike = /[\w.+-]+@[\w-]+\.[\w.-]+/g;
const maxShown = 80;

/** The secret values seen in a run; every output is scrubbed of them. */
export class Secrets {
  private readonly values = new Set<string>();
  add(value: unknown): void {
    if (typeof value !== 'string') return;
    const v = value.trim();
    // Short values (ids like "1", "true") would blank out unrelated text.
    if (v.length >= 6) this.values.add(v);
  }
  /** Every string under a secret-looking key, anywhere in a JSON value. */
  harvest(value: unknown, secretKey = false): void {
    if (typeof value === 'string') {
      if (secretKey) this.add(value);
      return;
    }
    if (Array.isArray(value)) for (const v of value) this.harvest(v, secretKey);
    else if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) this.harvest(v, secretKey || secretName.test(k));
    }
  }
  scrub(text: string): string {
    let out = text;
    // Longest first, so a secret containing another is replaced whole.
    for (const v of [...this.values].sort((a, b) => b.length - a.length)) out = out.split(v).join('[redacted]');
    return out.replace(jwtLike, '[redacted]').replace(emailLike, '[redacted]');
  }
  /** A deep copy with secret and personal fields replaced. */
  redact(value: unknown): unknown {
    if (typeof value === 'string') return this.scrub(value);
    if (Array.isArray(value)) return value.map((v) => this.redact(v));
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(
        Object.entries(value).map(([k, v]) => [
          k,
          secretName.test(k) && v !== null && typeof v !== 'object' ? '[redacted]' : this.redact(v),
        ]),
      );
    }
    return value;
  }
  shown(value: unknown): string {
    if (value === undefined) return 'absent';
    const text = typeof value === 'string' ? JSON.stringify(this.scrub(value)) : JSON.stringify(this.redact(value));
    return text.length > maxShown ? `${text.slice(0, maxShown - 1)}…` : text;
  }
}

export function valueAt(body: unknown, pointer: string): unknown {
  let node = body;
  for (const raw of pointer.split('/').slice(1)) {
    const part = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, part)) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}
