/**
 * `authflow-mocks verify`: its options, help and exit codes.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { isProviderId, providerIds } from '../../providers/index.js';
import { formatSummary, type VerifyReporter, writeReports } from './outputs.js';
import { verifyCollection } from './run.js';
import { VerifyError, type VerifyReport } from './types.js';

export const verifyUsage =
  'authflow-mocks verify --provider ID [--base-url URL [--world default] [--reset] [--control-token T] | --live] [--env FILE] [--env-var K=V]... [--reporters cli,junit,json] [--out reports/verify] [--allow-failed-assertions] [--max-body BYTES]';

/** `verify --help`: every option, one line each. */
export const verifyHelp = `Usage: ${verifyUsage}

Runs a provider's Postman collection against the real hosts (--live, the default) or --base-url
and checks every answer against the spec. Needs the newman package (npm install --save-dev newman).

  --provider ID              the provider (required; repeat, or comma-separated, to run several)
  --live                     the real hosts (the default without --base-url); control-plane steps are skipped
  --base-url URL             a mock server (run in a fresh world, deleted after) or a world's URL …/w/<id> (run there as it is)
  --world default            with --base-url: run in the server's own world instead of a fresh one
  --reset                    with --base-url: let the collection reset an existing world first (off by default)
  --control-token T          the mock server's control token (or AUTHFLOW_CONTROL_TOKEN)
  --env FILE                 variables: a Postman environment (JSON) or KEY=value lines
  --env-var K=V              one variable (repeatable); wins over --env and AUTHFLOW_<PROVIDER>_<VAR>
  --reporters LIST           any of cli,junit,json (default all three)
  --out DIR                  where <provider>.xml and <provider>.json go (default reports/verify)
  --allow-failed-assertions  exit 0 when nothing drifts even if the collection's own assertions failed
  --max-body BYTES           largest answer body checked (default 1 MiB); a larger one is reported, not parsed
  -h, --help                 this help

Exit codes: 0 nothing drifts and every assertion of the collection passed; 1 drift, or the
collection's own assertions failed (unless --allow-failed-assertions); 2 usage error or a host
that does not answer.`;

/**
 * `authflow-mocks verify`: answers the exit code (0 pass, 1 drift or failed collection assertions,
 * 2 usage error or unreachable host) after printing the summary; errors are one line on `stderr`.
 */
export async function verifyCommand(
  args: string[],
  io: { stdout: (s: string) => void; stderr: (s: string) => void } = {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
  },
): Promise<number> {
  const usageError = (message: string) => {
    io.stderr(`authflow-mocks verify: ${message}\n`);
    return 2;
  };
  let values: {
    provider?: string[];
    'base-url'?: string;
    live?: boolean;
    env?: string;
    'env-var'?: string[];
    reporters?: string;
    out?: string;
    world?: string;
    reset?: boolean;
    'control-token'?: string;
    'allow-failed-assertions'?: boolean;
    'max-body'?: string;
  };
  try {
    values = parseArgs({
      args,
      options: {
        provider: { type: 'string', multiple: true },
        'base-url': { type: 'string' },
        live: { type: 'boolean' },
        env: { type: 'string' },
        'env-var': { type: 'string', multiple: true },
        reporters: { type: 'string', default: 'cli,junit,json' },
        out: { type: 'string', default: join('reports', 'verify') },
        world: { type: 'string' },
        reset: { type: 'boolean' },
        'control-token': { type: 'string' },
        'allow-failed-assertions': { type: 'boolean' },
        'max-body': { type: 'string' },
      },
    }).values;
  } catch (error) {
    return usageError(`${(error as Error).message.split('\n')[0]}\nUsage: ${verifyUsage}`);
  }
  const providers = (values.provider ?? []).flatMap((p) => p.split(',')).filter((p) => p !== '');
  if (providers.length === 0) return usageError(`--provider is required\nUsage: ${verifyUsage}`);
  const unknown = providers.filter((p) => !isProviderId(p));
  if (unknown.length > 0)
    return usageError(`unknown provider ${unknown.join(', ')} (known: ${providerIds.join(', ')})`);
  if (values.live === true && values['base-url'] !== undefined)
    return usageError('give --base-url or --live, not both');
  const reporters = (values.reporters ?? '').split(',').filter((r) => r !== '');
  const badReporter = reporters.find((r) => !['cli', 'junit', 'json'].includes(r));
  if (badReporter !== undefined) return usageError(`unknown reporter ${badReporter} (cli, junit, json)`);
  const variables: Record<string, string> = {};
  for (const pair of values['env-var'] ?? []) {
    const eq = pair.indexOf('=');
    if (eq <= 0) return usageError('--env-var takes KEY=value');
    variables[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  if (values.env !== undefined && !existsSync(values.env)) return usageError(`no environment file ${values.env}`);
  if (values.world !== undefined && values.world !== 'new' && values.world !== 'default')
    return usageError(`--world must be new or default, got ${values.world}`);
  const controlToken = values['control-token'] ?? (process.env.AUTHFLOW_CONTROL_TOKEN || undefined);
  const maxBody = values['max-body'];
  if (maxBody !== undefined && !/^[1-9]\d{0,9}$/.test(maxBody)) return usageError('--max-body takes a number of bytes');

  let failed = false;
  for (const provider of providers) {
    let report: VerifyReport;
    try {
      report = await verifyCollection({
        provider,
        ...(values['base-url'] === undefined ? {} : { baseUrl: values['base-url'] }),
        ...(values.env === undefined ? {} : { envFile: values.env }),
        ...(maxBody === undefined ? {} : { maxBodyBytes: Number(maxBody) }),
        variables,
        ...(values.world === undefined ? {} : { world: values.world as 'new' | 'default' }),
        reset: values.reset === true,
        ...(controlToken === undefined ? {} : { controlToken }),
        ...(values['allow-failed-assertions'] === true ? { allowFailedAssertions: true } : {}),
      });
    } catch (error) {
      if (error instanceof VerifyError) return usageError(error.message);
      throw error;
    }
    if (reporters.includes('cli')) io.stdout(formatSummary(report));
    const written = writeReports(report, values.out ?? join('reports', 'verify'), reporters as VerifyReporter[]);
    if (written.length > 0 && reporters.includes('cli')) io.stdout(`  reports: ${written.join(', ')}\n`);
    failed ||= !report.ok;
  }
  return failed ? 1 : 0;
}
