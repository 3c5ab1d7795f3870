import { WrongExpectedRevisionError } from '../../../src/eventstore/errors';
import type { EventStore } from '../../../src/eventstore/port';
import type { Random } from './prng';

/** A fault the simulation injects; the writer cannot tell whether its append was stored. */
export class SimulatedFault extends Error {
  override readonly name = 'SimulatedFault';
  constructor(readonly stored: boolean) {
    super(stored ? 'simulated: appended, acknowledgement lost' : 'simulated: write failed');
  }
}

export interface FaultCounts {
  failedWrites: number;
  lostAcks: number;
  /** Appends refused because another writer got there first (stale caches); the handler re-decides. */
  conflicts: number;
}

/**
 * Wraps a store so that some appends fail before writing and some succeed
 * but throw as if the answer were lost (a crash right after the commit);
 * counts the conflicts it sees on the way.
 */
export function withFaults(
  inner: EventStore,
  random: Random,
  rate: number,
  counts: FaultCounts,
): EventStore {
  return {
    ...inner,
    async append(stream, events, expected) {
      if (random.chance(rate)) {
        counts.failedWrites += 1;
        throw new SimulatedFault(false);
      }
      const result = await inner.append(stream, events, expected).catch((error: unknown) => {
        if (error instanceof WrongExpectedRevisionError) counts.conflicts += 1;
        throw error;
      });
      if (random.chance(rate)) {
        counts.lostAcks += 1;
        throw new SimulatedFault(true);
      }
      return result;
    },
  };
}
