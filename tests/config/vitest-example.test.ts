/** The README's Vitest example: a configured world, a scenario seeded in beforeEach. */
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { setupMocks } from '../../mocks/doors/msw/node.js';

const company = '11111111-1111-4111-8111-111111111111';
const ada = '22222222-2222-4222-8222-222222222222';
const world = {
  eventix: {
    mode: 'replace' as const,
    companies: [{ guid: company, name: 'Acme BV' }],
    users: [{ guid: ada, name: 'Ada', email: 'ada@acme.example', companies: [company] }],
    clients: [
      {
        client_id: 'my-app',
        client_secret: 'my-secret',
        redirect_uris: ['http://localhost:5173/cb'],
        default_user: ada,
      },
    ],
  },
};
const mocks = setupMocks({ providers: ['eventix'], fixtures: world });

beforeAll(() => mocks.server.listen());
beforeEach(async () => {
  await mocks.control.replaceFixtures({
    eventix: {
      ...world.eventix,
      events: [
        {
          guid: '33333333-3333-4333-8333-333333333333',
          company_id: company,
          name: 'Scenario event',
          start: '2031-05-01T10:00:00Z',
          end: '2031-05-01T18:00:00Z',
        },
      ],
    },
  });
});
afterAll(() => mocks.server.close());

it('signs Ada in with my client, and the scenario event is there', async () => {
  const res = await fetch(
    'https://auth.eventix.io/tokens/authorize?client_id=my-app&response_type=code&redirect_uri=http%3A%2F%2Flocalhost%3A5173%2Fcb&state=s',
    { redirect: 'manual' },
  );
  expect(res.status).toBe(302);
  expect(new URL(res.headers.get('location') ?? '').origin).toBe('http://localhost:5173');
  const events = (mocks.control.fixtures().eventix?.events ?? []) as { name: string }[];
  expect(events.map((e) => e.name)).toEqual(['Scenario event']);
});
