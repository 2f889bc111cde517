import type { ContractProblem } from '../../contract.js';
import type { AnyProviderDefinition } from '../../core/define.js';

export type OperationVerdict = 'conforms' | 'drifts' | 'not_exercised';

export interface Drift {
  /** The collection step that sent the request. */
  step: string;
  /** The status that came back (0: no answer). */
  status: number;
  /** `too_large`: the body was over `maxBodyBytes`, kept shortened and not checked. */
  kind: ContractProblem['kind'] | 'no_answer' | 'too_large';
  /** A `$`-rooted JSON path into the body, or a header name; `$` for the whole answer. */
  path: string;
  /** What the spec says. */
  expected: string;
  /** What came back, shortened and redacted. */
  actual: string;
}

export interface OperationReport {
  operationId: string;
  method: string;
  /** The spec's path template. */
  path: string;
  verdict: OperationVerdict;
  /** Requests of the run that reached this operation. */
  calls: number;
  /** Statuses seen, ascending. */
  statuses: number[];
  drifts: Drift[];
}

export interface VerifyReport {
  provider: string;
  /** `live`, or the base URL the collection ran against. */
  target: string;
  /** On a mock server: `new` (a fresh world, deleted afterwards), `default`, or the id of the given world. */
  world?: string;
  startedAt: string;
  finishedAt: string;
  /**
   * True when nothing drifts and the collection's own assertions all passed (or their failures
   * were allowed: `allowFailedAssertions`).
   */
  ok: boolean;
  /**
   * `pass`; `drift` when an operation drifts; `assertions_failed` when nothing drifts but the
   * collection's own assertions failed (a login refused with a declared 401 conforms, yet the run
   * did not do what it should). With `allowFailedAssertions`, such a run is a `pass`.
   */
  verdict: 'pass' | 'drift' | 'assertions_failed';
  counts: {
    operations: number;
    conforms: number;
    drifts: number;
    notExercised: number;
    /** Requests checked against the spec (control-plane steps are not counted). */
    requests: number;
  };
  operations: OperationReport[];
  /** Requests to paths or methods the spec does not have (a collection's deliberate 404/405 probes). */
  outside: { step: string; method: string; host: string; path: string; query: string; status: number }[];
  /** The collection's own `pm.test` assertions (they may assume the mock's data: see `allowFailedAssertions`). */
  assertions: { total: number; failed: number; allowedToFail: boolean };
  /**
   * Redirects answered (3xx with a Location): never followed, since the next request would carry
   * the same body and headers (a client secret) to wherever the answer points. Each is checked
   * against the spec like any answer; `location` is shown without its query.
   */
  redirects: { step: string; status: number; location: string }[];
}

export interface VerifyOptions {
  provider: string;
  /**
   * Where the hosts are served as `<baseUrl>/<host>/<path>` (the mock's layout), e.g.
   * `http://127.0.0.1:4010`. Absent: the real hosts (`live`).
   */
  baseUrl?: string;
  /**
   * Collection variables: the mock environment's values with `baseUrl`, none (the live
   * environment is empty) without. Later sources win: `AUTHFLOW_<PROVIDER>_<VAR>` environment
   * variables, then `envFile`, then `variables`.
   */
  variables?: Record<string, string>;
  /** A Postman environment (JSON) or a `KEY=value` file. */
  envFile?: string;
  /** Where `AUTHFLOW_<PROVIDER>_<VAR>` are read from. Default `process.env`. */
  processEnv?: Record<string, string | undefined>;
  /** Per-request timeout in ms. Default 15,000. */
  timeoutMs?: number;
  /**
   * With `baseUrl` a server's root: `new` (default) runs in a fresh world, deleted afterwards;
   * `default` in the server's own world. A world's own URL (`…/w/<id>`) runs in that world.
   */
  world?: 'new' | 'default';
  /** Let the collection reset an existing world before it runs. Default false. */
  reset?: boolean;
  /** The mock server's control token, for creating the world and the collection's control steps. */
  controlToken?: string;
  /**
   * A run whose collection's own assertions failed is not `ok` (verdict `assertions_failed`)
   * unless this is true: against real data they may fail where nothing drifts.
   */
  allowFailedAssertions?: boolean;
  /**
   * Largest answer body checked, in bytes. A larger one is reported (`too_large`, with a
   * shortened copy), never parsed. Default 1 MiB.
   */
  maxBodyBytes?: number;
  /**
   * A provider of your own, not in the package's registry: its definition, its spec and the
   * folder holding `<id>.postman_collection.json` and its mock and live environments.
   */
  custom?: { definition: AnyProviderDefinition; spec: Record<string, unknown>; collectionsDir: string };
}

/** Default of `VerifyOptions.maxBodyBytes`. */
export const defaultMaxBodyBytes = 1024 * 1024;

/** `usage`: bad options; `unreachable`: the host does not answer (checked before the run). */
export class VerifyError extends Error {
  override readonly name = 'VerifyError';
  constructor(
    readonly code: 'usage' | 'unreachable',
    message: string,
  ) {
    super(message);
  }
}
