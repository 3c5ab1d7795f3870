import { createLedger } from '../../src/app/ledger';
import type { TimeZone } from '../../src/domain/shared/local-date';
import { webPages } from '../../src/web/web-pages';
import { startTestServer, YEAR } from '../http/support';
import { buildRealisticVillage } from '../support/realistic-village';
import { referenceInTimeZone } from '../support/time-zone-reference';
import { signedInAgent } from './support/web-agent';

/** A treasurer's page of a village with no month closed yet, in a regency of `timeZone`, the clock at each instant. */
async function treasurerPagesAt(
  timeZone: TimeZone,
  instants: string[],
  path = `/beranda?tahun=${YEAR}`,
): Promise<string[]> {
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
      homes.push((await agent.get(path).expect(200)).text);
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
    const [home] = await treasurerPagesAt('Asia/Jayapura', [`${YEAR}-01-31T23:30:00Z`]);
    expect(home).toContain(JANUARY_CLOSING);
    expect(home).toContain(FEBRUARY_CLOSING);
  }, 120_000);

  it('in a WIB regency February waits from 17:00 UTC on 31 January (midnight local), not at 16:30 (23:30 local)', async () => {
    const [before, after] = await treasurerPagesAt('Asia/Jakarta', [
      `${YEAR}-01-31T16:30:00Z`,
      `${YEAR}-01-31T17:30:00Z`,
    ]);
    expect(before).toContain(JANUARY_CLOSING);
    expect(before).not.toContain(FEBRUARY_CLOSING);
    expect(after).toContain(FEBRUARY_CLOSING);
  }, 120_000);
});

describe("a form's business date starts at the regency's local today", () => {
  const RECEIPT_FORM = `/perintah/RecordReceipt?tahun=${YEAR}`;
  const dateInput = (page: string) => /<input id="f-date" name="date"[^>]*>/.exec(page)?.[0];

  it('23:30 UTC is the next day in a WIT regency; on 31 December that is next year, so no default', async () => {
    const [march, newYear] = await treasurerPagesAt(
      'Asia/Jayapura',
      [`${YEAR}-03-09T23:30:00Z`, `${YEAR}-12-31T23:30:00Z`],
      RECEIPT_FORM,
    );
    expect(dateInput(march!)).toContain(`value="10/03/${YEAR}"`);
    expect(dateInput(newYear!)).toBeDefined();
    expect(dateInput(newYear!)).not.toMatch(/value="[^"]/);
  }, 120_000);

  it('a date the link names wins over today', async () => {
    const [page] = await treasurerPagesAt(
      'Asia/Jakarta',
      [`${YEAR}-03-09T08:00:00Z`],
      `${RECEIPT_FORM}&date=${YEAR}-02-01`,
    );
    expect(dateInput(page!)).toContain(`value="01/02/${YEAR}"`);
  }, 120_000);
});
