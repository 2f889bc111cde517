/**
 * The compiled router of the standalone server: host → static paths in a map, templated paths
 * grouped by segment count. Built once at start-up; a lookup is a couple of map reads.
 */
import type { Operation, Provider } from './provider.js';

export type RouteMatch =
  | { kind: 'operation'; provider: Provider; operation: Operation; params: Record<string, string> }
  | { kind: 'method_not_allowed'; provider: Provider; allow: string[] }
  | { kind: 'not_found'; provider: Provider };

interface Template {
  /** Literal segment (lower-cased when case-insensitive), or null for a parameter. */
  parts: (string | null)[];
  names: string[];
  byMethod: Map<string, Operation>;
}

interface HostTable {
  provider: Provider;
  fold: boolean;
  statics: Map<string, Map<string, Operation>>;
  templates: Map<number, Template[]>;
}

export interface Router {
  /** `undefined` when no provider serves the host. */
  match(host: string, method: string, path: string): RouteMatch | undefined;
}

function splitPath(path: string): string[] {
  const trimmed = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
  return trimmed.split('/').slice(1);
}

export function compileRouter(providers: readonly Provider[]): Router {
  const tables = new Map<string, HostTable>();
  for (const provider of providers) {
    const fold = provider.caseInsensitivePaths === true;
    for (const host of provider.hosts) {
      tables.set(host, { provider, fold, statics: new Map(), templates: new Map() });
    }
    for (const op of provider.operations) {
      for (const host of op.hosts) {
        const table = tables.get(host);
        if (table === undefined) throw new Error(`${provider.id}: ${op.operationId} names unlisted host ${host}`);
        const segments = splitPath(op.path);
        if (!op.path.includes('{')) {
          const key = `/${segments.map((s) => (fold ? s.toLowerCase() : s)).join('/')}`;
          const methods = table.statics.get(key) ?? new Map<string, Operation>();
          methods.set(op.method, op);
          table.statics.set(key, methods);
          continue;
        }
        const parts = segments.map((s) => (/^\{.+\}$/.test(s) ? null : fold ? s.toLowerCase() : s));
        const names = segments.filter((s) => /^\{.+\}$/.test(s)).map((s) => s.slice(1, -1));
        const list = table.templates.get(segments.length) ?? [];
        let template = list.find((t) => t.parts.every((p, i) => p === parts[i]));
        if (template === undefined) {
          template = { parts, names, byMethod: new Map() };
          list.push(template);
        }
        template.byMethod.set(op.method, op);
        table.templates.set(segments.length, list);
      }
    }
  }

  function decide(
    table: HostTable,
    methods: Map<string, Operation>,
    method: string,
    params: Record<string, string>,
  ): RouteMatch {
    const operation = methods.get(method) ?? (method === 'HEAD' ? methods.get('GET') : undefined);
    if (operation !== undefined) return { kind: 'operation', provider: table.provider, operation, params };
    return { kind: 'method_not_allowed', provider: table.provider, allow: [...methods.keys()] };
  }

  return {
    match(host, method, path) {
      const table = tables.get(host);
      if (table === undefined) return undefined;
      // A static path as sent (the common case): one map read, no split. A trailing slash or an
      // odd path misses here and takes the general way below, which answers it the same.
      const direct = table.statics.get(table.fold ? path.toLowerCase() : path);
      if (direct !== undefined) return decide(table, direct, method, {});
      const segments = splitPath(path);
      const folded = table.fold ? segments.map((s) => s.toLowerCase()) : segments;
      const statics = table.statics.get(`/${folded.join('/')}`);
      if (statics !== undefined) return decide(table, statics, method, {});
      for (const template of table.templates.get(segments.length) ?? []) {
        let ok = true;
        for (let i = 0; i < template.parts.length; i++) {
          const part = template.parts[i];
          const seg = folded[i] as string;
          if (part === null ? seg === '' : part !== seg) {
            ok = false;
            break;
          }
        }
        if (!ok) continue;
        const params: Record<string, string> = {};
        let n = 0;
        for (let i = 0; i < template.parts.length; i++) {
          if (template.parts[i] !== null) continue;
          const raw = segments[i] as string;
          let value = raw;
          if (raw.includes('%')) {
            try {
              value = decodeURIComponent(raw);
            } catch {
              return { kind: 'not_found', provider: table.provider };
            }
          }
          params[template.names[n++] as string] = value;
        }
        return decide(table, template.byMethod, method, params);
      }
      return { kind: 'not_found', provider: table.provider };
    },
  };
}
