/** 3. The seeded records: demo credentials and ids, stable across runs. */
export interface KeyFixture {
  name: string;
  apiKey: string;
}

export const keys: readonly KeyFixture[] = [{ name: 'Ada', apiKey: 'tiny_key_ada' }];
