/**
 * Text for a terminal from what a config file or a request supplied: control characters (C0, DEL,
 * C1) and the bidirectional overrides are written as `\u001b`-style escapes, so a client name
 * such as `"\u001b]0;TITLE\u0007\u001b[2J"` prints as those characters instead of retitling the
 * window, clearing the screen or drawing a fake banner.
 */

const hidden = (code: number) =>
  code < 0x20 ||
  (code >= 0x7f && code <= 0x9f) ||
  code === 0x200e ||
  code === 0x200f ||
  (code >= 0x202a && code <= 0x202e) ||
  (code >= 0x2066 && code <= 0x2069);

const escapeCode = (code: number) => `\\u${code.toString(16).padStart(4, '0')}`;

function escaped(text: string, keepNewlines: boolean): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (!hidden(code) || (keepNewlines && code === 0x0a)) continue;
    out += text.slice(from, i) + escapeCode(code);
    from = i + 1;
  }
  return from === 0 ? text : out + text.slice(from);
}

/** `text` with every control character escaped (newlines too): one value on one line. */
export function printable(text: string): string {
  return escaped(text, false);
}

/** `text` with every control character but the newline escaped: lines the program composed. */
export function printableLines(text: string): string {
  return escaped(text, true);
}
