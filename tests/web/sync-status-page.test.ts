import { SYSTEM_ACTOR } from '../../src/access/access-service';
import { villageStreamId } from '../../src/domain/village/decider';
import { RegencySync } from '../../src/sync/regency-sync';
import { webPages } from '../../src/web/web-pages';
import { REGENCY, startTestServer, VILLAGE, YEAR } from '../http/support';
import { signedInAgent } from './support/web-agent';

const STREAM = villageStreamId(VILLAGE, YEAR);
const HELD = 'a'.repeat(64);
const SENT = 'b'.repeat(64);

describe('the regency’s sync status page', () => {
  test('lists each village node with its last sync, and every quarantined stream with both events', async () => {
    const server = await startTestServer({ pages: webPages });
    const regency = new RegencySync({
      store: server.store,
      regencyCode: REGENCY,
      fiscalYears: () => [YEAR],
    });
    const registered = await regency.registerNode(VILLAGE, SYSTEM_ACTOR);
    const admin = await signedInAgent(server.app, 'administrator');
    const before = await admin.get('/kabupaten/sinkronisasi').expect(200);
    expect(before.text).toContain('Tidak ada aliran dikarantina.');
    expect(before.text).toContain(registered.nodeId);
    expect(before.text).toContain('belum pernah');

    const node = (await regency.status()).nodes.get(registered.nodeId)!;
    await regency.noteContact(node);
    await regency.record.quarantine({
      stream: STREAM,
      revision: 12n,
      heldId: 'held-event',
      sentId: 'sent-event',
      heldHash: HELD,
      sentHash: SENT,
    });
    const page = await admin.get('/kabupaten/sinkronisasi').expect(200);
    const contact = (await regency.status()).lastSync.get(VILLAGE)!;
    expect(page.text).toContain(`${contact.slice(11, 16)} UTC`);
    expect(page.text).not.toContain('belum pernah');
    expect(page.text).toContain(`data-stream="${STREAM}"`);
    for (const shown of ['held-event', 'sent-event', HELD.slice(0, 16), SENT.slice(0, 16)])
      expect(page.text).toContain(shown);
    expect(page.text).toContain('href="/kabupaten/sinkronisasi"');
  });

  test('is refused to a village role', async () => {
    const server = await startTestServer({ pages: webPages });
    const treasurer = await signedInAgent(server.app, 'treasurer');
    const refused = await treasurer.get('/kabupaten/sinkronisasi').expect(403);
    expect(refused.text).toContain('ROLE_NOT_PERMITTED');
    expect(refused.text).not.toContain('href="/kabupaten/sinkronisasi"');
  });
});
