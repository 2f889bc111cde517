/**
 * The settings `serve` takes from its environment, for containers and CI services where a
 * command line is awkward to change: `AUTHFLOW_CONFIG_JSON` (the whole config inline),
 * `AUTHFLOW_CONTROL_TOKEN_FILE` (a mounted secret, e.g. `/run/secrets/…`) and
 * `AUTHFLOW_ALLOWED_HOSTS` (comma-separated host names the control plane accepts, e.g. a compose
 * service name). `AUTHFLOW_CONFIG`, `AUTHFLOW_CONTROL_TOKEN` and `PORT` are read where the
 * corresponding option is. The command line wins over each of them. An empty variable counts as
 * unset.
 */
import { hostName } from '../doors/http/control-guard.js';
import { ConfigError, type ParsedConfig, parseConfig } from './schema.js';

/** Where an inline config's problems say they come from. */
export const inlineConfigSource = 'AUTHFLOW_CONFIG_JSON';

export interface ServeEnvironment {
  /** The text of `AUTHFLOW_CONFIG_JSON`. */
  configJson?: string;
  /** `AUTHFLOW_CONTROL_TOKEN_FILE`: the control token is this file's first line. */
  controlTokenFile?: string;
  /** `AUTHFLOW_ALLOWED_HOSTS`, split on commas and white space. */
  allowedHosts: string[];
}

/**
 * Reads the container settings; `problems` holds each one that cannot be used (both of two
 * exclusive variables set, a host name that is not one), for the CLI to report as usage errors.
 */
export function serveEnvironment(env: NodeJS.ProcessEnv = process.env): {
  settings: ServeEnvironment;
  problems: string[];
} {
  const problems: string[] = [];
  const configJson = env.AUTHFLOW_CONFIG_JSON?.trim() || undefined;
  if (configJson !== undefined && (env.AUTHFLOW_CONFIG || undefined) !== undefined)
    problems.push('set AUTHFLOW_CONFIG (a file) or AUTHFLOW_CONFIG_JSON (inline), not both');
  const controlTokenFile = env.AUTHFLOW_CONTROL_TOKEN_FILE || undefined;
  if (controlTokenFile !== undefined && (env.AUTHFLOW_CONTROL_TOKEN || undefined) !== undefined)
    problems.push('set AUTHFLOW_CONTROL_TOKEN or AUTHFLOW_CONTROL_TOKEN_FILE, not both');
  const allowedHosts = (env.AUTHFLOW_ALLOWED_HOSTS ?? '').split(/[\s,]+/).filter((name) => name !== '');
  for (const name of allowedHosts) {
    // A name shown back must not carry control characters into the terminal.
    if (hostName(name) === undefined) problems.push(`AUTHFLOW_ALLOWED_HOSTS: not a host name: ${JSON.stringify(name)}`);
  }
  return {
    settings: {
      ...(configJson === undefined ? {} : { configJson }),
      ...(controlTokenFile === undefined ? {} : { controlTokenFile }),
      allowedHosts,
    },
    problems,
  };
}

/**
 * Parses and validates an inline config; throws one `ConfigError` listing every problem. A syntax
 * error says where, never quotes the text: it may hold secrets, and the error ends up in logs.
 */
export function parseInlineConfig(text: string): ParsedConfig {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const at = /at position (\d+)/.exec((error as Error).message)?.[1];
    const where = at === undefined ? '' : ` at position ${at}`;
    throw new ConfigError([{ path: '(inline)', message: `JSON syntax error${where}` }], inlineConfigSource);
  }
  return parseConfig(value, inlineConfigSource);
}
