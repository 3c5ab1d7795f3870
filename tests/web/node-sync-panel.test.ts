import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { SYSTEM_ACTOR } from '../../src/access/access-service';
import { ReferenceCatalog } from '../../src/app/load-reference-data';
import { villageProjectStreamId } from '../../src/domain/projects/project-decider';
import { villageStreamId } from '../../src/domain/village/decider';
import { nodeSyncRecord } from '../../src/sync/node-sync';
import { RegencySync } from '../../src/sync/regency-sync';
import { noteContact } from '../../src/sync/sync-contact';
import { webPages } from '../../src/web/web-pages';
import { bearer, REGENCY, startTestServer, VILLAGE, YEAR } from '../http/support';
import { villageRoad } from '../support/project-fixtures';
import { signedInAgent } from './support/web-agent';

const STREAM = villageStreamId(VILLAGE, YEAR);
const HOURS_AHEAD_OF_UTC = { 'Asia/Jakarta': 7, 'Asia/Makassar': 8, 'Asia/Jayapura': 9 };
const ZONE_NAMES = { 'Asia/Jakarta': 'WIB', 'Asia/Makassar': 'WITA', 'Asia/Jayapura': 'WIT' };

/** The instant as the regency's clock on the wall shows it, worked out by hand. */
function wallClock(iso: string): string {
  const zone = new ReferenceCatalog().get(YEAR, REGENCY).timeZone;
  const shifted = new Date(Date.parse(iso) + HOURS_AHEAD_OF_UTC[zone] * 3_600_000).toISOString();
  const [date, time] = [shifted.slice(0, 10), shifted.slice(11, 16)];
  const [year, month, day] = date.split('-');
  return `${day}/${month}/${year} ${time} ${ZONE_NAMES[zone]}`;
}

describe('the sync panel of a village node’s home', () => {
  test('is not shown on a server that is not a village node', async () => {
    const server = await startTestServer({ pages: webPages });
    const treasurer = await signedInAgent(server.app, 'treasurer');
    const home = await treasurer.get('/beranda').expect(200);
    expect(home.text).toContain('tahun anggaran');
    expect(home.text).not.toContain('Sinkronisasi');
  });

  test('shows the last sync in the regency’s time zone and each quarantined stream with what to do', async () => {
    const server = await startTestServer({ pages: webPages });
    await noteContact(server.store, { nodeId: randomUUID(), villageCode: VILLAGE });
    const secretary = await signedInAgent(server.app, 'secretary');
    const synced = await secretary.get('/beranda').expect(200);
    const recorded = (await server.store.readStream(`sync-contact-${VILLAGE}`))[0]!.recordedAt;
    expect(synced.text).toContain('Sinkronisasi');
    expect(synced.text).toContain(wallClock(recorded));
    expect(synced.text).not.toContain('role="alert"');

    await nodeSyncRecord(server.store, VILLAGE).quarantine({
      stream: STREAM,
      revision: 7n,
      heldId: 'held-event',
      sentId: 'sent-event',
      heldHash: 'a'.repeat(64),
      sentHash: 'b'.repeat(64),
    });
    const quarantined = await secretary.get('/beranda').expect(200);
    expect(quarantined.text).toContain(`data-stream="${STREAM}"`);
    expect(quarantined.text).toContain(`${STREAM}, revisi 7`);
    expect(quarantined.text).toContain('hubungi admin kabupaten');
  });

  test('counts the events of the village’s streams past what the regency acknowledged', async () => {
    const server = await startTestServer({ pages: webPages, villageNode: VILLAGE });
    const register = (projectId: string) =>
      request(server.app)
        .post('/api/v1/projects/village')
        .set(bearer(server.tokens.activityExecutor))
        .send(villageRoad({ villageCode: VILLAGE, projectId }))
        .expect(201);
    for (const projectId of ['rabat-krajan-2025', 'rabat-timur-2025', 'rabat-barat-2025'])
      await register(projectId);
    await noteContact(server.store, { nodeId: randomUUID(), villageCode: VILLAGE });
    await nodeSyncRecord(server.store, VILLAGE).acknowledge(
      new Map([[villageProjectStreamId(VILLAGE, 'rabat-krajan-2025'), 0n]]),
    );
    const secretary = await signedInAgent(server.app, 'secretary');
    const home = await secretary.get('/beranda').expect(200);
    expect(home.text).toContain('<strong data-waiting="true">2</strong> peristiwa');
  });

  test('is not shown on the regency’s server, which records contacts of the nodes it registered', async () => {
    const server = await startTestServer({ pages: webPages });
    const regency = new RegencySync({
      store: server.store,
      regencyCode: REGENCY,
      fiscalYears: () => [YEAR],
    });
    const registered = await regency.registerNode(VILLAGE, SYSTEM_ACTOR);
    await regency.noteContact((await regency.status()).nodes.get(registered.nodeId)!);
    const treasurer = await signedInAgent(server.app, 'treasurer');
    const home = await treasurer.get('/beranda').expect(200);
    expect(home.text).toContain('tahun anggaran');
    expect(home.text).not.toContain('Sinkronisasi');
  });
});
