import { figureHistory, OPENING_FIGURES_ID } from '../../src/audit/history';
import { balanceOf } from '../../src/domain/village/books';
import { monthBooks } from '../../src/reports/books/books-report';
import { fullYear, semesterOne } from '../../src/reports/realisation/periods';
import { villageRealisation } from '../../src/reports/realisation/village-realisation';
import { villageLedger } from '../../projections/read-models/village-ledger';
import { by, command, type RawCommand } from '../support/decider-specification';
import {
  issueFixture,
  enactedExecutionBudget,
  KAUR,
  reference,
  VILLAGE,
  YEAR,
} from '../support/village-fixtures';
import { openRegency } from '../support/realistic-village';
import { runDrafts } from '../support/scenario-driver';
import { allocationCommand, perbup } from '../../src/scenario/budget-commands';
import { startHarness, type Harness } from './support/harness';

/** The regency's year with the village's Dana Desa allocation the budget must match. */
async function allocate(harness: Harness) {
  await openRegency(harness.ledger);
  await runDrafts(harness.ledger, VILLAGE, 'regency', 'transfers', [
    allocationCommand(VILLAGE, 'DDS', '100000000', perbup('7 Tahun 2024', '2024-09-30')),
  ]);
}

async function run(harness: Harness, commands: RawCommand[]) {
  await allocate(harness);
  for (const raw of commands) await issueFixture(harness.ledger, VILLAGE, raw);
  await harness.settle();
  return villageLedger(harness.engine.state(harness.projections.villageLedger), VILLAGE, YEAR)!;
}

const openWithSilpaPending = () =>
  by(
    KAUR,
    command('OpenVillageFiscalYear', {
      openingBalances: { cashOnHand: '250000.00', bank: '9750000.00' },
      silpa: [],
      silpaToBeRecorded: true,
    }),
  );

describe('SiLPA realised on the day it was booked', () => {
  let harness: Harness;
  beforeEach(async () => {
    harness = await startHarness(reference);
  });
  afterEach(() => harness.stop());

  test('booked in July: unrealised in semester I, realised over the whole year', async () => {
    const ledger = await run(harness, [
      openWithSilpaPending(),
      ...enactedExecutionBudget().slice(1),
      by(
        KAUR,
        command('RecordActualSilpa', {
          date: '2025-07-15',
          closingDocument: 'BA/LPJ/2024',
          silpa: [{ source: 'DDS', amount: '8000000' }],
        }),
      ),
    ]);
    const semester = villageRealisation(ledger.fold, reference, semesterOne(YEAR));
    expect(semester.totals.financingReceipts).toMatchObject({
      budget: '10000000.00',
      realised: '0.00',
    });
    const year = villageRealisation(ledger.fold, reference, fullYear(YEAR));
    // The estimate (budget) and the actual SiLPA side by side: 2 m less than budgeted.
    expect(year.totals.financingReceipts).toMatchObject({
      budget: '10000000.00',
      realised: '8000000.00',
      difference: '2000000.00',
    });
  });
});

describe('a corrected opening', () => {
  let harness: Harness;
  beforeEach(async () => {
    harness = await startHarness(reference);
  });
  afterEach(() => harness.stop());

  const correction = [
    by(
      KAUR,
      command('ProposeOpeningCorrection', {
        correctionId: 'KOR/1',
        date: '2025-03-03',
        reason: 'saldo bank salah ketik',
        openingBalances: { cashOnHand: '250000.00', bank: '9950000.00' },
        silpa: [{ source: 'DDS', amount: '10200000' }],
        taxPayable: [],
      }),
    ),
    command('VerifyOpeningCorrection', {
      correctionId: 'KOR/1',
      date: '2025-03-04',
      outcome: 'verified',
      reasons: [],
    }),
  ];

  test('balances, BKU and realisation show the corrected figures', async () => {
    const ledger = await run(harness, [...enactedExecutionBudget(), ...correction]);
    expect(balanceOf(ledger.fold.books, 'cash', 'bank').toFixed(2)).toBe('9950000.00');
    expect(balanceOf(ledger.fold.books, 'source', 'DDS').toFixed(2)).toBe('10200000.00');
    expect(balanceOf(ledger.fold.whole().books, 'cash', 'bank').toFixed(2)).toBe('9950000.00');
    const january = monthBooks(ledger, reference, '2025-01');
    expect(january.bku.opening).toBe('10200000.00');
    expect(january.bank.opening).toBe('9950000.00');
    const year = villageRealisation(ledger.fold, reference, fullYear(YEAR));
    expect(year.totals.financingReceipts.realised).toBe('10200000.00');
  });

  test('the history of the opening shows the original and the correction', async () => {
    await run(harness, [...enactedExecutionBudget(), ...correction]);
    const history = await figureHistory(harness.store, VILLAGE, YEAR, {
      kind: 'opening',
      id: OPENING_FIGURES_ID,
    });
    expect(history.events.map((event) => event.type)).toEqual([
      'VillageFiscalYearOpened',
      'OpeningCorrectionProposed',
      'OpeningCorrected',
    ]);
    expect(history.events.at(-1)?.why).toEqual(['saldo bank salah ketik']);
  });
});
