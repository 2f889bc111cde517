/**
 * Each provider's README (`mocks/providers/<id>/README.md`): its options table, fixture lists and
 * vendor pages are what `npm run generate` writes from its definition and spec, so they cannot
 * drift from the options schema; and the main README links to every one.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { optionInfos } from '../mocks/core/define.js';
import { registry } from '../mocks/providers/index.js';
import { fillReadme, readmeBlocks } from '../scripts/provider-readmes.js';

const root = process.cwd();

describe.each(registry.definitions.map((d) => [d.id, d] as const))('mocks/providers/%s/README.md', (id, definition) => {
  const file = `mocks/providers/${id}/README.md`;
  const text = readFileSync(file, 'utf8');

  it('holds the generated blocks as its definition and spec write them (run npm run generate)', () => {
    expect(fillReadme(text, readmeBlocks(definition, root), file)).toBe(text);
  });

  it('lists every option with its default', () => {
    const table = /<!-- generated:options -->\n([\s\S]*?)\n<!-- \/generated:options -->/.exec(text)?.[1] ?? '';
    for (const option of optionInfos(definition.options)) {
      expect(table).toContain(`| \`${option.name}\` |`);
      expect(table).toContain(`| \`${JSON.stringify(option.default)}\` |`);
    }
  });

  it('is linked from the main README', () => {
    expect(readFileSync('README.md', 'utf8')).toContain(`](${file})`);
  });
});
