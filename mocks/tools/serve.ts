/**
 * `authflow-mocks [serve]`: the mock server as a process (its options, banner, request log and signals), and
 * `--workers N` (node:cluster processes sharing the port and a Redis store).
 */
import cluster from 'node:cluster';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { serveEnvironment } from '../config/env.js';
import { findConfigFile, fixturesOf } from '../config/load.js';
import { parseOptionFlags } from '../config/options.js';
import { printable, printableLines } from '../core/printable.js';
import {
  createMockServer,
  defaultHost,
  defaultPort,
  type MockServerOptions,
  type RequestLogEntry,
} from '../doors/http/index.js';
import type { ProviderOptions } from '../providers/index.js';
import { parseStoreSpec, redactUrl, type StoreSpec, StoreSpecError } from '../store/index.js';

import { fail, helpOption, loadConfigOrExit, parseCommand, providersLine, providersOf } from './cli-kit.js';

const serveUsage = `Usage: authflow-mocks [serve] [options]

Runs the mock server. It listens on loopback unless --host names another interface.

  --config PATH            your own world (JSON or YAML; default authflow-mocks.config.* here, AUTHFLOW_CONFIG, or inline AUTHFLOW_CONFIG_JSON)
  --watch                  reload the config file when it changes (a bad edit keeps the world)
  --port N                 port (default 4010, or PORT; 0 picks a free one)
  --host ADDR              interface to listen on (default 127.0.0.1)
  --provider ID            serve only these providers (repeat, or comma-separated)
  --option ID.NAME=VALUE   a provider option, e.g. eventix.tokenCap=3 (repeatable; VALUE read as JSON)
  --control-token-file F   guard /__control with the token on F's first line (or AUTHFLOW_CONTROL_TOKEN[_FILE])
  --control-token T        the same on the command line (shows in the process list: prefer the file)
  --no-control             turn the control plane (/__control) off
  --allowed-host NAME      another Host name the control plane accepts (repeatable; or AUTHFLOW_ALLOWED_HOSTS)
  --quiet                  print one line: the URL
  --json                   print one JSON line: {"url", "control", "inspector", "providers"}
  --log                    one line per request on stdout (time, method, host+path, status, operation, ms)
  --log-format text|json   the log's format (default text; json: one object a line)
  --world-ttl SECONDS      idle time after which a created world (POST /__control/worlds) is removed (default 3600)
  --max-worlds N           most worlds besides the default one (default 100; one more: 429)
  --store URL              memory (default) or redis://host:6379/0 (or AUTHFLOW_STORE): replicas on one store share its worlds
  --workers N              N processes sharing the port and the store (needs --store redis://…)
  -h, --help               this help

A bad config file exits 2 listing every problem. With a control token, control requests send
Authorization: Bearer <token>.

Beyond loopback the control plane is off unless a control token is given. Without a token,
control requests must name this server as Host (127.0.0.1, localhost, [::1], --host, or an
--allowed-host NAME) and come from no other web origin.
${providersLine}`;

/** A whole-number option within [min, max], or undefined when not given; anything else is a usage error. */
function wholeNumber(raw: string | undefined, name: string, min: number, max: number): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (raw.trim() === '' || !Number.isInteger(n) || n < min || n > max)
    fail(`${name} must be ${min}-${max}, got ${raw}`);
  return n;
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** Logs never carry a secret: ids are shown, secrets only by their first characters. */
function maskSecret(key: string, value: string): string {
  if (!/secret|password|token|key/i.test(key)) return value;
  return `${value.slice(0, Math.min(6, Math.floor(value.length / 4)))}…`;
}

/** `--option eventix.tokenCap=3` → `{ eventix: { tokenCap: 3 } }`, checked against each provider's options schema. */
function parseProviderOptions(values: readonly string[]): ProviderOptions {
  const parsed = parseOptionFlags(values);
  if ('error' in parsed) fail(parsed.error);
  return parsed.options;
}

function readTokenFile(path: string, from = '--control-token-file'): string {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    fail(`cannot read ${from} ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  return (text.split(/\r?\n/)[0] ?? '').trim();
}

/**
 * One request-log line; never a secret (no header, body or query string), and no control
 * character from the request (JSON escapes C0 itself; C1 and bidi overrides become `\u` escapes).
 */
function logLine(entry: RequestLogEntry, format: 'text' | 'json'): string {
  if (format === 'json') return printable(JSON.stringify(entry));
  const target = entry.host === '' ? entry.path : `${entry.host}${entry.path}`;
  const parts = [entry.time, entry.method, target, String(entry.status), entry.operationId ?? '-'];
  if (entry.reason !== undefined) parts.push(entry.reason);
  if (entry.world !== undefined) parts.push(`world=${entry.world}…`);
  parts.push(`${entry.durationMs}ms`);
  return printable(parts.join(' '));
}

export async function serve(args: string[]): Promise<void> {
  const values = parseCommand(
    () =>
      parseArgs({
        args,
        options: {
          ...helpOption,
          config: { type: 'string' },
          watch: { type: 'boolean', default: false },
          port: { type: 'string' },
          host: { type: 'string' },
          provider: { type: 'string', multiple: true },
          option: { type: 'string', multiple: true },
          'control-token': { type: 'string' },
          'control-token-file': { type: 'string' },
          'no-control': { type: 'boolean', default: false },
          'allowed-host': { type: 'string', multiple: true },
          quiet: { type: 'boolean', default: false },
          json: { type: 'boolean', default: false },
          log: { type: 'boolean', default: false },
          'log-format': { type: 'string' },
          'world-ttl': { type: 'string' },
          'max-worlds': { type: 'string' },
          store: { type: 'string' },
          workers: { type: 'string' },
        },
      }),
    serveUsage,
    'serve',
  );
  // Container settings (AUTHFLOW_CONFIG_JSON, AUTHFLOW_CONTROL_TOKEN_FILE, AUTHFLOW_ALLOWED_HOSTS).
  const { settings: env, problems: envProblems } = serveEnvironment();
  if (envProblems.length > 0) fail(envProblems.join('\n'));
  // The config file, or the inline config (a bad one exits 2 with every problem: never a half-configured server).
  const inline = values.config === undefined ? env.configJson : undefined;
  const configFile = inline === undefined ? findConfigFile(values.config) : undefined;
  const config =
    inline !== undefined
      ? await loadConfigOrExit({ inline })
      : configFile === undefined
        ? undefined
        : await loadConfigOrExit(configFile);
  if (values.watch && configFile === undefined) fail('--watch needs a config file (--config PATH)');
  const host = values.host ?? config?.host ?? defaultHost;
  const rawPort = values.port ?? (process.env.PORT || undefined) ?? String(config?.port ?? defaultPort);
  const port = Number(rawPort);
  if (rawPort.trim() === '' || !Number.isInteger(port) || port < 0 || port > 65535)
    fail(`--port must be 0-65535, got ${rawPort}`);
  const logFormat = values['log-format'] ?? 'text';
  if (logFormat !== 'text' && logFormat !== 'json') fail(`--log-format must be text or json, got ${logFormat}`);
  const logging = values.log || values['log-format'] !== undefined;
  if (values.quiet && values.json) fail('--quiet and --json exclude each other');
  if (values['control-token'] !== undefined && values['control-token-file'] !== undefined)
    fail('give --control-token or --control-token-file, not both');
  const loopback = isLoopback(host);
  const controlToken =
    values['control-token'] ??
    (values['control-token-file'] === undefined ? undefined : readTokenFile(values['control-token-file'])) ??
    (process.env.AUTHFLOW_CONTROL_TOKEN || undefined) ??
    (env.controlTokenFile === undefined
      ? undefined
      : readTokenFile(env.controlTokenFile, 'AUTHFLOW_CONTROL_TOKEN_FILE'));
  if (controlToken !== undefined && controlToken.length < 16) fail('the control token must be 16 characters or more');
  // Beyond loopback, anyone who reaches the port could reset or re-clock the mocks: the control
  // plane is off unless a token guards it.
  const disabled = values['no-control'];
  const control = !disabled && (loopback || controlToken !== undefined);
  const worldTtl = wholeNumber(values['world-ttl'], '--world-ttl', 1, 7 * 24 * 3600);
  const maxWorlds = wholeNumber(values['max-worlds'], '--max-worlds', 0, 10_000);
  const storeSetting = values.store ?? (process.env.AUTHFLOW_STORE || undefined) ?? config?.store;
  const store = storeOf(storeSetting);
  const workers = wholeNumber(values.workers, '--workers', 1, 64) ?? 1;
  if (workers > 1 && store.kind === 'memory') {
    fail(
      '--workers needs a shared store: each worker is a process of its own (--store redis://host:6379/0, or AUTHFLOW_STORE)',
    );
  }
  if (values.watch && store.kind !== 'memory') {
    fail('--watch reloads one process only: with a shared store, change the fixtures with PUT /__control/fixtures');
  }
  if (workers > 1 && cluster.isPrimary) {
    superviseWorkers(workers, { quiet: values.quiet, json: values.json });
    return;
  }
  const options = parseProviderOptions(values.option ?? []);
  const only = values.provider === undefined ? config?.providers : providersOf(values.provider);
  const serverOptions: MockServerOptions = {
    ...(only === undefined ? {} : { providers: only }),
    options,
    ...(config === undefined ? {} : { fixtures: fixturesOf(config) }),
    control,
    allowedHosts: [...(values['allowed-host'] ?? []), ...env.allowedHosts],
    worlds: {
      ...(worldTtl === undefined ? {} : { ttlSeconds: worldTtl }),
      ...(maxWorlds === undefined ? {} : { max: maxWorlds }),
    },
    ...(controlToken === undefined ? {} : { controlToken }),
    ...(storeSetting === undefined || store.kind === 'memory' ? {} : { store: storeSetting }),
    ...(logging ? { onRequest: (entry) => process.stdout.write(`${logLine(entry, logFormat)}\n`) } : {}),
  };
  const mock = createMockServer(serverOptions);
  let address: { url: string };
  try {
    address = await mock.listen(port, host);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') fail(`port ${port} on ${host} is already in use; pick another with --port or PORT`);
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') fail(`cannot listen on host ${host}`);
    // The store: unreachable at start, or made from another config.
    if (store.kind !== 'memory') fail((error as Error).message);
    throw error;
  }
  process.send?.({ listening: address.url });
  // Under --workers, the first worker prints what serve prints; the others stay silent.
  const silent = cluster.isWorker && process.env.AUTHFLOW_WORKER !== '1';
  const providers = [...mock.engine.providers.values()];
  if (silent) {
    // Nothing: the first worker has said it.
  } else if (values.json) {
    const line = {
      url: address.url,
      control: control ? `${address.url}/__control` : null,
      inspector: control ? `${address.url}/__inspector/` : null,
      providers: providers.map((p) => ({
        id: p.id,
        title: p.title,
        hosts: p.hosts.map((h) => ({ host: h, real: `https://${h}`, local: `${address.url}/${h}` })),
      })),
    };
    process.stdout.write(`${JSON.stringify(line)}\n`);
  } else if (values.quiet) {
    process.stdout.write(`authflow-mocks listening on ${address.url}\n`);
  } else {
    const lines = [`authflow-mocks listening on ${address.url}`];
    lines.push(
      configFile === undefined
        ? '  config: none (the demo world; authflow-mocks init writes a config file)'
        : `  config: ${configFile}${values.watch ? ' (--watch: reloaded when it changes)' : ''}`,
    );
    if (store.kind !== 'memory') {
      const shared = workers > 1 ? `${workers} workers sharing ` : '';
      lines.push(`  store: ${shared}${redactUrl(store.url)} (key prefix ${store.prefix})`);
    }
    if (disabled) lines.push('  control plane: off (--no-control)');
    else if (!control) lines.push('  control plane: off (beyond loopback it needs a control token)');
    else {
      const guard = controlToken === undefined ? '' : ', Authorization: Bearer <control token>';
      lines.push(
        `  control plane: ${address.url}/__control  (health, fixtures, reset, clock, journal, faults${guard})`,
      );
      // The config's secrets are the user's own: "demo" only when the world is the demo's.
      const whose = config === undefined ? 'demo secrets' : 'secrets';
      lines.push(`  ${whose} are masked here: GET ${address.url}/__control/fixtures lists them in full`);
      lines.push(`  inspector: ${address.url}/__inspector/  (tokens, clock, journal, faults, API reference)`);
    }
    for (const provider of providers) {
      lines.push('', `${provider.title} (${provider.id})`);
      const width = Math.max(...provider.hosts.map((h) => h.length));
      for (const host of provider.hosts) lines.push(`  https://${host.padEnd(width)}  →  ${address.url}/${host}`);
      for (const demo of provider.demo()) {
        // Names and ids come from the config: printed, never obeyed, by the terminal.
        const pairs = Object.entries(demo.values).map(([k, v]) => `${printable(k)}=${printable(maskSecret(k, v))}`);
        lines.push(`  ${printable(demo.label)}: ${pairs.join('  ')}`);
      }
    }
    process.stdout.write(`${lines.join('\n')}\n`);
  }
  if (!loopback && !silent) {
    process.stderr.write(`authflow-mocks: warning: listening beyond loopback on ${host}\n`);
  }
  if (values.watch && configFile !== undefined && config !== undefined) {
    const { watchConfig } = await import('../config/watch.js');
    // On stderr: stdout keeps its one line under --json/--quiet.
    watchConfig(configFile, mock.control, config, (line) =>
      process.stderr.write(`authflow-mocks: ${printableLines(line)}\n`),
    );
  }
  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    if (!values.json && !values.quiet && !silent) process.stdout.write(`authflow-mocks: ${signal}, closing\n`);
    mock.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

/** The store setting (`--store`, `AUTHFLOW_STORE`, the config's `store`); a bad one is a usage error. */
function storeOf(value: string | undefined): StoreSpec {
  try {
    return parseStoreSpec(value);
  } catch (error) {
    if (error instanceof StoreSpecError) fail(error.message);
    throw error;
  }
}

/**
 * `serve --workers N`: this process forks N workers that run `serve` with the same arguments on
 * the one port (node:cluster hands connections round-robin) and the one store. A worker that
 * dies is replaced; one that fails before it listens (a usage error, the store unreachable)
 * stops them all with its exit code. SIGINT/SIGTERM stop the workers, then this process.
 */
function superviseWorkers(count: number, print: { quiet: boolean; json: boolean }): void {
  let stopping = false;
  let listening = 0;
  const start = (index: string) => {
    const worker = cluster.fork({ AUTHFLOW_WORKER: index });
    let up = false;
    worker.on('message', (message: unknown) => {
      if (typeof message === 'object' && message !== null && 'listening' in message && !up) {
        up = true;
        listening++;
      }
    });
    worker.on('exit', (code, signal) => {
      if (up) listening--;
      if (stopping) {
        if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
        return;
      }
      if (!up) {
        // It never listened: a usage error or the store; the others would fail the same way.
        stopping = true;
        for (const other of Object.values(cluster.workers ?? {})) other?.kill('SIGTERM');
        process.exit(code ?? 1);
      }
      process.stderr.write(
        `authflow-mocks: worker ${worker.process.pid ?? '?'} exited (${signal ?? `code ${code}`}); starting another\n`,
      );
      start('replacement');
    });
  };
  for (let i = 1; i <= count; i++) start(String(i));
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    if (!print.json && !print.quiet) process.stdout.write(`authflow-mocks: ${signal}, closing ${listening} workers\n`);
    for (const worker of Object.values(cluster.workers ?? {})) worker?.kill('SIGTERM');
    if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
    setTimeout(() => process.exit(0), 8000).unref();
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}
