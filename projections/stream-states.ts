import { PersistentMap } from '../src/domain/shared/persistent-map';

/**
 * Read-model state kept per stream (a village or regency fiscal year). A
 * persistent map keeps each event's update to one small copy.
 */
export interface StreamStates<Entry> {
  streams: PersistentMap<Entry>;
}

export interface StreamStatesData<Data> {
  streams: Record<string, Data>;
}

export const emptyStreamStates = <Entry>(): StreamStates<Entry> => ({
  streams: PersistentMap.empty(),
});

export function updateStream<Entry>(
  state: StreamStates<Entry>,
  streamId: string,
  update: (entry: Entry | undefined) => Entry | undefined,
): StreamStates<Entry> {
  const before = state.streams.get(streamId);
  const after = update(before);
  if (after === before) return state;
  return {
    streams:
      after === undefined ? state.streams.delete(streamId) : state.streams.set(streamId, after),
  };
}

export function serializeStreams<Entry, Data>(
  state: StreamStates<Entry>,
  toData: (entry: Entry) => Data,
): StreamStatesData<Data> {
  const streams: Record<string, Data> = {};
  for (const [streamId, entry] of state.streams) streams[streamId] = toData(entry);
  return { streams };
}

export function deserializeStreams<Entry, Data>(
  data: unknown,
  fromData: (data: Data) => Entry,
): StreamStates<Entry> {
  const { streams } = data as StreamStatesData<Data>;
  return {
    streams: PersistentMap.from(
      Object.entries(streams).map(([streamId, entry]) => [streamId, fromData(entry)] as const),
    ),
  };
}

/** The entries in stream order (the order they were first seen). */
export function streamEntries<Entry>(state: StreamStates<Entry>): Entry[] {
  return [...state.streams.values()];
}
