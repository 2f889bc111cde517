/** Starts one server for every test file and hands its URL to them (`inject('mocksUrl')`). */
import { createMockServer } from 'authflow-mocks/http';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    mocksUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const server = createMockServer();
  const { url } = await server.listen(0);
  project.provide('mocksUrl', url);
  return () => server.close();
}
