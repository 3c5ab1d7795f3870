import type { Command } from 'commander';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { SYSTEM_ACTOR } from '../access/access-service';
import { ReferenceCatalog } from '../app/load-reference-data';
import { regionCodeSchema, regencyOf } from '../domain/shared/region-codes';
import type { EventStore } from '../eventstore/port';
import { SYNC_FILE_MAX_BYTES } from '../limits';
import { nodeSyncRecord, syncNode } from '../sync/node-sync';
import type { Divergence } from '../sync/quarantine';
import { RegencySync, type NodeCredential } from '../sync/regency-sync';
import type { BatchAnswer } from '../sync/sync-batch';
import { exportSyncFile, importSyncFile } from '../sync/sync-file';
import { lastContact } from '../sync/sync-contact';
import { syncStatusView } from '../sync/sync-record';
import { withConfiguredStore } from './open-access';
import { fetchTransport } from './sync-fetch-transport';
import { syncProgressBar } from './sync-progress';

/** The file a node keeps its credential in, as registration writes it. */
const credentialSchema = z.strictObject({
  nodeId: z.uuid(),
  villageCode: regionCodeSchema('village'),
  secret: z.string().min(1),
});

function readCredential(file: string): NodeCredential {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(
      `Berkas kredensial simpul tidak terbaca / node credential file unreadable: --credential ${file} (${String(error)})`,
      { cause: error },
    );
  }
  const credential = credentialSchema.safeParse(parsed);
  if (!credential.success)
    throw new Error(
      `Berkas kredensial simpul tidak sah / invalid node credential file: --credential ${file}`,
    );
  return credential.data;
}

const fiscalYears = (regencyCode: string) => new ReferenceCatalog().fiscalYears(regencyCode);

const regencySync = (store: EventStore, regencyCode: string) =>
  new RegencySync({ store, regencyCode, fiscalYears: () => fiscalYears(regencyCode) });

/** One line per stream: what the other side answered, in both languages. */
export function describeAnswer(answer: BatchAnswer): string {
  switch (answer.kind) {
    case 'appended':
      return `${answer.stream}: ditambahkan / appended, sampai revisi / through revision ${answer.acknowledged}`;
    case 'already':
      return `${answer.stream}: sudah ada / already there, sampai revisi / through revision ${answer.acknowledged}`;
    case 'gap':
      return `${answer.stream}: celah / gap, perlu mulai revisi / needs from revision ${answer.needsFrom}`;
    case 'diverged':
      return `${answer.stream}: BERBEDA, dikarantina / DIVERGED, quarantined at revision ${answer.revision}`;
    case 'refused':
      return `${answer.stream}: ditolak / refused (${answer.rule}${answer.revision === undefined ? '' : ` @${answer.revision}`})`;
  }
}

function describeQuarantine(
  divergence: Omit<Divergence, 'revision'> & { revision: bigint | string },
): string {
  return (
    `KARANTINA / QUARANTINED ${divergence.stream} @${divergence.revision}: ` +
    `dipegang / held ${divergence.heldId} (${divergence.heldHash}), ` +
    `dikirim / sent ${divergence.sentId} (${divergence.sentHash})`
  );
}

/** `kasdesa sync …`: village node credentials, push over HTTPS, the signed file, and the status. */
export function registerSyncCommands(program: Command): void {
  const sync = program
    .command('sync')
    .description('Sinkronisasi simpul desa luring / offline village node sync');

  sync
    .command('register-node')
    .description(
      'Daftarkan simpul desa (di server kabupaten); rahasianya hanya diberikan sekali / register a village node (on the regency server); its secret is given once',
    )
    .requiredOption('--village <code>', 'kode desa / village code, e.g. 35.10.01.2001')
    .requiredOption(
      '--out <file>',
      'berkas kredensial untuk simpul / the credential file for the node',
    )
    .action((options: { village: string; out: string }) =>
      withConfiguredStore(async (store, access) => {
        const credential = await regencySync(store, access.regencyCode).registerNode(
          options.village,
          SYSTEM_ACTOR,
        );
        writeFileSync(options.out, `${JSON.stringify(credential, null, 2)}\n`, {
          mode: 0o600,
          flag: 'wx',
        });
        console.log(
          `Simpul desa terdaftar / village node registered: ${credential.nodeId} (${credential.villageCode})`,
        );
        console.log(
          `Kredensial ditulis ke / credential written to ${options.out}: bawa ke simpul, jangan disalin lagi / take it to the node, do not copy it elsewhere`,
        );
      }),
    );

  sync
    .command('revoke-node')
    .description('Cabut kredensial simpul desa / revoke a village node’s credential')
    .requiredOption('--node <id>', 'id simpul / node id')
    .action((options: { node: string }) =>
      withConfiguredStore(async (store, access) => {
        await regencySync(store, access.regencyCode).revokeNode(options.node, SYSTEM_ACTOR);
        console.log(`Simpul dicabut / node revoked: ${options.node}`);
      }),
    );

  sync
    .command('push')
    .description(
      'Kirim peristiwa desa ke kabupaten lalu ambil aliran kabupaten (HTTPS) / push the village’s events, then pull the regency’s streams (HTTPS)',
    )
    .requiredOption(
      '--to <url>',
      'alamat server kabupaten / the regency server, e.g. https://kasdesa.example.go.id',
    )
    .requiredOption('--credential <file>', 'berkas kredensial simpul / node credential file')
    .action((options: { to: string; credential: string }) =>
      withConfiguredStore(async (store) => {
        const credential = readCredential(options.credential);
        const progress = syncProgressBar();
        const report = await syncNode({
          store,
          nodeId: credential.nodeId,
          villageCode: credential.villageCode,
          fiscalYears: fiscalYears(regencyOf(credential.villageCode)),
          transport: fetchTransport(options.to, credential.secret),
          onProgress: progress.update,
        }).finally(progress.stop);
        for (const answer of report.pushed.values())
          console.log(`kirim / push  ${describeAnswer(answer)}`);
        for (const answer of report.pulled.values())
          console.log(`ambil / pull  ${describeAnswer(answer)}`);
        if (report.evaluationsTakenIn > 0)
          console.log(
            `Evaluasi Camat diterima desa / camat's evaluations taken in: ${report.evaluationsTakenIn}`,
          );
        if (report.pushed.size + report.pulled.size === 0)
          console.log('Tidak ada yang baru di kedua sisi / nothing new on either side');
        for (const divergence of report.quarantined.alerts())
          console.log(describeQuarantine(divergence));
        console.log(`Sinkronisasi selesai / sync finished: ${new Date().toISOString()}`);
        if (report.quarantined.alerts().length > 0) process.exitCode = 1;
      }),
    );

  sync
    .command('export')
    .description(
      'Tulis peristiwa desa ke berkas bertanda tangan (dibawa dengan tangan) / write the village’s events to a signed file (carried by hand)',
    )
    .requiredOption('--to <file>', 'berkas tujuan / the file to write')
    .requiredOption('--credential <file>', 'berkas kredensial simpul / node credential file')
    .action((options: { to: string; credential: string }) =>
      withConfiguredStore(async (store) => {
        const credential = readCredential(options.credential);
        const { bytes, batches } = await exportSyncFile({
          store,
          credential,
          fiscalYears: fiscalYears(regencyOf(credential.villageCode)),
          now: new Date(),
        });
        writeFileSync(options.to, bytes, { flag: 'wx' });
        const events = batches.reduce((sum, batch) => sum + batch.events.length, 0);
        console.log(
          `Berkas ditulis / file written: ${options.to} (${events} peristiwa / events, ${bytes.length} bytes, ed25519)`,
        );
      }),
    );

  sync
    .command('import <file>')
    .description(
      'Terapkan berkas sinkronisasi bertanda tangan (di server kabupaten) / apply a signed sync file (on the regency server)',
    )
    .action((file: string) =>
      withConfiguredStore(async (store, access) => {
        if (statSync(file).size > SYNC_FILE_MAX_BYTES)
          throw new Error(
            `Berkas terlalu besar / file too large: ${file} > ${SYNC_FILE_MAX_BYTES} bytes`,
          );
        const outcome = await importSyncFile(
          regencySync(store, access.regencyCode),
          readFileSync(file),
        );
        console.log(
          `Berkas dari simpul / file from node ${outcome.nodeId} (${outcome.villageCode}): tanda tangan sah / signature valid`,
        );
        const last = new Map(outcome.answers.map((answer) => [answer.stream, answer]));
        for (const answer of last.values()) console.log(describeAnswer(answer));
        if ([...last.values()].some((answer) => answer.kind === 'diverged')) process.exitCode = 1;
      }),
    );

  sync
    .command('lift-quarantine')
    .description(
      'Akhiri karantina aliran setelah kedua sisi disamakan / end a stream’s quarantine once both sides agree again',
    )
    .requiredOption('--stream <stream>', 'aliran / stream, e.g. village-35.10.01.2001-2025')
    .option(
      '--credential <file>',
      'di simpul desa: karantina simpul ini / on a village node: this node’s quarantine',
    )
    .action((options: { stream: string; credential?: string }) =>
      withConfiguredStore(async (store, access) => {
        const record = options.credential
          ? nodeSyncRecord(store, readCredential(options.credential).villageCode)
          : regencySync(store, access.regencyCode).record;
        await record.liftQuarantine(options.stream, SYSTEM_ACTOR);
        console.log(`Karantina diakhiri / quarantine lifted: ${options.stream}`);
      }),
    );

  sync
    .command('status')
    .description('Simpul desa dan aliran yang dikarantina / village nodes and quarantined streams')
    .option(
      '--credential <file>',
      'di simpul desa: karantina simpul ini / on a village node: this node’s quarantines',
    )
    .option('--json', 'cetak sebagai JSON / print as JSON')
    .action((options: { credential?: string; json?: boolean }) =>
      withConfiguredStore(async (store, access) => {
        const node = options.credential ? readCredential(options.credential) : undefined;
        const view = syncStatusView(
          node
            ? await nodeSyncRecord(store, node.villageCode).state()
            : await regencySync(store, access.regencyCode).status(),
        );
        const lastSync = node && ((await lastContact(store, node.villageCode)) ?? null);
        if (options.json) {
          console.log(JSON.stringify(node ? { ...view, lastSync } : view, null, 2));
          return;
        }
        if (node)
          console.log(
            `simpul ini / this node ${node.nodeId} (${node.villageCode}): sinkron terakhir / last sync ${lastSync ?? '-'}`,
          );
        for (const listed of view.nodes)
          console.log(
            `simpul / node ${listed.nodeId} ${listed.villageCode} terdaftar / registered ${listed.registeredAt}, ` +
              `sinkron terakhir / last sync ${listed.lastSync ?? '-'}` +
              (listed.revoked ? ' DICABUT / REVOKED' : ''),
          );
        for (const divergence of view.quarantined) console.log(describeQuarantine(divergence));
        if (view.quarantined.length === 0)
          console.log('Tidak ada aliran dikarantina / no stream quarantined');
      }),
    );
}
