/**
 * Finding and reading the config file: `--config PATH`, else `AUTHFLOW_CONFIG`, else
 * `authflow-mocks.config.json` / `.yaml` / `.yml` in the working directory. JSON or YAML (by
 * extension); every problem, including an unreadable file or a syntax error, is a `ConfigError`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type Registry, registry } from '../providers/index.js';
import { ConfigError, type ParsedConfig, parseConfig } from './schema.js';

export { fixturesOf } from './schema.js';

export const configFileNames = [
  'authflow-mocks.config.json',
  'authflow-mocks.config.yaml',
  'authflow-mocks.config.yml',
];

/** The config file to read, or undefined when none is named and none is in `cwd`. */
export function findConfigFile(
  explicit: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
  cwd = process.cwd(),
): string | undefined {
  const named = explicit ?? (env.AUTHFLOW_CONFIG || undefined);
  if (named !== undefined) return resolve(cwd, named);
  return configFileNames.map((name) => join(cwd, name)).find((path) => existsSync(path));
}

/** Parses a config file's text (YAML when the name ends in .yaml/.yml, else JSON). */
export async function parseConfigText(text: string, file: string): Promise<unknown> {
  if (/\.ya?ml$/i.test(file)) {
    // Loaded only for a YAML file: `serve` stays free of it otherwise.
    const { parse: parseYaml, YAMLParseError } = await import('yaml');
    try {
      return parseYaml(text) ?? {};
    } catch (error) {
      if (error instanceof YAMLParseError) {
        const at = error.linePos?.[0];
        const where = at === undefined ? '' : ` at line ${at.line}, column ${at.col}`;
        throw new ConfigError([{ path: '(file)', message: `YAML syntax error${where}: ${error.code}` }], file);
      }
      throw error;
    }
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // V8's message quotes the text around the error ("root:*:202"… for a file that is not a
    // config at all; a secret beside a typo in one that is): only the place is reported.
    const at = lineAndColumn(text, jsonErrorOffset(text));
    throw new ConfigError(
      [{ path: '(file)', message: `JSON syntax error at line ${at.line}, column ${at.column}` }],
      file,
    );
  }
}

/** 1-based line and column of `offset` in `text`. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: offset - start + 1 };
}

/**
 * Where JSON text stops being JSON: the offset of the first character a JSON parser would refuse
 * (the text's length when it ends too soon). Only called after `JSON.parse` failed, to place the
 * error without quoting the text. Nesting past 1000 levels is reported where it goes deeper.
 */
export function jsonErrorOffset(text: string): number {
  let i = 0;
  const space = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i] as string)) i++;
  };
  const literal = (word: string) => {
    if (text.startsWith(word, i)) i += word.length;
    else throw i;
  };
  const string = () => {
    i++; // the opening quote
    for (;;) {
      if (i >= text.length) throw i;
      const code = text.charCodeAt(i);
      if (code === 0x22) {
        i++;
        return;
      }
      if (code < 0x20) throw i;
      if (code === 0x5c) {
        const next = text[i + 1];
        if (next === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) throw i;
          i += 6;
        } else if (next !== undefined && '"\\/bfnrt'.includes(next)) i += 2;
        else throw i;
      } else i++;
    }
  };
  const number = () => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (match === null || match[0] === '' || match[0] === '-') throw i;
    i += match[0].length;
  };
  const value = (depth: number): void => {
    if (depth > 1000) throw i;
    space();
    const ch = text[i];
    if (ch === '{') {
      i++;
      space();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        space();
        if (text[i] !== '"') throw i;
        string();
        space();
        if (text[i] !== ':') throw i;
        i++;
        value(depth + 1);
        space();
        if (text[i] === ',') i++;
        else if (text[i] === '}') {
          i++;
          return;
        } else throw i;
      }
    }
    if (ch === '[') {
      i++;
      space();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        value(depth + 1);
        space();
        if (text[i] === ',') i++;
        else if (text[i] === ']') {
          i++;
          return;
        } else throw i;
      }
    }
    if (ch === '"') string();
    else if (ch === 't') literal('true');
    else if (ch === 'f') literal('false');
    else if (ch === 'n') literal('null');
    else number();
  };
  try {
    // A byte-order mark is not JSON either; JSON.parse refuses it at offset 0, as here.
    value(0);
    space();
    return i < text.length ? i : text.length;
  } catch (offset) {
    return typeof offset === 'number' ? Math.min(offset, text.length) : 0;
  }
}

/** Reads and validates a config file; throws one `ConfigError` listing every problem. */
export async function loadConfigFile(file: string, providers: Registry = registry): Promise<ParsedConfig> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    throw new ConfigError([{ path: '(file)', message: `cannot read the file (${code})` }], file);
  }
  return parseConfig(await parseConfigText(text, file), file, providers);
}
