/** `authflow-mocks/remote` in a real Chromium page: it needs nothing but `fetch`. */
import { build } from 'esbuild';
import { expect, it } from 'vitest';
import { describeBrowser, useBrowser } from '../support/browser.js';
import { listeningServer } from '../support/http.js';

describeBrowser('the remote client in a browser', () => {
  const server = listeningServer();
  const chromium = useBrowser();

  it('creates a world, moves its clock and deletes it from a page on the server’s origin', async () => {
    // The package entry as a browser would load it (an ES module of its own, nothing to resolve).
    const bundle = await build({
      entryPoints: ['mocks/remote/index.ts'],
      bundle: true,
      format: 'iife',
      globalName: 'AuthflowRemote',
      platform: 'browser',
      write: false,
    });
    expect(bundle.outputFiles[0]?.text).not.toMatch(/require\(|node:/);
    const page = await (await chromium.browser.newContext()).newPage();
    await page.goto(`${server.url}/__control/health`);
    await page.addScriptTag({ content: bundle.outputFiles[0]?.text ?? '' });
    const result = await page.evaluate(async (origin) => {
      const { connect } = (globalThis as unknown as { AuthflowRemote: typeof import('../../mocks/remote/index.js') })
        .AuthflowRemote;
      const world = await connect(origin).createWorld({ name: 'from a page' });
      const moved = await world.clock.advance(60);
      const listed = (await connect(origin).worlds()).map((w) => w.name);
      await world.delete();
      const after = await world.clock().catch((e: { code: string }) => e.code);
      return { id: world.id, offset: moved.offsetSeconds, listed, after };
    }, server.url);
    expect(result.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(result.offset).toBe(60);
    expect(result.listed).toContain('from a page');
    expect(result.after).toBe('unknown_world');
  });
});
