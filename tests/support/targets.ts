/**
 * The two ways an app meets the mocks, for the client-library tests (tests/clients/): the standalone server
 * (`createMockServer` on 127.0.0.1:0, real sockets) and in-process under `setupMocks()` (MSW
 * intercepting global fetch and node:http, so axios and @hapi/wreck too). The client libraries
 * are used as an app would use them against the real server; the only option a test sets is
 * the libraries' own switch for plain-http issuers on the standalone server.
 */
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { createContractValidator } from '../../mocks/contract.js';
import { createMockServer } from '../../mocks/doors/http/index.js';
import { setupMocks } from '../../mocks/doors/msw/node.js';
import { providerIds } from '../../mocks/providers/index.js';
import type { World } from '../../mocks/world.js';
import { collectBugs } from '../support/kit.js';

export type TargetName = 'standalone' | 'in-process';
export const targetNames: TargetName[] = ['standalone', 'in-process'];

export interface Target {
  readonly name: TargetName;
  readonly mocks: World;
  /** Where a real host is reached: `https://<host>` in-process, `http://127.0.0.1:<port>/<host>` standalone. */
  base(host: string): string;
  /** For libraries that take a host and a path separately (simple-oauth2): the origin, and the path prefix. */
  split(host: string): { origin: string; prefix: string };
  /** True on the standalone server (plain http): the libraries must be told to allow it. */
  readonly insecure: boolean;
}

/** Opens a target for the enclosing `describe`; every answer is checked against the spec. */
export function useTarget(name: TargetName): Target {
  const validator = createContractValidator(providerIds);
  let origin = '';
  let mocks: World;
  if (name === 'standalone') {
    const server = createMockServer({ validator });
    mocks = server;
    beforeAll(async () => {
      origin = (await server.listen(0, '127.0.0.1')).url;
    });
    afterAll(() => server.close());
  } else {
    const node = setupMocks({ validator });
    mocks = node;
    beforeAll(() => node.server.listen({ onUnhandledRequest: 'error' }));
    afterAll(() => node.server.close());
  }
  const reported = collectBugs(mocks.engine);
  afterEach(async () => {
    const violations = mocks.engine.violations.splice(0);
    const bugs = reported.splice(0);
    await mocks.control.reset();
    expect(violations).toEqual([]);
    expect(bugs).toEqual([]);
  });
  const split = (host: string) =>
    name === 'standalone' ? { origin, prefix: `/${host}` } : { origin: `https://${host}`, prefix: '' };
  return {
    name,
    mocks,
    insecure: name === 'standalone',
    base(host) {
      const { origin: o, prefix } = split(host);
      return `${o}${prefix}`;
    },
    split,
  };
}
