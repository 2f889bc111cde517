/**
 * 6. The operations: one entry per operationId, method, path and hosts from the route table;
 * refusals thrown as `MockError` with a code (the error table turns them into bodies).
 */
import {
  fieldsOf,
  findBySecret,
  MockError,
  type MockResponse,
  type Operation,
  readAuthorization,
  routeTable,
  type SettingsOf,
} from 'authflow-mocks/provider';
import type { options } from './config.js';
import { routes } from './routes.js';
import type { State } from './state.js';

const route = routeTable(routes);

export function createOperations(state: State, settings: SettingsOf<typeof options>): Operation<'api_key'>[] {
  return [
    {
      ...route('createToken'),
      async handle(request, context): Promise<MockResponse> {
        const { api_key: presented = '' } = fieldsOf(await request.body());
        context.present('api_key');
        const key = findBySecret(state.keys, presented, (k) => k.apiKey);
        if (key === undefined) throw new MockError('invalid_client', 'Unknown API key.');
        const entry = state.tokens.issue({ name: key.name }, { ttlSeconds: settings.tokenTtlSeconds });
        return { status: 200, body: { access_token: entry.value, expires_in: settings.tokenTtlSeconds } };
      },
    },
    {
      ...route('getMe'),
      // Changes nothing but the token's last use: replicas of a Redis store answer it from their copy.
      readOnly: true,
      handle(request, context) {
        const auth = readAuthorization(request.headers);
        if (auth?.scheme !== 'bearer') throw new MockError('credentials_missing', 'Send a bearer token.');
        context.present('bearer');
        const found = state.tokens.check(auth.credentials);
        if (!found.ok) throw new MockError(found.reason, 'The token is not valid.');
        return { status: 200, body: { name: found.entry.data.name } };
      },
    },
  ];
}
