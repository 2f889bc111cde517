/**
 * `authflow-mocks/testcontainers`: the mock server's image as a Testcontainers container, for
 * tests that want the real HTTP server in a container of its own (`testcontainers` 11, an optional
 * peer dependency: install it beside this package).
 *
 * @example
 * ```ts
 * import { AuthflowMocksContainer } from 'authflow-mocks/testcontainers';
 * const mocks = await new AuthflowMocksContainer('ghcr.io/<owner>/authflow-mocks:0.1.0')
 *   .withConfig({ eventix: { options: { tokenCap: 3 } } })
 *   .start();                                  // returns once GET /healthz answers
 * const tokenUrl = `${mocks.getUrl()}/identity.eventbookings.com/connect/token`;
 * const world = await mocks.getControlClient().createWorld();   // a world of this test's own
 * await mocks.stop();
 * ```
 *
 * The control plane of a container listening beyond loopback is off without a control token, so
 * the container gets one: a random token unless `.withControlToken()` names it;
 * `getControlClient()` sends it.
 */
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { basename, resolve } from 'node:path';
import {
  AbstractStartedContainer,
  GenericContainer,
  getContainerRuntimeClient,
  type StartedTestContainer,
  Wait,
  type WaitStrategy,
} from 'testcontainers';
import type { AuthflowConfig } from '../config/schema.js';
import { connect, type RemoteMocks } from '../remote/index.js';

/** The image `docker build -t authflow-mocks .` makes from a clone of this repository. */
export const defaultImage = 'authflow-mocks:latest';
/** The port the image listens on (its PORT). */
export const containerPort = 4010;

/** Where a config file given by path is copied in the container. */
const configDir = '/config';

export class AuthflowMocksContainer extends GenericContainer {
  #controlToken = randomBytes(24).toString('base64url');

  constructor(image: string = defaultImage) {
    super(image);
    this.withEnvironment({ AUTHFLOW_CONTROL_TOKEN: this.#controlToken }).withStartupTimeout(60_000);
  }

  /**
   * The world the server starts with: a config object (as the config file holds it, passed as
   * AUTHFLOW_CONFIG_JSON) or the path of a config file (JSON or YAML; copied into the container
   * and named by AUTHFLOW_CONFIG). A bad config makes the container exit 2 and `start()` fail.
   */
  withConfig(config: AuthflowConfig | string): this {
    delete this.environment.AUTHFLOW_CONFIG;
    delete this.environment.AUTHFLOW_CONFIG_JSON;
    if (typeof config !== 'string') return this.withEnvironment({ AUTHFLOW_CONFIG_JSON: JSON.stringify(config) });
    const target = `${configDir}/${basename(config)}`;
    return this.withCopyFilesToContainer([{ source: resolve(config), target, mode: 0o444 }]).withEnvironment({
      AUTHFLOW_CONFIG: target,
    });
  }

  /** The control token (16+ characters) the control plane requires; a random one by default. */
  withControlToken(token: string): this {
    if (token.length < 16) throw new RangeError('The control token must be 16 characters or more.');
    this.#controlToken = token;
    return this.withEnvironment({ AUTHFLOW_CONTROL_TOKEN: token });
  }

  override async start(): Promise<StartedAuthflowMocksContainer> {
    // On the host's network (`.withNetworkMode('host')`, e.g. a daemon without a bridge) nothing
    // is mapped: the server takes a free port of the host and the wait asks it directly.
    let hostPort: number | undefined;
    if (this.networkMode === 'host') {
      hostPort = await freePort();
      this.withEnvironment({ PORT: String(hostPort) }).withWaitStrategy(new HealthzOnHostWait(hostPort));
    } else {
      this.withExposedPorts(containerPort).withWaitStrategy(Wait.forHttp('/healthz', containerPort).forStatusCode(200));
    }
    return new StartedAuthflowMocksContainer(await super.start(), this.#controlToken, hostPort);
  }
}

export class StartedAuthflowMocksContainer extends AbstractStartedContainer {
  readonly #controlToken: string;
  readonly #hostPort: number | undefined;

  constructor(started: StartedTestContainer, controlToken: string, hostPort?: number) {
    super(started);
    this.#controlToken = controlToken;
    this.#hostPort = hostPort;
  }

  /** The server's base URL, e.g. `http://localhost:32768`; a real host is served under `<url>/<host>/…`. */
  getUrl(): string {
    return `http://${this.getHost()}:${this.#hostPort ?? this.getMappedPort(containerPort)}`;
  }

  /** The control token the container was started with. */
  getControlToken(): string {
    return this.#controlToken;
  }

  /**
   * The remote control client (`authflow-mocks/remote`) of this server, with its control token:
   * worlds of your own (`createWorld()`), the clock, fixtures, faults, the journal.
   */
  getControlClient(): RemoteMocks {
    return connect(this.getUrl(), { controlToken: this.#controlToken });
  }
}

/** A port free on this machine now (host networking). */
function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolvePort(port));
    });
  });
}

/** Waits until `GET /healthz` answers 200 on the container runtime's host at `port` (host networking). */
class HealthzOnHostWait implements WaitStrategy {
  #timeoutMs = 60_000;
  #timeoutSet = false;
  constructor(private readonly port: number) {}

  async waitUntilReady(container: { inspect(): Promise<{ State: { Running: boolean; ExitCode: number } }> }) {
    const { host } = (await getContainerRuntimeClient()).info.containerRuntime;
    const url = `http://${host}:${this.port}/healthz`;
    const end = Date.now() + this.#timeoutMs;
    for (;;) {
      try {
        const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
        await res.body?.cancel();
        if (res.status === 200) return;
      } catch {
        // Not listening yet.
      }
      const { State } = await container.inspect();
      if (!State.Running) throw new Error(`authflow-mocks exited with code ${State.ExitCode} before ${url} answered`);
      if (Date.now() > end) throw new Error(`${url} did not answer 200 within ${this.#timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  withStartupTimeout(startupTimeoutMs: number): this {
    this.#timeoutMs = startupTimeoutMs;
    this.#timeoutSet = true;
    return this;
  }

  isStartupTimeoutSet(): boolean {
    return this.#timeoutSet;
  }

  getStartupTimeout(): number {
    return this.#timeoutMs;
  }
}
