import { rupiah, sum, toAmountText } from '../../src/domain/shared/money';
import { negated, type Movement } from '../../src/domain/village/books';
import type { VillageEvent, VillageEventOf } from '../../src/domain/village/events';
import { postingOf, type EntryType } from '../../src/domain/village/postings';

/**
 * What the books print for each money event: the lines of the BKU (kode
 * rekening, penerimaan or pengeluaran), the cash moved (from the domain's own
 * posting), the nomor bukti and, for SPPs, the activity and panjar amounts.
 * Plain JSON; a reversal repeats the entry it corrects with every amount negated.
 */
export type LineRole =
  | 'revenue'
  | 'spending'
  | 'return'
  | 'taxWithheld'
  | 'taxDeposited'
  | 'financingReceipt'
  | 'financingExpenditure';

export interface JournalLine {
  role: LineRole;
  account: string;
  source: string | null;
  lineId: string | null;
  tax: string | null;
  /** Signed: negative on a reversal. */
  amount: string;
  /** On a panjar return: what the evidence showed spent on the line. */
  spent?: string;
}

export interface JournalEntry {
  entryId: string;
  type: string;
  date: string;
  description: string;
  /** Nomor bukti: TBP, kuitansi, STS, SSP, SPJ, … */
  evidence: string;
  /** On a reversal: the entry it corrects and that entry's type. */
  reverses: { entryId: string; type: string } | null;
  lines: JournalLine[];
  cash: { cashOnHand: string; bank: string };
  sppId: string | null;
  activityId: string | null;
  payee: string | null;
  /** Panjar given (UM payment) and accounted for (SPJ). */
  panjar: { given: string; accounted: string } | null;
}

const ENTRY_TYPES = new Set<string>([
  'RevenueReceived',
  'CashReceiptsDeposited',
  'CashMutated',
  'BankFeeCharged',
  'PaymentRequestPaid',
  'PanjarAccounted',
  'TaxDeposited',
  'FinancingReceiptRecorded',
  'FinancingExpenditureRecorded',
]);

/** Whether the event books an entry with its own posting (a reversal's comes from the entry it reverses). */
export const isEntry = (
  event: VillageEvent,
): event is Extract<VillageEvent, { type: EntryType }> & { type: EntryType } =>
  ENTRY_TYPES.has(event.type);

function cashOf(movements: readonly Movement[]) {
  const total = (account: string) =>
    toAmountText(
      sum(movements.filter((m) => m.kind === 'cash' && m.id === account).map((m) => m.amount)),
    );
  return { cashOnHand: total('cashOnHand'), bank: total('bank') };
}

const line = (
  role: LineRole,
  account: string,
  amount: string,
  more: Partial<JournalLine> = {},
): JournalLine => ({ role, account, source: null, lineId: null, tax: null, amount, ...more });

type Withholdings = VillageEventOf<'PaymentRequestPaid'>['data']['withholdings'];

const withheldLines = (withholdings: Withholdings) =>
  withholdings.map((w) => line('taxWithheld', w.pfkAccount, w.amount, { tax: w.tax }));

interface Described {
  description: string;
  evidence: string;
  lines: JournalLine[];
  sppId?: string;
  activityId?: string | null;
  payee?: string;
  panjar?: JournalEntry['panjar'];
}

/** The descriptive part of each entry type. */
function describe(
  event: Extract<VillageEvent, { type: EntryType }>,
  sppActivity: (sppId: string) => string | null,
): Described {
  switch (event.type) {
    case 'RevenueReceived': {
      const d = event.data;
      const lines = [line('revenue', d.account, d.amount, { source: d.source })];
      return { description: d.description, evidence: d.receiptId, lines, payee: d.payer.name };
    }
    case 'CashReceiptsDeposited':
      return {
        description: `Setor tunai ke bank (STS) ${event.data.receiptIds.join(', ')}`,
        evidence: event.data.stsId,
        lines: [],
      };
    case 'CashMutated':
      return { description: event.data.description, evidence: event.data.mutationId, lines: [] };
    case 'BankFeeCharged': {
      const d = event.data;
      return {
        description: `Biaya administrasi bank ${d.statementReference}`,
        evidence: d.feeId,
        lines: [line('spending', d.account, d.amount, { source: d.source, lineId: d.lineId })],
      };
    }
    case 'PaymentRequestPaid': {
      const d = event.data;
      const lines = [
        ...d.lines.map((l) =>
          line('spending', l.account, l.amount, { source: l.source, lineId: l.lineId }),
        ),
        ...withheldLines(d.withholdings),
      ];
      const payee = d.lines.find((l) => l.evidence)?.evidence?.payee;
      return {
        description: `Pembayaran SPP ${d.sppId} (${d.kind})`,
        evidence: d.paymentId,
        lines,
        sppId: d.sppId,
        activityId: sppActivity(d.sppId),
        ...(payee ? { payee } : {}),
        ...(d.kind === 'UM' ? { panjar: { given: d.gross, accounted: '0.00' } } : {}),
      };
    }
    case 'PanjarAccounted': {
      const d = event.data;
      const lines = [
        ...d.lines.map((l) =>
          line('return', l.account, l.remainder, {
            source: l.source,
            lineId: l.lineId,
            spent: l.spent,
          }),
        ),
        ...withheldLines(d.withholdings),
      ];
      const advanced = sum(d.lines.map((l) => rupiah(l.advanced)));
      return {
        description: `Pertanggungjawaban panjar (SPJ) SPP ${d.sppId}`,
        evidence: d.spjId,
        lines,
        sppId: d.sppId,
        activityId: sppActivity(d.sppId),
        panjar: { given: '0.00', accounted: toAmountText(advanced) },
      };
    }
    case 'TaxDeposited': {
      const d = event.data;
      return {
        description: `Setor pajak ${d.tax} NTPN ${d.ntpn}`,
        evidence: d.depositId,
        lines: [line('taxDeposited', '', d.amount, { tax: d.tax })],
      };
    }
    case 'FinancingReceiptRecorded':
    case 'FinancingExpenditureRecorded': {
      const d = event.data;
      const role =
        event.type === 'FinancingReceiptRecorded' ? 'financingReceipt' : 'financingExpenditure';
      return {
        description: d.evidence.description,
        evidence: d.evidence.documentNumber,
        lines: [line(role, d.account, d.amount, { source: d.source, lineId: d.lineId })],
      };
    }
  }
}

/** The journal entry of an entry event; undefined for events that are not entries. */
export function journalEntryOf(
  event: VillageEvent,
  sppActivity: (sppId: string) => string | null,
): JournalEntry | undefined {
  if (!isEntry(event)) return undefined;
  const posting = postingOf(event.type, event.data as never);
  const described = describe(event, sppActivity);
  return {
    entryId: posting.entryId,
    type: event.type,
    date: posting.date,
    description: described.description,
    evidence: described.evidence,
    reverses: null,
    lines: described.lines,
    cash: cashOf(posting.movements),
    sppId: described.sppId ?? null,
    activityId: described.activityId ?? null,
    payee: described.payee ?? null,
    panjar: described.panjar ?? null,
  };
}

const negate = (amount: string) => toAmountText(rupiah(amount).negated());

/** The reversal of an entry: the same lines, cash and panjar, every amount negated. */
export function reversalEntry(
  original: JournalEntry,
  reversal: VillageEventOf<'EntryReversed'>['data'],
  movements: readonly Movement[],
): JournalEntry {
  return {
    ...original,
    entryId: reversal.reversalId,
    type: 'EntryReversed',
    date: reversal.date,
    description: `Koreksi ${original.evidence}: ${reversal.reason}`,
    evidence: reversal.reversalId,
    reverses: { entryId: original.entryId, type: original.type },
    lines: original.lines.map((l) => ({
      ...l,
      amount: negate(l.amount),
      ...(l.spent === undefined ? {} : { spent: negate(l.spent) }),
    })),
    cash: cashOf(negated(movements)),
    panjar: original.panjar && {
      given: negate(original.panjar.given),
      accounted: negate(original.panjar.accounted),
    },
  };
}

/** The entry type whose rows an entry shows: a reversal shows those of the entry it corrects. */
export const rowType = (entry: JournalEntry) => entry.reverses?.type ?? entry.type;

/** Net cash (cash on hand + bank) an entry moved. */
export const netCash = (entry: JournalEntry) =>
  rupiah(entry.cash.cashOnHand).plus(rupiah(entry.cash.bank));
