/**
 * `serve --watch`: reloads the config file when it changes. A good edit becomes the configured
 * world (as `PUT /__control/fixtures`, then a reset); a bad one keeps the old world and says why.
 * Settings fixed at start (port, host, providers, options) need a restart, and it says so.
 */
import { unwatchFile, watchFile } from 'node:fs';
import type { ControlPlane } from '../core/index.js';
import { fixturesOf, loadConfigFile } from './load.js';
import { ConfigError, type ParsedConfig } from './schema.js';

/** What a config fixes at start: everything but the fixtures. */
function startSettings(config: ParsedConfig): string {
  const { port, host, store, providers } = config;
  const options = Object.entries(fixturesOf(config)).map(([id, section]) => [id, section?.options]);
  return JSON.stringify({ port, host, store, providers, options });
}

export interface ConfigWatcher {
  close(): void;
}

/**
 * Watches `file` (polling, so an editor's save-by-rename is seen too) and reloads it into
 * `control`. `say` gets one line per reload (never a secret).
 */
export function watchConfig(
  file: string,
  control: ControlPlane,
  initial: ParsedConfig,
  say: (line: string, ok: boolean) => void,
  intervalMs = 200,
): ConfigWatcher {
  const fixed = startSettings(initial);
  let running = Promise.resolve();
  const reload = async () => {
    try {
      const config = await loadConfigFile(file);
      const sections = Object.fromEntries(
        Object.entries(fixturesOf(config)).map(([id, section]) => {
          const { options: _o, ...rest } = section ?? {};
          return [id, rest];
        }),
      );
      await control.replaceFixtures(sections);
      const note =
        startSettings(config) === fixed ? '' : ' (port, host, store, providers and options apply on restart)';
      say(`config reloaded from ${file}${note}`, true);
    } catch (error) {
      if (error instanceof ConfigError) {
        say(`config not reloaded, the old world stays: ${error.message}`, false);
        return;
      }
      const problems = (error as { problems?: { path: string; message: string }[] }).problems;
      if (problems !== undefined) {
        say(
          `config not reloaded, the old world stays:\n${problems.map((p) => `  ${p.path}: ${p.message}`).join('\n')}`,
          false,
        );
        return;
      }
      say(`config not reloaded, the old world stays: ${(error as Error).message}`, false);
    }
  };
  const listener = (current: { mtimeMs: number }, previous: { mtimeMs: number }) => {
    if (current.mtimeMs === previous.mtimeMs) return;
    running = running.then(reload);
  };
  watchFile(file, { interval: intervalMs }, listener);
  return { close: () => unwatchFile(file, listener) };
}
