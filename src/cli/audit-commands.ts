import type { Command } from 'commander';
import {
  figureHistory,
  HISTORY_KINDS,
  lineAcrossVersions,
  type HistoryKind,
} from '../audit/history';
import { clocksSchema, villageStateAt, type Replayed } from '../audit/time-travel';
import { runConfiguration } from '../composition/demo-settings';
import { balancesOf } from '../domain/village/books';
import type { VillageState } from '../domain/village/state';
import { openStore } from '../composition/open-store';
import type { EventStore } from '../eventstore/port';
import { toJsonValue } from '../domain/shared/json-value';

interface VillageYearOptions {
  village: string;
  year: string;
  json?: boolean;
}

async function onStore<T>(action: (store: EventStore) => Promise<T>): Promise<T> {
  const store = openStore(runConfiguration().config);
  try {
    return await action(store);
  } finally {
    await store.close();
  }
}

function printJson(value: unknown): void {
  console.log(JSON.stringify(toJsonValue(value), null, 2));
}

function printReplay(replayed: Replayed<VillageState>): void {
  const { state } = replayed;
  console.log(
    `${replayed.streamId}: ${replayed.eventsApplied} peristiwa dilipat, ${replayed.eventsLeftOut} ditinggalkan / events folded, left out (revisi / revision ${replayed.revision ?? '-'})`,
  );
  for (const version of state.budget.versions)
    console.log(`APBDes ${version.label}: ${version.lines.size} baris / lines`);
  for (const [account, amount] of balancesOf(state.books, 'cash'))
    console.log(`kas / cash ${account}: ${amount.toFixed(2)}`);
  const statuses = new Map<string, number>();
  for (const request of state.paymentRequests.values())
    statuses.set(request.status, (statuses.get(request.status) ?? 0) + 1);
  for (const [status, count] of statuses) console.log(`SPP ${status}: ${count}`);
  console.log(`bulan ditutup / last closed month: ${state.closing.lastClosedMonth ?? '-'}`);
}

const villageYear = (command: Command) =>
  command
    .requiredOption('--village <code>', 'kode desa / village code, e.g. 35.10.01.2001')
    .requiredOption('--year <year>', 'tahun anggaran / fiscal year')
    .option('--json', 'cetak sebagai JSON / print as JSON');

/**
 * `kasdesa replay` and `kasdesa history`: a village year as it stood at any
 * time, and the events behind any figure, read from the events alone.
 */
export function registerAuditCommands(program: Command): void {
  villageYear(
    program
      .command('replay')
      .description(
        'Bangun ulang keadaan desa dari peristiwa / rebuild a village state from its events',
      ),
  )
    .option('--as-of <date>', 'tanggal bisnis / business date (YYYY-MM-DD)')
    .option('--known-at <instant>', 'waktu tercatat / recorded time (ISO 8601)')
    .action((options: VillageYearOptions & { asOf?: string; knownAt?: string }) =>
      onStore(async (store) => {
        const clocks = clocksSchema.parse({ asOf: options.asOf, knownAt: options.knownAt });
        const replayed = await villageStateAt(store, options.village, Number(options.year), clocks);
        if (options.json) printJson(replayed);
        else printReplay(replayed);
      }),
    );

  villageYear(
    program
      .command('history <kind> <id>')
      .description(
        `Riwayat angka: peristiwa, pelaku, waktu, alasan / a figure's history; kind = ${HISTORY_KINDS.join(' | ')}`,
      ),
  )
    .option('--source <code>', 'sumber dana sel akun / the fund source of an account cell')
    .option('--versions', 'baris anggaran di setiap versi / a budget line across budget versions')
    .action(
      (
        kind: string,
        id: string,
        options: VillageYearOptions & { source?: string; versions?: boolean },
      ) =>
        onStore(async (store) => {
          if (!(HISTORY_KINDS as readonly string[]).includes(kind))
            throw new Error(`jenis tidak dikenal / unknown kind: ${kind}`);
          const year = Number(options.year);
          if (options.versions) {
            printJson(await lineAcrossVersions(store, options.village, year, id));
            return;
          }
          const history = await figureHistory(store, options.village, year, {
            kind: kind as HistoryKind,
            id,
            ...(options.source ? { source: options.source } : {}),
          });
          if (options.json) {
            printJson(history);
            return;
          }
          for (const item of history.events)
            console.log(
              [
                `#${item.revision}`,
                item.type,
                item.businessDate ?? '-',
                item.recordedAt,
                `${item.who.displayName} (${item.who.role}, ${item.who.id})`,
                ...item.why,
                ...(item.reverses ? [`membalik / reverses ${item.reverses}`] : []),
                ...item.reversedBy.map((r) => `dibalik oleh / reversed by ${r}`),
              ].join('  '),
            );
          console.log(`${history.events.length} peristiwa / events`);
        }),
    );
}
