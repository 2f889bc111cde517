/**
 * The generated parts of each provider's README (`mocks/providers/<id>/README.md`): its options
 * table (from the options schema of its definition), the entities its config section takes (from
 * its section schema) and the vendor pages its spec cites (the `x-fidelity-source` URLs). Each
 * part sits between `<!-- generated:NAME -->` and `<!-- /generated:NAME -->`; `npm run generate`
 * rewrites them, and the rest of the README is hand-written.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import * as z from 'zod';
import { optionsTable } from '../mocks/config/options.js';
import type { AnyProviderDefinition } from '../mocks/core/define.js';

/**
 * Every http(s) URL the spec's `x-fidelity-source` lines cite, in order of first mention, but
 * the API's own (a host of its `servers`).
 */
export function citedPages(specText: string): string[] {
  const pages = new Set<string>();
  const served = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node !== null && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (key === 'servers' && Array.isArray(value)) {
          for (const server of value) served.add(new URL(String((server as { url?: unknown }).url)).host);
        } else if (key === 'x-fidelity-source' && typeof value === 'string') {
          for (const m of value.matchAll(/https?:\/\/[^\s"'),;]+/g)) pages.add((m[0] as string).replace(/[.:]+$/, ''));
        } else visit(value);
      }
    }
  };
  visit(parse(specText));
  return [...pages].filter((url) => !served.has(new URL(url).host));
}

/** The entity lists a provider's config section takes, each with its fields. */
function entityList(definition: AnyProviderDefinition): string {
  const section = definition.fixtures?.sectionSchema;
  if (!(section instanceof z.ZodObject)) return 'This provider takes no fixtures of your own.';
  const lines: string[] = [];
  for (const [key, field] of Object.entries(section.shape as Record<string, z.ZodType>)) {
    const list = field instanceof z.ZodOptional ? (field.unwrap() as z.ZodType) : field;
    if (!(list instanceof z.ZodArray)) continue;
    const entry = list.element as z.ZodType;
    const fields = entry instanceof z.ZodObject ? Object.keys(entry.shape).map((f) => `\`${f}\``) : [];
    lines.push(`- \`${key}\`: ${fields.join(', ')}`);
  }
  return lines.join('\n');
}

/** The generated blocks of one provider's README, by marker name. */
export function readmeBlocks(definition: AnyProviderDefinition, root: string): Map<string, string> {
  const spec = readFileSync(join(root, 'specs', `${definition.id}.openapi.yaml`), 'utf8');
  return new Map([
    ['options', optionsTable(definition.options)],
    ['fixtures', entityList(definition)],
    [
      'sources',
      citedPages(spec)
        .map((url) => `- <${url}>`)
        .join('\n'),
    ],
  ]);
}

/** `text` with each `generated:NAME` block replaced by its fresh content; throws on a missing marker. */
export function fillReadme(text: string, blocks: ReadonlyMap<string, string>, file: string): string {
  let out = text;
  for (const [name, content] of blocks) {
    const open = `<!-- generated:${name} -->`;
    const close = `<!-- /generated:${name} -->`;
    const start = out.indexOf(open);
    const end = out.indexOf(close);
    if (start < 0 || end < start) throw new Error(`${file}: no ${open} … ${close} block`);
    out = `${out.slice(0, start + open.length)}\n${content}\n${out.slice(end)}`;
  }
  return out;
}
