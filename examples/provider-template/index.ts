/**
 * 8. The definition: id, title, options, credential kinds, the fixtures slot, the state and `create`.
 * Register it in `mocks/providers/index.ts` (a provider of this package) or pass it to a world
 * (`createMockServer({ providers: ['eventbookings', tiny] })`) and to the tools
 * (`createRegistry([...providerDefinitions, tiny])`).
 */
import { defineProvider, type OptionsOf } from 'authflow-mocks/provider';
import * as config from './config.js';
import { errorResponse } from './errors.js';
import { createOperations } from './operations.js';
import { routes } from './routes.js';
import { createState } from './state.js';

export type TinyOptions = OptionsOf<typeof config.options>;

export default defineProvider({
  id: 'tiny',
  title: 'Tiny API',
  options: config.options,
  credentialKinds: [],
  fixtures: config,
  state: createState,
  create: (_env, settings, world, state) => ({
    hosts: [...routes.getMe.hosts],
    operations: createOperations(state, settings),
    fixtures: () => ({ api_keys: world().keys.map((k) => ({ ...k })) }),
    demo: () => world().keys.map((k) => ({ label: k.name, values: { api_key: k.apiKey } })),
    errorResponse,
  }),
});
