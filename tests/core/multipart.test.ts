import { describe, expect, it } from 'vitest';
import { fieldsOf, maxFormFields, parseBody } from '../../mocks/core/body.js';
import { readTokenFields } from '../../mocks/core/oauth2.js';
import type { MockRequest } from '../../mocks/core/provider.js';

const bytes = (s: string) => new TextEncoder().encode(s);

/** A body as undici (Node's fetch) serialises a FormData, with its Content-Type. */
async function undiciMultipart(form: FormData): Promise<{ type: string; body: Uint8Array }> {
  const request = new Request('http://x/', { method: 'POST', body: form });
  return { type: request.headers.get('content-type') ?? '', body: new Uint8Array(await request.arrayBuffer()) };
}

const multipart = (boundary: string, parts: string[], close = `--${boundary}--\r\n`) =>
  bytes(`${parts.map((p) => `--${boundary}\r\n${p}\r\n`).join('')}${close}`);
const field = (name: string, value: string) => `Content-Disposition: form-data; name="${name}"\r\n\r\n${value}`;

describe('multipart/form-data bodies', () => {
  it('reads the text fields of a body serialised by undici, byte for byte', async () => {
    const form = new FormData();
    form.append('username', 'dispatch@example.com');
    form.append('password', 'pä55 wörd ✓');
    form.append('empty', '');
    form.append('multiline', 'one\r\ntwo\r\n--not-a-boundary');
    const { type, body } = await undiciMultipart(form);
    const parsed = parseBody(type, body);
    expect(parsed.kind).toBe('multipart');
    expect({ ...fieldsOf(parsed) }).toEqual({
      username: 'dispatch@example.com',
      password: 'pä55 wörd ✓',
      empty: '',
      multiline: 'one\r\ntwo\r\n--not-a-boundary',
    });
  });

  it('accepts a quoted boundary, a preamble, transport padding and an epilogue', () => {
    const body = bytes(
      `preamble\r\n--a b'c  \r\n${field('x', '1')}\r\n--a b'c\r\nContent-Type: text/plain; charset=utf-8\r\n${field('y', '2')}\r\n--a b'c--\r\nepilogue`,
    );
    expect({ ...fieldsOf(parseBody('multipart/form-data; boundary="a b\'c"', body)) }).toEqual({ x: '1', y: '2' });
  });

  it('keeps the first of repeated names, and no name reaches the prototype', () => {
    const parsed = parseBody(
      'multipart/form-data; boundary=b',
      multipart('b', [field('a', '1'), field('a', '2'), field('__proto__', 'x')]),
    );
    const fields = fieldsOf(parsed);
    expect(fields.a).toBe('1');
    expect(Object.getPrototypeOf(fields)).toBe(null);
  });

  it.each([
    ['no boundary parameter', 'multipart/form-data', multipart('b', [field('a', '1')])],
    ['an empty boundary', 'multipart/form-data; boundary=', multipart('b', [field('a', '1')])],
    ['a boundary over 70 characters', `multipart/form-data; boundary=${'b'.repeat(71)}`, multipart('b'.repeat(71), [])],
    ['a boundary with a forbidden character', 'multipart/form-data; boundary="a@b"', multipart('a@b', [])],
    ['a body without the boundary', 'multipart/form-data; boundary=zzz', multipart('b', [field('a', '1')])],
    ['a body without its closing boundary', 'multipart/form-data; boundary=b', bytes(`--b\r\n${field('a', '1')}`)],
    ['a part without Content-Disposition', 'multipart/form-data; boundary=b', multipart('b', ['\r\nvalue'])],
    [
      'a part that is not form-data',
      'multipart/form-data; boundary=b',
      multipart('b', ['Content-Disposition: attachment; name="a"\r\n\r\n1']),
    ],
    [
      'a part without a name',
      'multipart/form-data; boundary=b',
      multipart('b', ['Content-Disposition: form-data\r\n\r\n1']),
    ],
    [
      'a part without the end of its headers',
      'multipart/form-data; boundary=b',
      multipart('b', ['Content-Disposition: form-data; name="a"']),
    ],
    ['a malformed boundary line', 'multipart/form-data; boundary=b', bytes(`--bX\r\n${field('a', '1')}\r\n--b--`)],
    [
      'a field that is not UTF-8',
      'multipart/form-data; boundary=b',
      new Uint8Array([...bytes(`--b\r\n${field('a', '')}`), 0xff, ...bytes('\r\n--b--\r\n')]),
    ],
  ])('refuses %s with malformed_body (400)', (_why, type, body) => {
    expect(() => parseBody(type, body)).toThrow(expect.objectContaining({ code: 'malformed_body' }));
  });

  it('refuses a file part with unsupported_media_type, whatever its bytes', async () => {
    const form = new FormData();
    form.append('username', 'u');
    form.append('avatar', new Blob([new Uint8Array([0xff, 0x00, 0xfe])], { type: 'image/png' }), 'me.png');
    const { type, body } = await undiciMultipart(form);
    expect(() => parseBody(type, body)).toThrow(expect.objectContaining({ code: 'unsupported_media_type' }));
  });

  it('refuses other multipart types as an unsupported media type', () => {
    expect(() => parseBody('multipart/mixed; boundary=b', multipart('b', [field('a', '1')]))).toThrow(
      expect.objectContaining({ code: 'unsupported_media_type' }),
    );
  });
});

describe('field limits', () => {
  const refusal = (run: () => unknown) => {
    try {
      run();
    } catch (error) {
      return (error as { code?: string }).code;
    }
    return 'accepted';
  };
  const form = (n: number) => bytes(Array.from({ length: n }, (_, i) => `k${i}=v`).join('&'));
  const parts = (n: number) =>
    multipart(
      'b0',
      Array.from({ length: n }, (_, i) => field(`k${i}`, 'v')),
    );

  it(`takes ${maxFormFields} form or multipart fields and refuses one more with payload_too_large`, () => {
    const type = 'application/x-www-form-urlencoded';
    expect(Object.keys(fieldsOf(parseBody(type, form(maxFormFields))))).toHaveLength(maxFormFields);
    expect(refusal(() => parseBody(type, form(maxFormFields + 1)))).toBe('payload_too_large');
    const mp = 'multipart/form-data; boundary=b0';
    expect(Object.keys(fieldsOf(parseBody(mp, parts(maxFormFields))))).toHaveLength(maxFormFields);
    expect(refusal(() => parseBody(mp, parts(maxFormFields + 1)))).toBe('payload_too_large');
  });
});

describe('fieldsOf', () => {
  it('keeps JSON numbers and booleans as strings only when asked', () => {
    const body = parseBody('application/json', bytes('{"a":"x","n":5,"b":true,"o":{},"z":null}'));
    expect({ ...fieldsOf(body) }).toEqual({ a: 'x' });
    expect({ ...fieldsOf(body, { scalars: true }) }).toEqual({ a: 'x', n: '5', b: 'true' });
  });
});

describe('OAuth2 token requests', () => {
  it('keep refusing a multipart body with invalid_request, as before multipart was parsed', async () => {
    const body = parseBody('multipart/form-data; boundary=b', multipart('b', [field('grant_type', 'refresh_token')]));
    const request = { body: async () => body } as unknown as MockRequest;
    await expect(readTokenFields(request)).rejects.toMatchObject({ code: 'invalid_request' });
  });
});
