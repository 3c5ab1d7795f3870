import type { Command } from 'commander';
import { hasActiveAdministrator } from '../access/state';
import type { EventStore } from '../eventstore/port';
import { withConfiguredStore } from './open-access';

/** Counts streams by walking `$all` once, page by page. */
async function countStreams(store: EventStore): Promise<{ streams: number; events: number }> {
  const streams = new Set<string>();
  let events = 0;
  let after: bigint | undefined;
  for (;;) {
    const page = await store.readAll({ after });
    for (const event of page) streams.add(event.streamId);
    events += page.length;
    if (page.length === 0) break;
    after = page[page.length - 1]!.position;
  }
  return { streams: streams.size, events };
}

/** `kasdesa status`: store head, stream and event counts, users. */
export function registerStatus(program: Command): void {
  program
    .command('status')
    .description('Tampilkan keadaan penyimpanan / show the store status')
    .option('--json', 'cetak sebagai JSON / print as JSON')
    .action((options: { json?: boolean }) =>
      withConfiguredStore(async (store, access) => {
        const counts = await countStreams(store);
        const { state } = await access.load();
        const status = {
          headPosition: (await store.headPosition()).toString(),
          streams: counts.streams,
          events: counts.events,
          accessStream: access.streamId,
          users: state.users.size,
          administrator: hasActiveAdministrator(state),
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
      }),
    );
}
