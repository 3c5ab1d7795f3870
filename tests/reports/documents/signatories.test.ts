import { createAccessService } from '../../../src/access/access-service';
import type { Role } from '../../../src/access/roles';
import type { ReferenceData } from '../../../src/domain/reference/reference-data';
import { createMemoryStore } from '../../../src/eventstore/memory';
import { reportDocument } from '../../../src/reports/signatories';
import {
  dateInWords,
  monthInWords,
  periodInWords,
  signatureColumns,
  signatureSlots,
} from '../../../src/reports/render/document';
import { documentCellText } from '../../../src/reports/render/cell-text';
import { printable } from '../../../src/reports/render/pdf';

const REGENCY = '35.10';
const VILLAGE = '35.10.01.2001';
const OTHER_VILLAGE = '35.10.01.2002';
const admin = { id: 'admin', role: 'administrator', displayName: 'Admin' } as const;

/** Only what the document frame reads of the year's reference data. */
const reference = {
  regency: { code: REGENCY, name: 'Kabupaten Banyuwangi' },
  timeZone: 'Asia/Jakarta',
  villages: new Map([[VILLAGE, { code: VILLAGE, name: 'Sukamaju' }]]),
  policy: { reportPaper: 'F4' },
} as unknown as ReferenceData;

/** An access stream whose events are recorded at the instants the test sets. */
function ledgerAt() {
  let now = new Date('2025-01-02T02:00:00Z');
  const store = createMemoryStore(() => now);
  const access = createAccessService({ store, regencyCode: REGENCY });
  let next = 0;
  return {
    store,
    at: (instant: string) => {
      now = new Date(instant);
    },
    register: (userId: string, displayName: string, role: Role, scope: string) =>
      access.execute(admin, `c${(next += 1)}`, 'RegisterUser', {
        userId,
        username: userId,
        displayName,
        role,
        scope,
        passwordHash: 'scrypt$1$2$3$c2FsdA$aGFzaA',
      }),
    assign: (userId: string, role: Role, scope: string) =>
      access.execute(admin, `c${(next += 1)}`, 'AssignUserRole', { userId, role, scope }),
    deactivate: (userId: string) =>
      access.execute(admin, `c${(next += 1)}`, 'DeactivateUser', { userId, reason: 'pensiun' }),
  };
}

const village = (store: ReturnType<typeof ledgerAt>['store'], date: string) =>
  reportDocument(store, { scope: 'village', code: VILLAGE, reference, date });

describe('the signature block names who held the office on the report date', () => {
  test('officers by role and village, as of the end of the date in the regency time zone', async () => {
    const ledger = ledgerAt();
    await ledger.register('kades', 'H. Slamet Riyadi', 'villageHead', VILLAGE);
    await ledger.register('bendahara-lain', 'Nur Aini', 'treasurer', OTHER_VILLAGE);
    // 20:00 UTC on 31 March is 03:00 on 1 April in Jakarta: not yet in office on 31 March.
    ledger.at('2025-03-31T20:00:00Z');
    await ledger.register('bendahara', 'Siti Rahayu', 'treasurer', VILLAGE);
    ledger.at('2025-06-10T03:00:00Z');
    await ledger.deactivate('kades');
    await ledger.register('kades-baru', 'Agus Prasetyo', 'villageHead', VILLAGE);
    ledger.at('2025-09-01T03:00:00Z');
    await ledger.assign('bendahara', 'treasurer', OTHER_VILLAGE);

    const march = await village(ledger.store, '2025-03-31');
    // No Kaur Keuangan recorded by 31 March: the first one recorded after it signs.
    expect(march).toEqual({
      paper: 'F4',
      place: 'Sukamaju',
      date: '2025-03-31',
      signatories: [
        { heading: 'Mengetahui,', title: 'Kepala Desa Sukamaju', name: 'H. Slamet Riyadi' },
        { heading: '', title: 'Kaur Keuangan', name: 'Siti Rahayu' },
      ],
    });
    expect((await village(ledger.store, '2025-04-01')).signatories.map((s) => s.name)).toEqual([
      'H. Slamet Riyadi',
      'Siti Rahayu',
    ]);
    expect((await village(ledger.store, '2025-06-30')).signatories.map((s) => s.name)).toEqual([
      'Agus Prasetyo',
      'Siti Rahayu',
    ]);
    // The Kaur Keuangan moved to another village on 1 September: an office held before, vacant now.
    expect((await village(ledger.store, '2025-12-31')).signatories.map((s) => s.name)).toEqual([
      'Agus Prasetyo',
      null,
    ]);
  });

  test('officers recorded after the years a village brings along sign those years; a later change does not alter them', async () => {
    const ledger = ledgerAt();
    ledger.at('2026-02-02T03:00:00Z');
    await ledger.register('kades', 'H. Slamet Riyadi', 'villageHead', VILLAGE);
    await ledger.register('bendahara-lain', 'Nur Aini', 'treasurer', OTHER_VILLAGE);
    ledger.at('2026-05-04T03:00:00Z');
    await ledger.register('bendahara', 'Siti Rahayu', 'treasurer', VILLAGE);
    ledger.at('2026-09-01T03:00:00Z');
    await ledger.deactivate('kades');
    await ledger.register('kades-baru', 'Agus Prasetyo', 'villageHead', VILLAGE);

    expect((await village(ledger.store, '2019-12-31')).signatories.map((s) => s.name)).toEqual([
      'H. Slamet Riyadi',
      'Siti Rahayu',
    ]);
    expect((await village(ledger.store, '2026-03-31')).signatories.map((s) => s.name)).toEqual([
      'H. Slamet Riyadi',
      'Siti Rahayu',
    ]);
    expect((await village(ledger.store, '2026-12-31')).signatories.map((s) => s.name)).toEqual([
      'Agus Prasetyo',
      'Siti Rahayu',
    ]);
  });

  test('an office no one ever held shows a line to write the name on', async () => {
    const ledger = ledgerAt();
    await ledger.register('kades', 'H. Slamet Riyadi', 'villageHead', VILLAGE);
    expect((await village(ledger.store, '2025-06-30')).signatories.map((s) => s.name)).toEqual([
      'H. Slamet Riyadi',
      null,
    ]);
  });

  test('a regency report is signed by its finance office; the place is the regency without "Kabupaten"', async () => {
    const ledger = ledgerAt();
    await ledger.register('dpmd', 'Dra. Wiwik Handayani', 'regencyFinance', REGENCY);
    const document = await reportDocument(ledger.store, {
      scope: 'regency',
      code: REGENCY,
      reference,
      date: '2025-08-01',
    });
    expect(signatureColumns(document)).toEqual([
      {
        top: 'Banyuwangi, 1 Agustus 2025',
        title: 'Kepala Dinas Pemberdayaan Masyarakat dan Desa Kabupaten Banyuwangi',
        name: 'Dra. Wiwik Handayani',
      },
    ]);
  });

  test("the regency's signing office as its policy titles it", async () => {
    const title = 'Kepala Badan Pengelolaan Keuangan dan Aset Daerah Kabupaten Banyuwangi';
    const document = await reportDocument(ledgerAt().store, {
      scope: 'regency',
      code: REGENCY,
      reference: {
        ...reference,
        policy: { ...reference.policy, regencySignatoryTitle: title },
      },
      date: '2025-08-01',
    });
    expect(document.signatories).toEqual([{ heading: '', title, name: null }]);
  });
});

describe('document text', () => {
  test('periods and dates in words', () => {
    expect(monthInWords('2025-04')).toBe('Bulan April 2025');
    expect(dateInWords('2025-08-01')).toBe('1 Agustus 2025');
    expect(periodInWords({ from: '2025-01-01', to: '2025-06-30' })).toBe('Semester I Tahun 2025');
    expect(periodInWords({ from: '2025-07-01', to: '2025-12-31' })).toBe('Semester II Tahun 2025');
    expect(periodInWords({ from: '2025-01-01', to: '2025-12-31' })).toBe('Tahun Anggaran 2025');
    expect(periodInWords({ from: '2025-02-01', to: '2025-03-15' })).toBe(
      '1 Februari 2025 s.d. 15 Maret 2025',
    );
  });

  test('cells as printed: whole rupiah with dots, negatives in brackets, dd/mm/yyyy, 0 % without budget', () => {
    const column = (kind: 'amount' | 'percent' | 'date' | 'quantity') => ({
      key: 'k',
      header: 'h',
      kind,
      width: 10,
    });
    expect(documentCellText(column('amount'), '1149948150.00')).toBe('1.149.948.150');
    expect(documentCellText(column('amount'), '-2500000.50')).toBe('(2.500.001)');
    expect(documentCellText(column('amount'), '0.00')).toBe('0');
    expect(documentCellText(column('percent'), '87.5')).toBe('87,50');
    expect(documentCellText(column('percent'), '0.00')).toBe('0,00');
    expect(documentCellText(column('quantity'), '1250.50')).toBe('1.250,5');
    expect(documentCellText(column('date'), '2025-04-10')).toBe('10/04/2025');
  });

  test('PDF text keeps to the standard fonts: the few other characters typed out, the rest "?"', () => {
    expect(printable('RKPDes → APBDes − 5 ≥ 2 “é” — Σ ✓')).toBe(
      'RKPDes – APBDes - 5 >= 2 “é” — Jumlah ?',
    );
  });

  test('two signatories share the width; a lone one signs on the right half', () => {
    expect(signatureSlots(8, 2)).toEqual([
      [0, 3],
      [4, 7],
    ]);
    expect(signatureSlots(7, 1)).toEqual([[4, 6]]);
    expect(signatureSlots(100, 3)).toEqual([
      [0, 32],
      [33, 66],
      [67, 99],
    ]);
  });
});
