import type { SyncProgress } from '../sync/node-sync';
import { commandProgress } from './command-progress';

/** A push's progress: the node's streams finished of all, and the events sent so far. */
export function syncProgressBar(stream?: NodeJS.WriteStream) {
  const progress = commandProgress(
    'sync push',
    '{value}/{total} aliran / streams | {sent} peristiwa terkirim / events sent',
    stream,
  );
  return {
    update: (told: SyncProgress) =>
      progress.show(told.streamsDone, told.streamsTotal, { sent: told.eventsSent }),
    stop: progress.stop,
  };
}
