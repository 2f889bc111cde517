/**
 * Form bodies (`application/x-www-form-urlencoded`) are parsed piece by piece for speed; the URL
 * Standard's parser, `URLSearchParams`, is the reference. Any text, including stray `%`, bytes that
 * are not UTF-8 and repeated names, must give the same fields (first occurrence kept).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseBody } from '../../mocks/core/body.js';

const form = 'application/x-www-form-urlencoded';
const encoder = new TextEncoder();

/** Fields compared as sets: an object lists integer-like names first, whatever their order. */
const byName = (a: [string, string], b: [string, string]) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

function reference(text: string): [string, string][] {
  const out = new Map<string, string>();
  // The constructor drops one leading `?` (a query string's); the standard's body parser does not.
  for (const [k, v] of new URLSearchParams(text.startsWith('?') ? `?${text}` : text)) if (!out.has(k)) out.set(k, v);
  return [...out].sort(byName);
}

function ours(text: string): [string, string][] {
  const body = parseBody(form, encoder.encode(text));
  return body.kind === 'form' ? Object.entries(body.value).sort(byName) : [];
}

describe('form bodies', () => {
  it.each([
    ['grant_type=client_credentials&scope=event.read+event.create', 'scopes with +'],
    ['a=%C3%A9&b=%E9&c=%&d=%zz&e=%2', 'valid and invalid escapes'],
    ['a=1&a=2&&=x&b&c=', 'repeats, empty pieces and names'],
    ['x=%ED%A0%80&y=%F0%9F%98%80', 'an encoded surrogate and an astral character'],
    ['a=b=c&%3D=%26', 'separators inside values and escaped'],
    ['?a=b&c=%', 'a leading ? (a name character in a body) and a fallback'],
  ])('reads %s (%s) as URLSearchParams does', (text) => {
    expect(ours(text)).toEqual(reference(text));
  });

  it('reads any text as URLSearchParams does', () => {
    const piece = fc.oneof(
      fc.string(),
      fc.string({ unit: 'grapheme' }),
      fc.constantFrom(
        '%',
        '%2',
        '%zz',
        '%C3%A9',
        '%E9',
        '%ED%A0%80',
        '%F0%9F%98%80',
        '%00',
        '+',
        '=',
        '&',
        '%2B',
        '%26',
      ),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        expect(ours(text)).toEqual(reference(text));
      }),
      { numRuns: 3000 },
    );
  });
});
