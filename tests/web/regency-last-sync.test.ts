import { SYSTEM_ACTOR } from '../../src/access/access-service';
import { RegencySync } from '../../src/sync/regency-sync';
import { webPages } from '../../src/web/web-pages';
import { startFullYearApp } from '../http/full-year-app';
import { OTHER_VILLAGE, REGENCY, VILLAGE, YEAR } from '../http/support';
import { signedInAgent } from './support/web-agent';

/** The text of a village row's last-sync cell on the monitoring table. */
function lastSyncCell(html: string, village: string): string | undefined {
  const row = html.split(`<tr data-village="${village}">`)[1]?.split('</tr>')[0];
  return row?.match(/<td data-label="Sinkronisasi terakhir">([^<]*)<\/td>/)?.[1];
}

describe('the regency monitoring table’s last sync column', () => {
  test('shows each village node’s last sync as the sync status records it, and villages without a node', async () => {
    const { server, app, close } = await startFullYearApp({
      pages: webPages,
      runYear: async () => undefined,
    });
    try {
      const regency = new RegencySync({
        store: server.store,
        regencyCode: REGENCY,
        fiscalYears: () => [YEAR],
      });
      const synced = await regency.registerNode(VILLAGE, SYSTEM_ACTOR);
      await regency.registerNode(OTHER_VILLAGE, SYSTEM_ACTOR);
      await regency.noteContact((await regency.status()).nodes.get(synced.nodeId)!);
      const recorded = (await regency.lastContact(VILLAGE))!;
      // Banyuwangi keeps WIB: seven hours ahead of UTC.
      const wib = new Date(Date.parse(recorded) + 7 * 3_600_000).toISOString();
      const [year, month, day] = wib.slice(0, 10).split('-');

      const page = await (
        await signedInAgent(app, 'regencyfinance')
      )
        .get(`/kabupaten?tahun=${YEAR}`)
        .expect(200);
      expect(page.text).toContain('Sinkronisasi terakhir');
      expect(lastSyncCell(page.text, VILLAGE)).toBe(
        `${day}/${month}/${year} ${wib.slice(11, 16)} WIB`,
      );
      expect(lastSyncCell(page.text, OTHER_VILLAGE)).toBe('belum pernah');
      expect(lastSyncCell(page.text, '35.10.01.2002')).toBe('tanpa simpul');
    } finally {
      await close();
    }
  }, 180_000);
});
