/**
 * core `recordSchema` / `collection`: the providers' @msw/data collections validate records with
 * zod's jitless parse. Same answers as zod's own Standard Schema: valid records come back parsed
 * (unknown keys stripped, defaults applied), invalid ones are refused with the same issues.
 */
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { collection, recordSchema } from '../../mocks/core/index.js';

const schema = z.object({
  id: z.string(),
  count: z.number().int(),
  status: z.enum(['draft', 'published']).default('published'),
});

describe('recordSchema', () => {
  it("answers as zod's own Standard Schema does, for valid and invalid records", async () => {
    const ours = recordSchema(schema)['~standard'];
    const zods = schema['~standard'];
    for (const value of [
      { id: 'a', count: 1 },
      { id: 'a', count: 1, status: 'draft', extra: true },
      { id: 'a', count: 1.5 },
      { id: 7, count: 'x', status: 'gone' },
      null,
      'text',
    ]) {
      const mine = ours.validate(value);
      const theirs = await zods.validate(value);
      if ('value' in theirs) expect(mine).toEqual({ value: theirs.value });
      else {
        expect(mine.issues?.map((i) => [i.path, i.message])).toEqual(theirs.issues?.map((i) => [i.path, i.message]));
        expect(mine.issues?.length).toBeGreaterThan(0);
      }
    }
  });
});

describe('collection', () => {
  it('creates valid records (parsed) and refuses invalid ones', async () => {
    const records = collection(schema);
    const created = await records.create({ id: 'a', count: 2 });
    expect(created).toEqual({ id: 'a', count: 2, status: 'published' });
    const logged = console.error;
    console.error = () => {};
    try {
      await expect(records.create({ id: 'b', count: 'two' } as never)).rejects.toThrow();
    } finally {
      console.error = logged;
    }
    expect(records.findMany().map((r) => r.id)).toEqual(['a']);
  });
});
