/**
 * The image as a replica: two containers on the host network with `AUTHFLOW_STORE` naming one
 * real Redis (Debian's redis-server, started by this test on the host) serve one world, and
 * `/healthz` names the store and the replica. The image carries the Redis client it requires.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type RedisServer, startRedis } from '../support/redis.js';
import { describeDocker, docker, dockerRun, eventually, freePort } from './support.js';

const started: string[] = [];
let redis: RedisServer | undefined;
const demo = { client_id: 'eb-demo-events', client_secret: 'ebs_7Kq2vN9xR4mT8wZ1pL6c' };

async function replica(store: string): Promise<string> {
  const port = await freePort();
  const name = `authflow-replica-test-${process.pid}-${started.length + 1}`;
  const res = await dockerRun([
    'run',
    '-d',
    '--name',
    name,
    '--network',
    'host',
    '-e',
    `PORT=${port}`,
    '-e',
    `AUTHFLOW_STORE=${store}`,
    docker.image,
  ]);
  expect(res.code, res.stderr).toBe(0);
  started.push(name);
  const url = `http://127.0.0.1:${port}`;
  await eventually(async () => ((await fetch(`${url}/healthz`).catch(() => undefined))?.ok ? true : undefined), 30_000);
  return url;
}

describeDocker('the image with AUTHFLOW_STORE (replicas)', () => {
  beforeAll(async () => {
    redis = await startRedis();
  }, 30_000);
  afterAll(async () => {
    if (started.length > 0) await dockerRun(['rm', '-f', ...started]);
    await redis?.dispose();
  }, 30_000);

  it('two containers on one Redis serve one world', async () => {
    const store = `${(redis as RedisServer).url}?prefix=image`;
    const [a, b] = [await replica(store), await replica(store)];
    const health = (await (await fetch(`${a}/healthz`)).json()) as { store?: string; replica?: string };
    expect(health.store).toBe('redis');
    const other = (await (await fetch(`${b}/healthz`)).json()) as { replica?: string };
    expect(other.replica).not.toBe(health.replica);
    const issued = await fetch(`${a}/identity.eventbookings.com/connect/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ grant_type: 'client_credentials', ...demo }),
    });
    expect(issued.status).toBe(200);
    const { access_token } = (await issued.json()) as { access_token: string };
    const me = await fetch(`${b}/api.eventbookings.com/me`, { headers: { authorization: `Bearer ${access_token}` } });
    expect(me.status).toBe(200);
  }, 90_000);
});
