import { createLedger } from '../../src/app/ledger';
import type { TimeZone } from '../../src/domain/shared/local-date';
import { webPages } from '../../src/web/web-pages';
import { startTestServer, YEAR } from '../http/support';
import { buildRealisticVillage } from '../support/realistic-village';
import { referenceInTimeZone } from '../support/time-zone-reference';
import { signedInAgent } from './support/web-agent';

/** The treasurer's home of a village with no month closed yet, in a regency of `timeZone`, the clock at each instant. */
async function treasurerHomesAt(timeZone: TimeZone, instants: string[]): Promise<string[]> {
  const reference = referenceInTimeZone(timeZone);
  let now = new Date(0);
  try {
    const server = await startTestServer({
      pages: webPages,
      reference: reference.catalog,
      clock: () => now,
    });
    await buildRealisticVillage(createLedger({ store: server.store }));
    const agent = await signedInAgent(server.app, 'treasurer');
    const homes: string[] = [];
    for (const instant of instants) {
      now = new Date(instant);
      homes.push((await agent.get(`/beranda?tahun=${YEAR}`).expect(200)).text);
    }
    return homes;
  } finally {
    reference.remove();
  }
}

const FEBRUARY_CLOSING = `Tutup buku Februari ${YEAR}`;
const JANUARY_CLOSING = `Tutup buku Januari ${YEAR}`;

describe("the home's waiting work is as of the regency's local date", () => {
  it('23:30 UTC on 31 January is 1 February in a WIT regency: February waits to be closed too', async () => {
    const [home] = await treasurerHomesAt('Asia/Jayapura', [`${YEAR}-01-31T23:30:00Z`]);
    expect(home).toContain(JANUARY_CLOSING);
    expect(home).toContain(FEBRUARY_CLOSING);
  }, 120_000);

  it('in a WIB regency February waits from 17:00 UTC on 31 January (midnight local), not at 16:30 (23:30 local)', async () => {
    const [before, after] = await treasurerHomesAt('Asia/Jakarta', [
      `${YEAR}-01-31T16:30:00Z`,
      `${YEAR}-01-31T17:30:00Z`,
    ]);
    expect(before).toContain(JANUARY_CLOSING);
    expect(before).not.toContain(FEBRUARY_CLOSING);
    expect(after).toContain(FEBRUARY_CLOSING);
  }, 120_000);
});
