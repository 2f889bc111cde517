/**
 * A dry run: a replica of a replicated store (`mocks/store/redis.ts`) answering a read from its
 * own copy of a world without changing it. The read's effects (the presented token marked used,
 * its journal entry) are not made here but applied from the log, where every replica applies them
 * in one order; so a dry run may only look. Code that would change a world (a token store, a
 * collection, anything drawing random bytes) calls `refuseInDryRun` first: inside a dry run it
 * throws `DryRunWrite`, and the replica answers the request through the log instead.
 *
 * Not world state: the probe is set once per process by a replicated store, like
 * `setTurnRandomness` (`./random.ts`); without one, nothing is ever a dry run.
 */

/** Thrown inside a dry run by code that would change the world: the request goes through the log. */
export class DryRunWrite extends Error {
  constructor(what: string) {
    super(`A dry run may not ${what}.`);
    this.name = 'DryRunWrite';
  }
}

let probe: (() => boolean) | undefined;

/** @internal Installed by a replicated store; answers whether the running code is a dry run. */
export function setDryRunProbe(source: (() => boolean) | undefined): void {
  probe = source;
}

/** Whether the running code is a dry run (never without a replicated store). */
export function isDryRun(): boolean {
  return probe?.() === true;
}

/** Throws `DryRunWrite` inside a dry run: call it before changing a world. */
export function refuseInDryRun(what: string): void {
  if (probe?.() === true) throw new DryRunWrite(what);
}
