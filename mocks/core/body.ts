/**
 * Request bodies: JSON, form-encoded and multipart/form-data (text fields), as the providers'
 * docs say clients send them. Parsing is pure and synchronous (bytes in, value out) so both front
 * doors share it; each door only reads the bytes and enforces the size limit.
 */
import { MockError } from './errors.js';

export type ParsedBody =
  | { kind: 'none' }
  | { kind: 'json'; value: unknown }
  | { kind: 'form'; value: Record<string, string> }
  /** `multipart/form-data` (RFC 7578) text fields; file parts are refused. */
  | { kind: 'multipart'; value: Record<string, string> };

/** Bodies above this many bytes are refused with `payload_too_large` (413): a door's own limit. */
export const defaultBodyLimit = 1024 * 1024;

/**
 * An operation's body limit unless it declares its own (`Operation.bodyLimit`): token requests,
 * logins and single records fit in a few kilobytes, and parsing a whole 1 MiB body of tiny JSON
 * objects costs 50–80 ms of one event-loop turn. Past it, 413 in the provider's shape.
 */
export const defaultOperationBodyLimit = 64 * 1024;

/**
 * The control plane's body limit. Its largest input, a config of the most entities fixtures take
 * (`fixtureLimits`), is some 200 KB; parsing 1 MiB of tiny JSON objects alone held the event loop
 * for 60–130 ms, half of that at this size.
 */
export const controlBodyLimit = 512 * 1024;

/**
 * Form and multipart bodies with more fields than this are refused with `payload_too_large`
 * (413), as Express's body-parser does past its `parameterLimit` of 1000: a 1 MiB form of a
 * hundred thousand tiny fields would otherwise hold the event loop for a long parse.
 */
export const maxFormFields = 1000;

const tooManyFields = () => new MockError('payload_too_large', `The form has more than ${maxFormFields} fields.`);

/** Counts `&`-separated pairs without parsing them; throws past `maxFormFields`. */
function checkFormFields(text: string): void {
  let pairs = 1;
  for (let i = text.indexOf('&'); i !== -1; i = text.indexOf('&', i + 1)) {
    if (++pairs > maxFormFields) throw tooManyFields();
  }
}

/** One name or value of a form: `+` is a space, `%XX` a byte of UTF-8; undefined when not valid UTF-8. */
function formPiece(piece: string): string | undefined {
  const spaced = piece.includes('+') ? piece.replaceAll('+', ' ') : piece;
  if (!spaced.includes('%')) return spaced;
  try {
    return decodeURIComponent(spaced);
  } catch {
    return undefined;
  }
}

/**
 * An `application/x-www-form-urlencoded` body as the URL Standard parses it, first occurrence of a
 * name kept. Pieces are decoded one at a time; a piece `decodeURIComponent` refuses (a stray `%`,
 * bytes that are not UTF-8, which the standard keeps or replaces) sends the whole body through
 * `URLSearchParams`, the reference parser.
 */
function parseForm(text: string): Record<string, string> {
  const value: Record<string, string> = Object.create(null);
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('&', start);
    if (end === -1) end = text.length;
    if (end > start) {
      const eq = text.indexOf('=', start);
      const split = eq !== -1 && eq < end;
      const name = formPiece(text.slice(start, split ? eq : end));
      const field = split ? formPiece(text.slice(eq + 1, end)) : '';
      if (name === undefined || field === undefined) return parseFormSlowly(text);
      if (!(name in value)) value[name] = field;
    }
    start = end + 1;
  }
  return value;
}

function parseFormSlowly(text: string): Record<string, string> {
  const value: Record<string, string> = Object.create(null);
  // The constructor drops one leading `?` (a query string's); a body keeps it.
  for (const [k, v] of new URLSearchParams(text.startsWith('?') ? `?${text}` : text)) {
    if (!(k in value)) value[k] = v;
  }
  return value;
}

/** The media type of a `Content-Type` value: before any `;`, trimmed, lower case (`''` for none). */
export function mediaType(contentType: string | null): string {
  if (contentType === null) return '';
  const semicolon = contentType.indexOf(';');
  // No array and no substring for the common `application/json` (trim and toLowerCase return the
  // same string when there is nothing to change).
  return (semicolon === -1 ? contentType : contentType.slice(0, semicolon)).trim().toLowerCase();
}

const decoder = new TextDecoder('utf-8', { fatal: true });

export function parseBody(contentType: string | null, bytes: Uint8Array): ParsedBody {
  const type = mediaType(contentType);
  if (bytes.byteLength === 0) return { kind: 'none' };
  if (type === 'multipart/form-data') {
    return { kind: 'multipart', value: parseMultipart(bytes, boundaryOf(contentType ?? '')) };
  }
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
    checkFormFields(text);
    return { kind: 'form', value: parseForm(text) };
  }
  throw new MockError(
    'unsupported_media_type',
    `Content-Type ${type === '' ? '(none)' : type} is not accepted; send application/json, application/x-www-form-urlencoded or multipart/form-data.`,
  );
}

export interface FieldsOptions {
  /**
   * Also keep JSON numbers and booleans, as strings (`{"account_id": 5}` → `"5"`), for APIs whose
   * docs type a field as an integer but that take forms too. Default false.
   */
  scalars?: boolean;
}

/**
 * A flat record of string fields from a JSON object, a form or a multipart form, for token
 * endpoints and the like. Non-string JSON values are kept out (unless `scalars`), so
 * `{"client_id": 5}` reads as a missing field.
 */
export function fieldsOf(body: ParsedBody, options: FieldsOptions = {}): Record<string, string> {
  if (body.kind === 'form' || body.kind === 'multipart') return body.value;
  const out: Record<string, string> = Object.create(null);
  if (body.kind === 'json') {
    if (body.value === null || typeof body.value !== 'object' || Array.isArray(body.value)) {
      throw new MockError('malformed_body', 'The JSON body must be an object.');
    }
    const value = body.value as Record<string, unknown>;
    for (const k in value) {
      if (!Object.hasOwn(value, k)) continue;
      const v = value[k];
      if (typeof v === 'string') out[k] = v;
      else if (options.scalars && ((typeof v === 'number' && Number.isFinite(v)) || typeof v === 'boolean')) {
        out[k] = String(v);
      }
    }
  }
  return out;
}

// ---- multipart/form-data (RFC 7578 over RFC 2046 §5.1.1), text fields only ----

/** `; name=value` parameters of a header value; quoted strings unescaped; names lower-cased. */
function headerParams(value: string): Map<string, string> {
  const params = new Map<string, string>();
  const re = /;\s*([!#$%&'*+.^_`|~0-9A-Za-z-]+)\s*=\s*("(?:[^"\\]|\\.)*"|[^;\s]*)/g;
  for (const m of value.matchAll(re)) {
    const name = (m[1] as string).toLowerCase();
    const raw = m[2] as string;
    const v = raw.startsWith('"') ? raw.slice(1, -1).replace(/\\(.)/g, '$1') : raw;
    if (!params.has(name)) params.set(name, v);
  }
  return params;
}

/** RFC 2046 §5.1.1: 1–70 of bchars, not ending in a space. */
const boundaryPattern = /^[0-9A-Za-z'()+_,\-./:=? ]{0,69}[0-9A-Za-z'()+_,\-./:=?]$/;

function boundaryOf(contentType: string): string {
  const semi = contentType.indexOf(';');
  const boundary = semi === -1 ? undefined : headerParams(contentType.slice(semi)).get('boundary');
  if (boundary === undefined || boundary === '') {
    throw new MockError('malformed_body', 'multipart/form-data needs a boundary parameter in Content-Type.');
  }
  if (!boundaryPattern.test(boundary)) {
    throw new MockError('malformed_body', 'The multipart boundary is not valid (RFC 2046: 1-70 characters).');
  }
  return boundary;
}

const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
const CRLF = ascii('\r\n');
const HEADERS_END = ascii('\r\n\r\n');

/** First index of `needle` in `haystack` at or after `from`, or -1. */
function indexOfBytes(haystack: Uint8Array, needle: Uint8Array, from: number): number {
  const first = needle[0] as number;
  const last = haystack.length - needle.length;
  for (let i = haystack.indexOf(first, from); i !== -1 && i <= last; i = haystack.indexOf(first, i + 1)) {
    let j = 1;
    while (j < needle.length && haystack[i + j] === needle[j]) j++;
    if (j === needle.length) return i;
  }
  return -1;
}

const startsAt = (bytes: Uint8Array, needle: Uint8Array, at: number) =>
  at + needle.length <= bytes.length && needle.every((b, i) => bytes[at + i] === b);

function utf8(bytes: Uint8Array, what: string): string {
  try {
    return decoder.decode(bytes);
  } catch {
    throw new MockError('malformed_body', `The ${what} is not valid UTF-8.`);
  }
}

/** One part: its headers, then its field name and text value. File parts are refused. */
function multipartField(part: Uint8Array): [string, string] {
  let headerEnd: number;
  let contentStart: number;
  if (startsAt(part, CRLF, 0)) {
    headerEnd = 0;
    contentStart = 2;
  } else {
    headerEnd = indexOfBytes(part, HEADERS_END, 0);
    if (headerEnd === -1) throw new MockError('malformed_body', 'A multipart part has no end of headers.');
    contentStart = headerEnd + 4;
  }
  let disposition: string | undefined;
  for (const line of utf8(part.subarray(0, headerEnd), 'multipart part header').split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0 && line.slice(0, colon).trim().toLowerCase() === 'content-disposition') {
      disposition = line.slice(colon + 1).trim();
    }
  }
  const semi = disposition?.indexOf(';') ?? -1;
  if (
    disposition === undefined ||
    disposition
      .slice(0, semi === -1 ? undefined : semi)
      .trim()
      .toLowerCase() !== 'form-data'
  ) {
    throw new MockError('malformed_body', 'Every multipart part needs Content-Disposition: form-data.');
  }
  const params = headerParams(disposition.slice(semi === -1 ? disposition.length : semi));
  const name = params.get('name');
  if (name === undefined || name === '') throw new MockError('malformed_body', 'A multipart part has no field name.');
  if (params.has('filename')) {
    throw new MockError('unsupported_media_type', `File parts are not accepted (field ${name}); send text fields.`);
  }
  return [name, utf8(part.subarray(contentStart), 'multipart field')];
}

/** The text fields of a multipart/form-data body; the first of repeated names wins, as in forms. */
function parseMultipart(bytes: Uint8Array, boundary: string): Record<string, string> {
  const delimiter = ascii(`--${boundary}`);
  const next = ascii(`\r\n--${boundary}`);
  // The first delimiter starts the body or follows a preamble's CRLF.
  let at = startsAt(bytes, delimiter, 0) ? 0 : indexOfBytes(bytes, next, 0) + 2;
  if (at === 1) throw new MockError('malformed_body', 'The multipart body does not contain its boundary.');
  const value: Record<string, string> = Object.create(null);
  let parts = 0;
  for (;;) {
    let i = at + delimiter.length;
    if (bytes[i] === 0x2d && bytes[i + 1] === 0x2d) return value; // close delimiter; the epilogue is ignored
    while (bytes[i] === 0x20 || bytes[i] === 0x09) i++; // transport padding
    if (!startsAt(bytes, CRLF, i)) throw new MockError('malformed_body', 'A multipart boundary line is malformed.');
    if (++parts > maxFormFields) throw tooManyFields();
    const start = i + 2;
    const end = indexOfBytes(bytes, next, start);
    if (end === -1) throw new MockError('malformed_body', 'The multipart body ends without its closing boundary.');
    const [name, text] = multipartField(bytes.subarray(start, end));
    if (!(name in value)) value[name] = text;
    at = end + 2;
  }
}
