import { by, command } from '../support/decider-specification';
import {
  enactedExecutionBudget,
  executionSpec,
  KAUR,
  openYear,
  toBpd,
  villageSpec,
} from '../support/village-fixtures';
import { balanceOf } from '../../src/domain/village/books';

const BALANCES = { cashOnHand: '250000.00', bank: '9750000.00' };

/** The year opened before the previous one is closed: SiLPA to be recorded later. */
export const openWithSilpaPending = () =>
  by(
    KAUR,
    command('OpenVillageFiscalYear', {
      openingBalances: BALANCES,
      silpa: [],
      silpaToBeRecorded: true,
    }),
  );

const recordSilpa = (amount: string, date = '2025-07-15') =>
  by(
    KAUR,
    command('RecordActualSilpa', {
      date,
      closingDocument: 'BA/LPJ/2024',
      silpa: [{ source: 'DDS', amount }],
    }),
  );

const propose = (correctionId: string, bank: string, silpa: string, reason = 'salah ketik') =>
  by(
    KAUR,
    command('ProposeOpeningCorrection', {
      correctionId,
      date: '2025-03-03',
      reason,
      openingBalances: { cashOnHand: '250000.00', bank },
      silpa: [{ source: 'DDS', amount: silpa }],
      taxPayable: [],
    }),
  );

const verify = (correctionId: string, outcome = 'verified', reasons: string[] = []) =>
  command('VerifyOpeningCorrection', { correctionId, date: '2025-03-04', outcome, reasons });

/** The execution budget (SiLPA line 10 m) on a year opened with the SiLPA still to be recorded. */
const budgetWithEstimatedSilpa = () => [
  openWithSilpaPending(),
  ...enactedExecutionBudget().slice(1),
];

describe('opening balances hold the SiLPA', () => {
  it('refuses a SiLPA the opening cash and bank do not hold, naming both figures', () => {
    const error = villageSpec()
      .given()
      .when(openYear([{ source: 'DDS', amount: '12500000' }]))
      .thenRejects('SILPA_HELD_BY_OPENING_BALANCES', 'silpa', '12500000.00');
    expect(error.messages.id).toContain('SiLPA 12500000.00 + pajak terutang 0.00');
    expect(error.messages.id).toContain('kas tunai 250000.00 + bank 9750000.00');
    expect(error.messages.en).toContain('cash on hand 250000.00 + bank 9750000.00');
  });

  it('counts the carried tax payable as money the balances also hold', () => {
    villageSpec()
      .given()
      .when(
        by(
          KAUR,
          command('OpenVillageFiscalYear', {
            openingBalances: BALANCES,
            silpa: [{ source: 'DDS', amount: '9900000' }],
            taxPayable: [{ tax: 'PPN', amount: '200000' }],
          }),
        ),
      )
      .thenRejects('SILPA_HELD_BY_OPENING_BALANCES', 'silpa', '9900000.00');
  });
});

describe('SiLPA recorded when known', () => {
  it('lets the APBDes be enacted with an estimated SiLPA before the actual one is known', () => {
    const state = villageSpec().replay(budgetWithEstimatedSilpa()).domain;
    expect(state.budget.versions).toHaveLength(1);
    expect(balanceOf(state.books, 'source', 'DDS').toFixed(2)).toBe('0.00');
  });

  it('a budgeted SiLPA above the opening one is still refused once the SiLPA is known', () => {
    villageSpec()
      .givenCommands([openYear([]), ...enactedExecutionBudget().slice(1, -5)])
      .when(toBpd())
      .thenRejects('SILPA_WITHIN_OPENING', 'silpa.source', 'DDS');
  });

  it('books the actual SiLPA on its date and moves the source balance', () => {
    const state = executionSpec()
      .givenCommands(budgetWithEstimatedSilpa())
      .when(recordSilpa('8000000'))
      .thenState();
    expect(state.fiscalYear?.silpa).toEqual([{ source: 'DDS', amount: '8000000.00' }]);
    expect(state.fiscalYear?.silpaRecordedOn).toBe('2025-07-15');
    expect(balanceOf(state.books, 'source', 'DDS').toFixed(2)).toBe('8000000.00');
  });

  it('refuses a SiLPA given at an opening that leaves it to be recorded later', () => {
    villageSpec()
      .given()
      .when(
        by(
          KAUR,
          command('OpenVillageFiscalYear', {
            openingBalances: BALANCES,
            silpa: [{ source: 'DDS', amount: '1000000' }],
            silpaToBeRecorded: true,
          }),
        ),
      )
      .thenRejects('SILPA_LEFT_FOR_LATER', 'silpa', '1');
  });

  it('records it once, and only when the opening left it to be recorded', () => {
    executionSpec()
      .givenCommands([...budgetWithEstimatedSilpa(), recordSilpa('8000000')])
      .when(recordSilpa('8000000', '2025-07-16'))
      .thenRejects('SILPA_TO_BE_RECORDED', 'silpa', '2025-07-15');
    executionSpec()
      .givenCommands(enactedExecutionBudget())
      .when(recordSilpa('8000000'))
      .thenRejects('SILPA_TO_BE_RECORDED', 'silpa', '2025');
  });

  it('refuses an actual SiLPA the opening balances do not hold', () => {
    executionSpec()
      .givenCommands(budgetWithEstimatedSilpa())
      .when(recordSilpa('10000000.01'))
      .thenRejects('SILPA_HELD_BY_OPENING_BALANCES', 'silpa', '10000000.01');
  });

  it('the amendment must bring a SiLPA line above the actual one down to it', () => {
    const error = executionSpec()
      .givenCommands([
        ...budgetWithEstimatedSilpa(),
        recordSilpa('8000000'),
        command('StartApbdesAmendment', { date: '2025-07-20', grounds: ['silpaUse'] }),
      ])
      .when(command('SubmitApbdesToBpd', { date: '2025-07-21' }))
      .thenRejects('SILPA_WITHIN_OPENING', 'silpa.source', 'DDS');
    expect(error.messages.en).toContain('10000000.00 > 8000000.00');
  });
});

describe('correcting the opening', () => {
  it('takes effect only when the secretary verifies, with both figures in the event', () => {
    const spec = executionSpec();
    const proposed = spec
      .givenCommands(enactedExecutionBudget())
      .when(propose('KOR/1', '9950000.00', '10200000'))
      .thenState();
    expect(proposed.fiscalYear?.openingBalances.bank).toBe('9750000.00');
    const verified = spec
      .givenCommands([...enactedExecutionBudget(), propose('KOR/1', '9950000.00', '10200000')])
      .when(verify('KOR/1'));
    const [event] = verified.events();
    expect(event).toMatchObject({
      type: 'OpeningCorrected',
      data: {
        correctionId: 'KOR/1',
        reason: 'salah ketik',
        proposedBy: KAUR.id,
        verifiedBy: 'u-sekdes',
        before: { openingBalances: BALANCES, silpa: [{ source: 'DDS', amount: '10000000.00' }] },
        after: {
          openingBalances: { cashOnHand: '250000.00', bank: '9950000.00' },
          silpa: [{ source: 'DDS', amount: '10200000.00' }],
        },
      },
    });
    const state = verified.thenState();
    expect(state.fiscalYear?.openingBalances.bank).toBe('9950000.00');
    expect(balanceOf(state.books, 'cash', 'bank').toFixed(2)).toBe('9950000.00');
    expect(balanceOf(state.books, 'source', 'DDS').toFixed(2)).toBe('10200000.00');
  });

  it('refuses a correction whose SiLPA the corrected balances do not hold', () => {
    executionSpec()
      .givenCommands(enactedExecutionBudget())
      .when(propose('KOR/1', '9750000.00', '10500000'))
      .thenRejects('SILPA_HELD_BY_OPENING_BALANCES', 'silpa', '10500000.00');
  });

  it('the proposer cannot verify, a second one waits, a return needs reasons', () => {
    const history = [...enactedExecutionBudget(), propose('KOR/1', '9950000.00', '10000000')];
    executionSpec()
      .givenCommands(history)
      .when(by(KAUR, verify('KOR/1')))
      .thenRejects('OPENING_CORRECTION_VERIFIER', 'actor.id', KAUR.id);
    executionSpec()
      .givenCommands(history)
      .when(propose('KOR/2', '9950000.00', '10000000'))
      .thenRejects('OPENING_CORRECTION_PENDING', 'correctionId', 'KOR/1');
    executionSpec()
      .givenCommands(history)
      .when(verify('KOR/1', 'returned'))
      .thenRejects('OPENING_CORRECTION_REASONS', 'reasons', '[]');
    const returned = executionSpec()
      .givenCommands([...history, verify('KOR/1', 'returned', ['bank salah'])])
      .when(verify('KOR/1'));
    returned.thenRejects('OPENING_CORRECTION_KNOWN', 'correctionId', 'KOR/1');
  });

  it('refuses a corrected SiLPA while the SiLPA is still to be recorded', () => {
    executionSpec()
      .givenCommands(budgetWithEstimatedSilpa())
      .when(propose('KOR/1', '9750000.00', '5000000'))
      .thenRejects('SILPA_NOT_YET_RECORDED', 'silpa', '5000000.00');
  });

  it('refuses a correction that takes away cash the year has already spent', () => {
    executionSpec()
      .givenCommands([
        ...enactedExecutionBudget(),
        propose('KOR/1', '0.00', '0'),
        by(
          KAUR,
          command('RecordCashMutation', {
            mutationId: 'MUT/1',
            date: '2025-03-03',
            from: 'bank',
            to: 'cashOnHand',
            amount: '5000000',
            description: 'ambil tunai',
          }),
        ),
      ])
      .when(verify('KOR/1'))
      .thenRejects('CASH_NOT_NEGATIVE', 'account', 'bank');
  });
});
