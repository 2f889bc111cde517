/**
 * Where `newman` and `verify` run a collection on a server somebody else may be using, so they
 * leave it as they found it:
 *
 * - a server's root URL: a fresh world per collection (`POST /__control/worlds`), deleted
 *   afterwards; the default world's tokens, clock, faults and journal are not touched;
 * - a world's own base URL (`…/w/<id>`): that world as it is, without resetting it, so faults
 *   and clock moves staged there show up in the run;
 * - `world: 'default'`: the server's own world, as the tools did before worlds existed.
 *
 * In the last two the collection's own reset steps are skipped unless `reset` is asked for
 * (the `resetWorld` variable the collections read). A server that offers no worlds (its control
 * plane off, or a server in the mock's layout that is not this mock) is used as it is, with no
 * reset; one that refuses (a control token is needed) is an error that says what to pass.
 */
import { connect, RemoteError } from '../remote/index.js';

export interface WorldTargetOptions {
  /** `new` (default for a server's root): a fresh world per run; `default`: the server's own world. */
  world?: 'new' | 'default';
  /** Run the collection's reset steps even in an existing world. Default false. */
  reset?: boolean;
  /** The server's control token, for creating the world and for the collection's control steps. */
  controlToken?: string;
}

export interface WorldTarget {
  /** What the collection's `mockServer` becomes. */
  base: string;
  /** `new`, `default`, the id of the given world, or `none` (the server offers no worlds: used as it is). */
  world: string;
  /** Collection variables the run adds (`resetWorld`, `controlToken`). */
  variables: Record<string, string>;
  /** Deletes the world made for the run (nothing for an existing one). */
  done(): Promise<void>;
}

/** `http://host:port/w/<id>` → the id; undefined for any other URL. */
export function worldOfUrl(url: string): string | undefined {
  const m = /^https?:\/\/[^/]+\/w\/([^/?#]+)\/*$/.exec(url);
  return m?.[1];
}

export class WorldTargetError extends Error {
  override readonly name = 'WorldTargetError';
  constructor(
    readonly code: 'no_worlds',
    message: string,
  ) {
    super(message);
  }
}

/** The server is this mock and refused the call (a control token needed, a foreign Host, …). */
function refusedUs(error: RemoteError): boolean {
  return ['control_unauthorized', 'control_forbidden', 'too_many_worlds', 'unsupported_media_type'].includes(
    error.code,
  );
}

export async function worldTarget(baseUrl: string, options: WorldTargetOptions = {}): Promise<WorldTarget> {
  const base = baseUrl.replace(/\/+$/, '');
  const token = options.controlToken === undefined ? {} : { controlToken: options.controlToken };
  const given = worldOfUrl(base);
  if (given !== undefined || options.world === 'default') {
    return {
      base,
      world: given ?? 'default',
      variables: { resetWorld: options.reset === true ? 'true' : 'false', ...token },
      done: async () => {},
    };
  }
  let created: Awaited<ReturnType<ReturnType<typeof connect>['createWorld']>>;
  try {
    created = await connect(base, token).createWorld({ name: 'authflow-mocks run', ttlSeconds: 3600 });
  } catch (error) {
    if (!(error instanceof RemoteError)) throw error;
    // A server that offers no worlds (no control plane, or not this mock at all: a proxy in the
    // mock's layout, a fake API) is used as it is, without touching its control plane.
    if (!refusedUs(error)) {
      return { base, world: 'none', variables: { resetWorld: 'false', ...token }, done: async () => {} };
    }
    throw new WorldTargetError(
      'no_worlds',
      `${base} made no world for the run (${error.code}${error.status === 0 ? '' : `, ${error.status}`}). ` +
        'Give the control token (--control-token), a world’s own URL (…/w/<id>), or --world default to run in the server’s own world.',
    );
  }
  return {
    base: created.urls.base,
    world: 'new',
    variables: { ...token },
    done: () => created.delete().catch(() => undefined),
  };
}
