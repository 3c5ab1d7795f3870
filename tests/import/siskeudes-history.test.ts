import { figureHistory } from '../../src/audit/history';
import { DomainError } from '../../src/domain/shared/domain-error';
import { villageYearExceptions } from '../../src/import/siskeudes/imported-exceptions';
import { command } from '../support/decider-specification';
import { importVillageYear as importOf, STREAM, VILLAGE } from './support/import-village-year';
import { overspentVillageTables, twoVillageTables } from './support/siskeudes-zip';

const PAUD_LINE = '02.01.01/5.2.2.01/ADD';

/** An exception as the tests expect it: the rule, its field and value, and the figures of its message. */
const broken = (rule: string, field: string, value: string, detail: RegExp) => ({
  rule,
  field,
  value,
  messages: { id: expect.stringContaining(`[${rule}]`), en: expect.stringMatching(detail) },
});

describe('Siskeudes history as it happened', () => {
  it('books an overspent line as Siskeudes has it, flagging the SPP and its payment', async () => {
    const { outcome, store } = await importOf(overspentVillageTables());
    // Budgeted 125,000,000; SPP/001 paid 22,000,000, so 103,000,000 was left for SPP/002's 110,000,000.
    const overspent = broken(
      'BUDGET_LINE_AVAILABLE',
      'lineId',
      PAUD_LINE,
      /\(103000000\.00 left in/,
    );
    expect(outcome.exceptions).toEqual([
      {
        commandType: 'DraftPaymentRequest',
        table: 'Ta_SPP',
        row: 3,
        naturalKey: 'SPP/002/2025',
        date: '2025-05-15',
        exceptions: [overspent],
      },
      {
        commandType: 'PayPaymentRequest',
        table: 'Ta_Pencairan',
        row: 3,
        naturalKey: 'CEK/002/2025',
        date: '2025-05-20',
        exceptions: [overspent],
      },
    ]);
    // The amounts stay Siskeudes' own: 22,000,000 + 110,000,000 paid (and the 5,000,000 panjar advanced),
    // 2,750,000 withheld on the first.
    expect(outcome.totals.paid).toEqual({
      gross: '137000000.00',
      withheld: '2750000.00',
      net: '134250000.00',
    });
    // The fixture's 102,650,000 (with the 150,000 bank interest) and TBP/003's 200,000,000.
    expect(outcome.totals.received).toBe('302650000.00');
    expect(outcome.reconciliation).toMatchObject({ reconciled: true, differences: [] });
    // Listed from the store, and each flag follows the events it flags, of the same command.
    expect(await villageYearExceptions(store, VILLAGE, 2025)).toEqual(outcome.exceptions);
    const events = await store.readStream(STREAM);
    const flags = events.flatMap((event, index) =>
      event.type === 'ImportedHistoryFlagged' ? [[events[index - 1]!, event] as const] : [],
    );
    expect(flags.map(([before]) => [before.type, before.data.sppId])).toEqual([
      ['PaymentRequestDrafted', 'SPP/002/2025'],
      ['PaymentRequestPaid', 'SPP/002/2025'],
    ]);
    for (const [before, flag] of flags)
      expect(flag.metadata).toMatchObject({
        commandId: before.metadata.commandId,
        lineage: before.metadata.lineage,
      });
    const paid = events.find(
      (event) => event.type === 'PaymentRequestPaid' && event.data.sppId === 'SPP/002/2025',
    );
    expect(paid?.data).toMatchObject({ gross: '110000000.00', net: '110000000.00' });
  });

  it('books a payment made before the money came in, flagging the cash and the fund source below zero', async () => {
    const tables = overspentVillageTables();
    // Without the second ADD receipt: on 20 May the bank held 4,000,000 + 100,000,000 + 2,500,000 (STS of the
    // PAD cash) − 19,250,000 (SPP/001 net) − 5,000,000 (panjar) − 2,750,000 (taxes deposited) − 2,000,000
    // (mutation MUT/001, drawn into the cash on 3 March) = 77,500,000, and
    // ADD 5,000,000 + 100,000,000 − 22,000,000 − 4,400,000 (panjar spent, 600,000 handed back) = 78,600,000.
    tables.Ta_TBP!.pop();
    tables.Ta_TBPRinci!.pop();
    const { outcome } = await importOf(tables);
    const payment = outcome.exceptions.find((flag) => flag.naturalKey === 'CEK/002/2025');
    expect(payment?.exceptions).toHaveLength(3);
    expect(payment?.exceptions).toEqual(
      expect.arrayContaining([
        broken('BUDGET_LINE_AVAILABLE', 'lineId', PAUD_LINE, /\(103000000\.00 left in/),
        broken('CASH_NOT_NEGATIVE', 'account', 'bank', /\(balance 77500000\.00 < 110000000\.00\)/),
        broken('FUND_RESTRICTION', 'source', 'ADD', /\(balance 78600000\.00 < 110000000\.00\)/),
      ]),
    );
    expect(outcome.totals.paid.gross).toBe('137000000.00');
    expect(outcome.reconciliation.reconciled).toBe(true);
  });

  it('shows in the SPP’s figure history which of its events were booked despite which rule', async () => {
    const { store } = await importOf(overspentVillageTables());
    const history = await figureHistory(store, VILLAGE, 2025, { kind: 'spp', id: 'SPP/002/2025' });
    expect(
      history.events.map((event) => [event.type, event.flagged.map((flag) => flag.rule)]),
    ).toEqual([
      ['PaymentRequestDrafted', ['BUDGET_LINE_AVAILABLE']],
      ['PaymentRequestSubmitted', []],
      ['PaymentRequestVerified', []],
      ['PaymentRequestApproved', []],
      ['PaymentRequestPaid', ['BUDGET_LINE_AVAILABLE']],
    ]);
  });

  it('writes nothing when the overspent year is imported again', async () => {
    const { outcome, store, run } = await importOf(overspentVillageTables());
    const head = await store.headPosition();
    const again = await run();
    expect(again).toMatchObject({ status: 'alreadyImported', exceptions: outcome.exceptions });
    expect(await store.headPosition()).toBe(head);
  });

  it('books an unbalanced budget as enacted, flagging each step that checks the budget', async () => {
    const tables = twoVillageTables();
    // Another Rp 200,000,000 of ADD spending on 01.01.01: ADD spending 174 + 200 + 125 + 6 = 505 million
    // against ADD revenue 300 + SiLPA 5 = 305; the year 310 revenue − 515 spending + 5 financing = −200.
    tables.Ta_RABRinci!.push({
      ...tables.Ta_RABRinci![3]!,
      No_Urut: '03',
      Uraian: 'Tunjangan lain',
      JmlSatuanPAK: '1',
      HrgSatuanPAK: '200000000',
      AnggaranStlhPAK: '200000000',
    });
    const { outcome } = await importOf(tables);
    const exceptions = [
      broken(
        'BUDGET_SOURCE_COVERED',
        'spending.source',
        'ADD',
        /\(505000000\.00 > 305000000\.00\)/,
      ),
      broken('BUDGET_BALANCED', 'surplusDeficitPlusNetFinancing', '-200000000.00', /net financing/),
    ];
    expect(
      outcome.exceptions.map(({ commandType, table, exceptions: broke }) => [
        commandType,
        table,
        broke,
      ]),
    ).toEqual([
      ['SubmitApbdesToBpd', 'Ta_Desa', exceptions],
      ['SubmitApbdesForEvaluation', 'Ta_Desa', exceptions],
      ['EnactApbdes', 'Ta_Desa', exceptions],
    ]);
    expect(outcome.totals.budget.spending).toBe('515240000.00');
    expect(outcome.reconciliation.reconciled).toBe(true);
  });

  it('waives nothing for the users who carry on after the import: a new overspending SPP is refused', async () => {
    const { ledger } = await importOf(overspentVillageTables());
    const refusal = await ledger
      .executeVillageCommand(
        VILLAGE,
        2025,
        command('DraftPaymentRequest', {
          sppId: 'SPP/003/2025',
          kind: 'LS',
          activityId: '02.01.01',
          date: '2025-06-02',
          description: 'Belanja buku',
          progressReportReference: '-',
          lines: [
            {
              lineId: PAUD_LINE,
              source: 'ADD',
              amount: '1000000',
              taxes: [],
              evidence: {
                receiptNumber: 'KW/003/2025',
                receiptDate: '2025-06-01',
                payee: 'Toko Buku',
                address: 'Krajan',
              },
            },
          ],
        }),
      )
      .catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(DomainError);
    expect((refusal as DomainError).rule).toBe('BUDGET_LINE_AVAILABLE');
  });
});
