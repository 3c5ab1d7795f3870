import type { StateParts } from './projection';

/**
 * Read-model state kept per stream (a village or regency fiscal year). The
 * engine holds one state per projection and nothing else keeps an older one
 * (a two-clocks fold starts from its own initial state), so `apply` updates
 * the map in place instead of copying it per event. `revision` counts the
 * changes: what a cache of reports built from the state is keyed on.
 * `changed` names the streams changed since the last save: a state saved in
 * parts writes only those again.
 */
export interface StreamStates<Entry> {
  streams: Map<string, Entry>;
  revision: number;
  changed: Set<string>;
}

export interface StreamStatesData<Data> {
  streams: Record<string, Data>;
}

export const emptyStreamStates = <Entry>(): StreamStates<Entry> => ({
  streams: new Map(),
  revision: 0,
  changed: new Set(),
});

export function updateStream<Entry>(
  state: StreamStates<Entry>,
  streamId: string,
  update: (entry: Entry | undefined) => Entry | undefined,
): StreamStates<Entry> {
  const before = state.streams.get(streamId);
  const after = update(before);
  if (after !== before) {
    if (after === undefined) state.streams.delete(streamId);
    else state.streams.set(streamId, after);
  }
  state.revision += 1;
  state.changed.add(streamId);
  return state;
}

export function serializeStreams<Entry, Data>(
  state: StreamStates<Entry>,
  toData: (entry: Entry) => Data,
): StreamStatesData<Data> {
  const streams: Record<string, Data> = {};
  for (const [streamId, entry] of state.streams) streams[streamId] = toData(entry);
  return { streams };
}

function fromEntries<Entry, Data>(
  entries: Iterable<[string, unknown]>,
  fromData: (data: Data) => Entry,
): StreamStates<Entry> {
  const streams = new Map<string, Entry>();
  for (const [streamId, data] of entries) streams.set(streamId, fromData(data as Data));
  return { streams, revision: 0, changed: new Set() };
}

export function deserializeStreams<Entry, Data>(
  data: unknown,
  fromData: (data: Data) => Entry,
): StreamStates<Entry> {
  return fromEntries(Object.entries((data as StreamStatesData<Data>).streams), fromData);
}

/** A per-stream state saved one part per stream: the engine writes only the streams changed since its last save. */
export function streamParts<Entry, Data>(
  toData: (entry: Entry) => Data,
  fromData: (data: Data) => Entry,
): StateParts<StreamStates<Entry>> {
  return {
    takeChanged(state) {
      const changed = [...state.changed].map((streamId): [string, unknown] => {
        const entry = state.streams.get(streamId);
        return [streamId, entry === undefined ? undefined : toData(entry)];
      });
      state.changed.clear();
      return changed;
    },
    fromParts: (saved) => fromEntries(saved, fromData),
  };
}

/** The entries in stream order (the order they were first seen). */
export function streamEntries<Entry>(state: StreamStates<Entry>): Entry[] {
  return [...state.streams.values()];
}
