import type { RecordedEvent } from '../../src/eventstore/port';
import { decodeVillageEvent } from './event-decoding';
import { LEDGER_EVENT_TYPES } from './ledger-fold';
import type { LedgerEvent, UnfoldedEvent, UnfoldedEventsOf } from './village-books';

/** A stream's recorded events after revision `after` through `through`, read at once from the store. */
export type StreamRangeReader = (
  streamId: string,
  after: bigint,
  through: bigint,
) => Iterable<RecordedEvent>;

/**
 * Unfolded events kept in memory (type and data only: the metadata of a
 * million events is not), side by side rather than an object per event,
 * and let go once folded.
 */
export const keptEvents: UnfoldedEventsOf = () => {
  const types: LedgerEvent['type'][] = [];
  const data: LedgerEvent['data'][] = [];
  const revisions: bigint[] = [];
  return {
    add(event, revision) {
      types.push(event.type);
      data.push(event.data);
      revisions.push(revision);
    },
    *between(after, through) {
      for (let at = 0; at < revisions.length; at += 1) {
        const revision = revisions[at]!;
        if (revision > after && revision <= through)
          yield { event: { type: types[at], data: data[at] } as LedgerEvent, revision };
      }
    },
    folded(revision) {
      let count = 0;
      while (count < revisions.length && revisions[count]! <= revision) count += 1;
      types.splice(0, count);
      data.splice(0, count);
      revisions.splice(0, count);
    },
  };
};

const ledgerTypes = new Set<string>(LEDGER_EVENT_TYPES);

/**
 * Unfolded events read back from the store when the books are folded: the
 * store's events are immutable, so the books keep none of their own and a
 * rebuild's memory does not grow with the events. Only events the engine
 * has added are read (through the last added revision).
 */
export function storedEvents(read: StreamRangeReader): UnfoldedEventsOf {
  return (streamId) => ({
    add() {},
    *between(after, through): Iterable<UnfoldedEvent> {
      for (const recorded of read(streamId, after, through))
        if (ledgerTypes.has(recorded.type))
          yield { event: decodeVillageEvent(recorded), revision: recorded.revision };
    },
    folded() {},
  });
}
