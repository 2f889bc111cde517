import { describe, expect, it } from 'vitest';
import { decodeBasic, findBySecret, formDecode, readAuthorization, safeEqual } from '../../mocks/core/credentials.js';

const headers = (value: string | null) => ({ get: (name: string) => (name === 'authorization' ? value : null) });
const b64 = (text: string) => Buffer.from(text).toString('base64');
const b64bytes = (bytes: number[]) => Buffer.from(bytes).toString('base64');

describe('readAuthorization', () => {
  it.each([
    ['Bearer abc', { scheme: 'bearer', credentials: 'abc' }],
    ['BASIC dXM6cHc=', { scheme: 'basic', credentials: 'dXM6cHc=' }],
    ['Bearer  abc', { scheme: 'bearer', credentials: 'abc' }],
    ['  Bearer abc  ', { scheme: 'bearer', credentials: 'abc' }],
    ['Bearer ', { scheme: '', credentials: 'Bearer' }],
    ['abc', { scheme: '', credentials: 'abc' }],
    ['Integrator a b', { scheme: 'integrator', credentials: 'a b' }],
  ])('reads %j as %j', (value, want) => {
    expect(readAuthorization(headers(value))).toEqual(want);
  });

  it.each([null, '', '   '])('reads %j as no credentials at all', (value) => {
    expect(readAuthorization(headers(value))).toBe(null);
  });

  it('reads another header when named', () => {
    const other = { get: (name: string) => (name === 'x-connect-token' ? 'Bearer t' : null) };
    expect(readAuthorization(other, 'x-connect-token')).toEqual({ scheme: 'bearer', credentials: 't' });
    expect(readAuthorization(other)).toBe(null);
  });
});

describe('decodeBasic', () => {
  it.each([
    [b64('user:pass'), { user: 'user', password: 'pass' }],
    [b64('u:p:q'), { user: 'u', password: 'p:q' }],
    [b64(':p'), { user: '', password: 'p' }],
    [b64('u:'), { user: 'u', password: '' }],
    [b64('ünï:cødé'), { user: 'ünï', password: 'cødé' }],
  ])('decodes %s', (credentials, want) => {
    expect(decodeBasic(credentials)).toEqual(want);
  });

  it.each([
    ['not base64', '!!!'],
    ['base64 with junk after it', `${b64('user:pass')}!`],
    ['base64 with junk before it', `!${b64('user:pass')}`],
    ['base64 with a space inside', `${b64('user:pass').slice(0, 4)} ${b64('user:pass').slice(4)}`],
    ['too much padding', `${b64('user:pa')}=`],
    ['no colon', b64('nocolon')],
    ['invalid UTF-8 (a lone continuation byte)', b64bytes([0x75, 0x3a, 0x80])],
    ['invalid UTF-8 (a truncated sequence)', b64bytes([0xc3, 0x3a, 0x70])],
    ['empty', ''],
  ])('refuses %s', (_, credentials) => {
    expect(decodeBasic(credentials)).toBe(null);
  });
});

describe('safeEqual and findBySecret', () => {
  it.each([
    ['secret', 'secret', true],
    ['secreT', 'secret', false],
    ['Secret', 'secret', false],
    ['secret-longer', 'secret', false],
    ['secre', 'secret', false],
    ['', 'secret', false],
    ['', '', true],
    ['secretsecret', 'secret', false],
    ['ab', 'abab', false],
  ])('%j against %j is %s', (given, expected, want) => {
    expect(safeEqual(given, expected)).toBe(want);
  });

  it('finds the one item whose secret matches, checking every item', () => {
    const keys = [
      { id: 'a', key: 'key-aaaa' },
      { id: 'b', key: 'key-bbbb' },
      { id: 'c', key: 'key-cccc' },
    ];
    const seen: string[] = [];
    const secretOf = (k: { id: string; key: string }) => {
      seen.push(k.id);
      return k.key;
    };
    expect(findBySecret(keys, 'key-aaaa', secretOf)?.id).toBe('a');
    expect(seen).toEqual(['a', 'b', 'c']);
    expect(findBySecret(keys, 'key-cccc', (k) => k.key)?.id).toBe('c');
    expect(findBySecret(keys, 'key-ccc', (k) => k.key)).toBeUndefined();
  });
});

describe('formDecode', () => {
  it.each([
    ['a+b', 'a b'],
    ['a%20b', 'a b'],
    ['a%2Bb', 'a+b'],
    ['%C3%A9', 'é'],
    ['100%', '100%'],
    ['50%+off%21', '50% off!'],
    ['%E9+%C3%A9', '%E9 é'],
    ['%zz%41', '%zzA'],
    ['plain', 'plain'],
  ])('decodes %j as %j', (value, want) => {
    expect(formDecode(value)).toBe(want);
  });
});
