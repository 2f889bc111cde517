/**
 * 2. The route table: method, path and hosts of each operationId of the spec. For a provider of
 * this package `npm run generate` writes it to `mocks/generated/<id>.routes.ts`; for one of your
 * own, write it from your spec (the recipe test checks it against the spec).
 */
export const routes = {
  createToken: { method: 'POST', path: '/token', hosts: ['api.tiny.test'] },
  getMe: { method: 'GET', path: '/me', hosts: ['api.tiny.test'] },
} as const;
