#!/usr/bin/env node
/**
 * `authflow-mocks serve | newman`. `serve` listens on 127.0.0.1:4010 unless told otherwise and
 * prints every provider, its local base URLs and its demo credentials.
 *
 * Start-up time matters for `serve` (it is spawned by test runners and CI): it loads only the
 * world and the node:http door. MSW, Newman, ajv and yaml are imported only by the commands that
 * need them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createHttpDoor, defaultHost, defaultPort } from './http-door.js';
import { isProviderId, type ProviderId, providerIds } from './providers/index.js';
import { createWorld } from './world.js';

const usage = `Usage:
  authflow-mocks serve  [--port 4010] [--host 127.0.0.1] [--provider ID]... [--control-token T | --no-control]
                        [--allowed-host NAME]...
  authflow-mocks newman [--base-url http://127.0.0.1:4010] [--provider ID]... [--junit-dir reports/newman]
  authflow-mocks verify --provider ID [--base-url URL | --live] [--env FILE] [--env-var K=V]... [--reporters cli,junit,json] [--out reports/verify]

serve   runs the mock server (PORT in the environment also sets the port).
        It listens on loopback unless --host names another interface. Beyond loopback the
        control plane (/__control) is off unless --control-token (or AUTHFLOW_CONTROL_TOKEN)
        is given; requests then send Authorization: Bearer <token>. Without a token, control
        requests must name this server as Host (127.0.0.1, localhost, [::1], --host, or an
        --allowed-host NAME) and come from no other web origin.
newman  runs every provider's Postman collection with Newman (CLI and JUnit reporters),
        against a fresh server on an ephemeral port, or against --base-url.
verify  runs a provider's collection against the real hosts (--live, the default) or --base-url
        and checks every answer against the spec (exit 0 no drift, 1 drift, 2 usage/unreachable).
Providers: ${providerIds.join(', ')}`;

function fail(message: string): never {
  process.stderr.write(`authflow-mocks: ${message}\n`);
  process.exit(2);
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** Logs never carry a secret: ids are shown, secrets only by their first characters. */
function maskSecret(key: string, value: string): string {
  if (!/secret|password|token|key/i.test(key)) return value;
  return `${value.slice(0, Math.min(6, Math.floor(value.length / 4)))}…`;
}

function providersOf(values: string[] | undefined): ProviderId[] {
  const list = values === undefined || values.length === 0 ? [...providerIds] : values.flatMap((v) => v.split(','));
  const unknown = list.filter((id) => !isProviderId(id));
  if (unknown.length > 0) fail(`unknown provider ${unknown.join(', ')} (known: ${providerIds.join(', ')})`);
  return list.filter(isProviderId);
}

async function serve(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string' },
      host: { type: 'string', default: defaultHost },
      provider: { type: 'string', multiple: true },
      'control-token': { type: 'string' },
      'no-control': { type: 'boolean', default: false },
      'allowed-host': { type: 'string', multiple: true },
    },
  });
  const rawPort = values.port ?? process.env.PORT ?? String(defaultPort);
  const port = Number(rawPort);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be 0-65535, got ${rawPort}`);
  const loopback = isLoopback(values.host);
  const controlToken = values['control-token'] ?? (process.env.AUTHFLOW_CONTROL_TOKEN || undefined);
  if (controlToken !== undefined && controlToken.length < 16) fail('--control-token must be 16 characters or more');
  // Beyond loopback, anyone who reaches the port could reset or re-clock the mocks: the control
  // plane is off unless a token guards it.
  const control = !values['no-control'] && (loopback || controlToken !== undefined);
  const world = createWorld({ providers: providersOf(values.provider) });
  const mock = {
    ...world,
    ...createHttpDoor(world, {
      control,
      allowedHosts: values['allowed-host'] ?? [],
      ...(controlToken === undefined ? {} : { controlToken }),
    }),
  };
  let address: { url: string };
  try {
    address = await mock.listen(port, values.host);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE')
      fail(`port ${port} on ${values.host} is already in use; pick another with --port or PORT`);
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') fail(`cannot listen on host ${values.host}`);
    throw error;
  }
  const lines = [`authflow-mocks listening on ${address.url}`];
  if (!control) lines.push('  control plane: off (beyond loopback it needs --control-token)');
  else {
    const guard = controlToken === undefined ? '' : ', Authorization: Bearer <control token>';
    lines.push(`  control plane: ${address.url}/__control  (health, fixtures, reset, clock, journal, faults${guard})`);
    lines.push(`  demo secrets are masked here: GET ${address.url}/__control/fixtures lists them in full`);
    lines.push(`  inspector: ${address.url}/__inspector/  (tokens, clock, journal, faults, API reference)`);
  }
  for (const provider of mock.engine.providers.values()) {
    lines.push('', `${provider.title} (${provider.id})`);
    const width = Math.max(...provider.hosts.map((h) => h.length));
    for (const host of provider.hosts) lines.push(`  https://${host.padEnd(width)}  →  ${address.url}/${host}`);
    for (const demo of provider.demo()) {
      const pairs = Object.entries(demo.values).map(([k, v]) => `${k}=${maskSecret(k, v)}`);
      lines.push(`  ${demo.label}: ${pairs.join('  ')}`);
    }
  }
  process.stdout.write(`${lines.join('\n')}\n`);
  if (!loopback) {
    process.stderr.write(`authflow-mocks: warning: listening beyond loopback on ${values.host}\n`);
  }
  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    process.stdout.write(`authflow-mocks: ${signal}, closing\n`);
    mock.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

async function runNewman(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      'base-url': { type: 'string' },
      provider: { type: 'string', multiple: true },
      'junit-dir': { type: 'string', default: 'reports/newman' },
    },
  });
  const { runCollections } = await import('./newman.js');
  const runs = await runCollections({
    providers: providersOf(values.provider),
    ...(values['base-url'] === undefined ? {} : { baseUrl: values['base-url'].replace(/\/+$/, '') }),
    reporters: ['cli', 'junit'],
    junitDir: values['junit-dir'],
  });
  let failed = 0;
  for (const run of runs) {
    failed += run.failedAssertions + run.failures.length;
    process.stdout.write(
      `${run.provider}: ${run.requests} requests, ${run.assertions} assertions, ${run.failedAssertions} failed\n`,
    );
  }
  process.exit(failed === 0 ? 0 : 1);
}

async function main(): Promise<void> {
  const [command, ...rest] = process.argv.slice(2);
  switch (command) {
    case 'serve':
    case undefined:
      return serve(rest);
    case 'newman':
      return runNewman(rest);
    case 'verify': {
      const { verifyCommand } = await import('./verify.js');
      process.exit(await verifyCommand(rest));
      return;
    }
    case '--version':
    case '-v': {
      const { specsDir } = await import('./contract.js');
      const pkg = JSON.parse(readFileSync(join(specsDir(), '..', 'package.json'), 'utf8')) as { version: string };
      process.stdout.write(`${pkg.version}\n`);
      return;
    }
    case '--help':
    case '-h':
    case 'help':
      process.stdout.write(`${usage}\n`);
      return;
    default:
      fail(`unknown command ${command}\n${usage}`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`authflow-mocks: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
