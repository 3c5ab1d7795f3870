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

export function deserializeStreams<Entry, Data>(
  data: unknown,
  fromData: (data: Data) => Entry,
): StreamStates<Entry> {
  const streams = new Map<string, Entry>();
  for (const [streamId, entry] of Object.entries((data as StreamStatesData<Data>).streams))
    streams.set(streamId, fromData(entry));
  return { streams, revision: 0, changed: new Set() };
}

/** The streams changed since the last call, as saved data (undefined: the stream is gone); forgets them. */
export function takeChangedStreams<Entry, Data>(
  state: StreamStates<Entry>,
  toData: (entry: Entry) => Data,
): [string, unknown][] {
  const changed = [...state.changed].map((streamId): [string, unknown] => {
    const entry = state.streams.get(streamId);
    return [streamId, entry === undefined ? undefined : toData(entry)];
  });
  state.changed.clear();
  return changed;
}

/** The entries in stream order (the order they were first seen). */
export function streamEntries<Entry>(state: StreamStates<Entry>): Entry[] {
  return [...state.streams.values()];
}
