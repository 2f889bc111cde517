/**
 * Request bodies: JSON and form-encoded, as the providers' docs say clients send them. Parsing is
 * pure (bytes in, value out) so both front doors share it; each door only reads the bytes and
 * enforces the size limit.
 */
import { MockError } from './errors.js';

export type ParsedBody =
  | { kind: 'none' }
  | { kind: 'json'; value: unknown }
  | { kind: 'form'; value: Record<string, string> };

/** Bodies above this many bytes are refused with `payload_too_large` (413). */
export const defaultBodyLimit = 1024 * 1024;

export function mediaType(contentType: string | null): string {
  return (contentType ?? '').split(';', 1)[0]?.trim().toLowerCase() ?? '';
}

const decoder = new TextDecoder('utf-8', { fatal: true });

export function parseBody(contentType: string | null, bytes: Uint8Array): ParsedBody {
  const type = mediaType(contentType);
  if (bytes.byteLength === 0) return { kind: 'none' };
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    throw new MockError('malformed_body', 'The body is not valid UTF-8.');
  }
  if (type === 'application/json' || type.endsWith('+json')) {
    try {
      return { kind: 'json', value: JSON.parse(text) };
    } catch {
      throw new MockError('malformed_body', 'The body is not valid JSON.');
    }
  }
  if (type === 'application/x-www-form-urlencoded') {
    const value: Record<string, string> = Object.create(null);
    for (const [k, v] of new URLSearchParams(text)) {
      if (!(k in value)) value[k] = v;
    }
    return { kind: 'form', value };
  }
  throw new MockError(
    'unsupported_media_type',
    `Content-Type ${type === '' ? '(none)' : type} is not accepted; send application/json or application/x-www-form-urlencoded.`,
  );
}

/**
 * A flat record of string fields from a JSON object or a form, for token endpoints and the like.
 * Non-string JSON values are kept out, so `{"client_id": 5}` reads as a missing field.
 */
export function fieldsOf(body: ParsedBody): Record<string, string> {
  if (body.kind === 'form') return body.value;
  const out: Record<string, string> = Object.create(null);
  if (body.kind === 'json') {
    if (body.value === null || typeof body.value !== 'object' || Array.isArray(body.value)) {
      throw new MockError('malformed_body', 'The JSON body must be an object.');
    }
    for (const [k, v] of Object.entries(body.value)) {
      if (typeof v === 'string') out[k] = v;
    }
  }
  return out;
}
