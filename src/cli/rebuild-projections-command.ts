import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { openProjectionDatabase } from '../../projections/engine/projection-database';
import type {
  ProjectionFailure,
  ProjectionStatus,
} from '../../projections/engine/projection-engine';
import { projectionList } from '../../projections/read-models/read-models';
import type { Config } from '../composition/config';
import { ImpossibleEventError } from '../domain/shared/impossible-event';
import { runConfiguration } from '../composition/demo-settings';
import type { EventStore, Subscription } from '../eventstore/port';
import { openReadModels } from '../composition/read-model-runtime';
import { PROGRESS_LOG_INTERVAL_MS } from '../limits';
import { withConfiguredStore } from './open-access';

/** Exit code of a command stopped by Ctrl-C (128 + SIGINT). */
const INTERRUPTED_EXIT = 130;

export interface RebuildOptions {
  /** Keep the saved checkpoints and continue from them (after an interruption). */
  resume: boolean;
  signal: AbortSignal;
  onPage?: (position: bigint, head: bigint) => void;
}

export interface RebuildResult {
  interrupted: boolean;
  head: bigint;
  projections: ProjectionStatus[];
}

/** Forgets every projection's state and checkpoint, so the engine folds all of `$all` again. */
function dropCheckpoints(config: Pick<Config, 'store' | 'dataDir'>): void {
  const database = openProjectionDatabase(config);
  try {
    database.prepare('DELETE FROM projection_state').run();
  } finally {
    database.close();
  }
}

/** A rebuild ends where catching up ends: no live following afterwards. */
const noLiveEvents = (): Subscription => ({
  caughtUp: Promise.resolve(),
  stop: () => Promise.resolve(),
  async *[Symbol.asyncIterator]() {},
});

/**
 * The store as the engine reads it during a rebuild: each page reported,
 * the event loop given a turn (so Ctrl-C is heard), and once interrupted no
 * further page, which the engine takes as caught up and saves where it is.
 */
function observedStore(store: EventStore, head: bigint, options: RebuildOptions): EventStore {
  return {
    ...store,
    async *readAllPages(pageOptions) {
      for await (const page of store.readAllPages(pageOptions)) {
        if (options.signal.aborted) return;
        options.onPage?.(page.at(-1)!.position, head);
        yield page;
        await nextTurn();
      }
    },
    subscribeToAll: noLiveEvents,
  };
}

/** An impossible event as its own error (it names its place); anything else named with the event's place. */
function rebuildFailure(projection: string, failure: ProjectionFailure): Error {
  if (failure.error instanceof ImpossibleEventError) return failure.error;
  const { streamId, revision, eventType, message } = failure;
  return new Error(
    `Proyeksi ${projection} gagal di aliran "${streamId}" revisi ${revision} (${eventType}) / ` +
      `projection ${projection} failed in stream "${streamId}" at revision ${revision} (${eventType}): ${message}`,
    { cause: failure.error },
  );
}

/**
 * Rebuilds every read model from the first event through the same engine the
 * server runs (src/composition/read-model-runtime.ts) and saves states and checkpoints.
 * Interrupted, it saves what it has applied; `resume` continues from there.
 * An event a read model cannot take fails the rebuild naming its stream,
 * revision and type (an impossible event as its ImpossibleEventError; what
 * the others applied is saved); so does one met when deferred folds are checked.
 */
export async function rebuildProjections(
  store: EventStore,
  config: Pick<Config, 'store' | 'dataDir'>,
  options: RebuildOptions,
): Promise<RebuildResult> {
  if (!options.resume) dropCheckpoints(config);
  const head = await store.headPosition();
  const readModels = openReadModels(observedStore(store, head, options), config);
  try {
    await readModels.engine.start();
    await readModels.engine.stop();
    const projections = await readModels.engine.status();
    const failed = projections.find((projection) => projection.failure);
    if (failed?.failure) throw rebuildFailure(failed.name, failed.failure);
    const interrupted = options.signal.aborted;
    if (!interrupted)
      for (const projection of projectionList(readModels.projections))
        projection.verify?.(readModels.engine.state(projection));
    return { interrupted, head, projections };
  } finally {
    readModels.close();
  }
}

function progressBar(stream: NodeJS.WriteStream = process.stderr) {
  return new SingleBar({
    stream,
    format:
      'rebuild-projections {bar} {percentage}% | posisi / position {value}/{total} | ETA {eta_formatted}',
    noTTYOutput: true,
    notTTYSchedule: PROGRESS_LOG_INTERVAL_MS,
    gracefulExit: false,
  });
}

/** `kasdesa rebuild-projections`: every read model again from the first event, with a progress bar. */
export function registerRebuildProjections(program: Command): void {
  program
    .command('rebuild-projections')
    .description('Bangun ulang model baca / rebuild the read models from the first event')
    .option(
      '--resume',
      'lanjutkan setelah Ctrl-C / continue after Ctrl-C from the saved checkpoints',
    )
    .action((options: { resume?: boolean }) =>
      withConfiguredStore(async (store) => {
        const { config } = runConfiguration();
        const controller = new AbortController();
        const abort = () => controller.abort();
        process.once('SIGINT', abort);
        const bar = progressBar();
        let started = false;
        const result = await rebuildProjections(store, config, {
          resume: options.resume === true,
          signal: controller.signal,
          onPage(position, head) {
            if (!started) bar.start(Number(head), 0);
            started = true;
            bar.update(Number(position));
          },
        }).finally(() => {
          process.off('SIGINT', abort);
          bar.stop();
        });
        const saved = result.projections
          .map((p) => `${p.name}@${p.checkpoint?.toString() ?? '-'}`)
          .join(', ');
        if (result.interrupted) {
          console.error(
            `Dihentikan; kemajuan disimpan / interrupted; progress saved (${saved}). ` +
              'Lanjutkan / continue: kasdesa rebuild-projections --resume',
          );
          process.exitCode = INTERRUPTED_EXIT;
          return;
        }
        console.log(`Model baca dibangun ulang / read models rebuilt to ${result.head}: ${saved}`);
      }),
    );
}
