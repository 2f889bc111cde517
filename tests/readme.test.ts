/**
 * README.md as a newcomer reads it: every table-of-contents link names a heading, and the
 * "First five minutes" block runs as printed (token → 200 → clock → 401, per provider) against a
 * fresh server, with bash, curl and node.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMockServer } from '../mocks/doors/http/index.js';
import { runProcess } from './support/cli.js';

const readme = readFileSync('README.md', 'utf8');

/** GitHub's heading anchor: lower case, punctuation dropped, spaces as hyphens. */
const anchor = (heading: string) =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}_\- ]/gu, '')
    .replaceAll(' ', '-');

describe('README.md', () => {
  it('has a table of contents whose every link names a heading, and lists every section', () => {
    const contents = /^## Contents\n\n((?:\s*- .+\n)+)/m.exec(readme)?.[1] ?? '';
    const links = [...contents.matchAll(/\]\(#([^)]+)\)/g)].map((m) => m[1] as string);
    const headings = [...readme.matchAll(/^#{2,3} (.+)$/gm)].map((m) => anchor(m[1] as string));
    expect(links.length).toBeGreaterThan(10);
    for (const link of links) expect(headings, link).toContain(link);
    const sections = [...readme.matchAll(/^## (.+)$/gm)]
      .map((m) => anchor(m[1] as string))
      .filter((a) => a !== 'contents');
    for (const section of sections) expect(links, section).toContain(section);
  });

  describe('the "First five minutes" block', () => {
    const server = createMockServer();
    let url = '';
    beforeAll(async () => {
      url = (await server.listen(0)).url;
    });
    afterAll(() => server.close());

    it('prints, per provider, the statuses its comments promise: 200, then 401 after the clock moves', {
      timeout: 60_000,
    }, async () => {
      const block = /<!-- first-five-minutes[^>]*-->\n```sh\n([\s\S]*?)\n```/.exec(readme)?.[1];
      expect(block).toBeDefined();
      const script = (block as string).replaceAll('http://127.0.0.1:4010', url);
      const promised = [...script.matchAll(/^(?:later \d+; )?status .*# (\d{3})\b/gm)].map((m) => m[1]);
      expect(promised).toEqual(Array.from({ length: 5 }, () => ['200', '401']).flat());
      // Asynchronously: the server answers from this process.
      const run = await runProcess('bash', ['-euo', 'pipefail', '-c', script]);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(run.stdout.trim().split('\n')).toEqual(promised);
    });
  });
});
