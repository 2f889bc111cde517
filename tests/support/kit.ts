/** The shared test kit: credential headers and the journal's refusal reasons, for every provider's tests. */
import type { ControlPlane, Engine, EngineBug } from '../../mocks/core/index.js';

/** `<Scheme> base64(user:password)`, the value of an Authorization header (Basic, Integrator, …). */
export const schemeValue = (scheme: string, user: string, password: string) =>
  `${scheme} ${Buffer.from(`${user}:${password}`).toString('base64')}`;

/** An Authorization header with HTTP Basic credentials. */
export const basic = (user: string, password: string) => ({ authorization: schemeValue('Basic', user, password) });

/** An Authorization header with a bearer token. */
export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

type HasControl = { control: ControlPlane } | { mocks: { control: ControlPlane } };

/** The newest journal entry of a door or a mock world. */
export const lastEntry = (from: HasControl) =>
  ('mocks' in from ? from.mocks.control : from.control).journal().entries.at(-1);

/** Why the newest request was refused (its journal reason), or undefined. */
export const lastReason = (from: HasControl) => lastEntry(from)?.reason;

/** The handler bugs (500s) an engine reports from now on: take them with `splice(0)`. */
export function collectBugs(engine: Engine): EngineBug[] {
  const bugs: EngineBug[] = [];
  engine.onAnswered((_request, _entry, bug) => {
    if (bug !== undefined) bugs.push(bug);
  });
  return bugs;
}
