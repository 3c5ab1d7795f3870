import type { Command } from 'commander';
import type { ProjectionStatus } from '../../projections/engine/projection-engine';
import { hasActiveAdministrator } from '../access/state';
import { runConfiguration } from '../composition/demo-settings';
import type { EventStore } from '../eventstore/port';
import { openReadModels } from '../composition/read-model-runtime';
import { withConfiguredStore } from './open-access';

/** Counts streams, and the events each saved checkpoint has not seen yet, by walking `$all` once. */
async function countStreams(
  store: EventStore,
  checkpoints: readonly (bigint | undefined)[],
): Promise<{ streams: number; events: number; behind: number[] }> {
  const streams = new Set<string>();
  const behind = checkpoints.map(() => 0);
  let events = 0;
  for await (const page of store.readAllPages()) {
    for (const event of page) {
      streams.add(event.streamId);
      checkpoints.forEach((checkpoint, index) => {
        if (checkpoint === undefined || event.position > checkpoint) behind[index]! += 1;
      });
    }
    events += page.length;
  }
  return { streams: streams.size, events, behind };
}

/** The saved projections as the next start would restore them (a new version starts from zero). */
async function savedProjections(store: EventStore): Promise<ProjectionStatus[]> {
  const readModels = openReadModels(store, runConfiguration().config);
  try {
    return await readModels.engine.status();
  } finally {
    readModels.close();
  }
}

/** `kasdesa status`: store head, stream and event counts, users, and each projection's lag. */
export function registerStatus(program: Command): void {
  program
    .command('status')
    .description(
      'Tampilkan keadaan penyimpanan dan proyeksi / show the store and projection status',
    )
    .option('--json', 'cetak sebagai JSON / print as JSON')
    .action((options: { json?: boolean }) =>
      withConfiguredStore(async (store, access) => {
        const saved = await savedProjections(store);
        const counts = await countStreams(
          store,
          saved.map((projection) => projection.checkpoint),
        );
        const { state } = await access.load();
        const status = {
          headPosition: (await store.headPosition()).toString(),
          streams: counts.streams,
          events: counts.events,
          accessStream: access.streamId,
          users: state.users.size,
          administrator: hasActiveAdministrator(state),
          projections: saved.map((projection, index) => ({
            name: projection.name,
            version: projection.version,
            checkpoint: projection.checkpoint?.toString() ?? null,
            eventsBehind: counts.behind[index]!,
            caughtUp: counts.behind[index] === 0,
          })),
        };
        if (options.json) {
          console.log(JSON.stringify(status, null, 2));
          return;
        }
        console.log(`posisi kepala / head position: ${status.headPosition}`);
        console.log(`aliran / streams: ${status.streams}, peristiwa / events: ${status.events}`);
        console.log(
          `pengguna / users: ${status.users} (${status.accessStream}), administrator aktif / active administrator: ${status.administrator ? 'ya / yes' : 'tidak / no'}`,
        );
        for (const projection of status.projections)
          console.log(
            `proyeksi / projection ${projection.name} v${projection.version}: posisi / checkpoint ${projection.checkpoint ?? '-'}, ` +
              `tertinggal / behind ${projection.eventsBehind} peristiwa / events`,
          );
      }),
    );
}
