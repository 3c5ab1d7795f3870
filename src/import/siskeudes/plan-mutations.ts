import type { ReferenceData, SiskeudesMutationKind } from '../../domain/reference/reference-data';
import { toAmountText } from '../../domain/shared/money';
import { importProblem, type ImportProblem } from './import-rules';
import type { PlannedCommand } from './plan-import';
import { clip, NOT_IN_SISKEUDES, TEXT_MAX } from './siskeudes-rows';
import type { Placed } from './siskeudes-tables';

/**
 * Siskeudes mutations (Ta_Mutasi) as the Kasdesa commands the regency's
 * policy says their Kd_Mutasi codes book: money between the bank and the
 * treasurer's cash, bank interest, a bank fee. No public source says what
 * the codes mean, so a code the policy does not name is refused, never
 * guessed (a wrong direction would book the money the wrong way).
 */

/** What planning a mutation needs of the planner: where problems go, how a fee finds its budget line. */
export interface MutationPlanner {
  readonly problems: ImportProblem[];
  spendingLineId(table: 'Ta_Mutasi', line: SpendingColumns & { row: number }): string;
}

interface SpendingColumns {
  Kd_Keg: string;
  Kd_Rincian: string;
  Sumberdana: string;
}

type Mutation = Placed<'Ta_Mutasi'>;

/** The regency's meaning of each Kd_Mutasi code (policy rows siskeudesMutation). */
export const mutationKinds = (
  reference: ReferenceData,
): ReadonlyMap<string, SiskeudesMutationKind> =>
  new Map(reference.policy.siskeudesMutations.map((each) => [each.kdMutasi, each.books]));

/** The policy row an unconfigured code needs, as the refusal shows it. */
const policyRowFor = (code: string) =>
  `{"parameter":"siskeudesMutation","kdMutasi":"${code}","books":"cashToBank|bankToCash|bankInterest|bankFee","basis":"…"}`;

export function planMutations(
  mutations: readonly Mutation[],
  configured: ReadonlyMap<string, SiskeudesMutationKind>,
  planner: MutationPlanner,
): PlannedCommand[] {
  return mutations.flatMap((row): PlannedCommand[] => {
    const books = configured.get(row.Kd_Mutasi);
    if (books === undefined) {
      const rowText = policyRowFor(row.Kd_Mutasi);
      planner.problems.push(
        importProblem(
          'MUTATION_CODE_CONFIGURED',
          'Ta_Mutasi',
          row.row,
          'Kd_Mutasi',
          row.Kd_Mutasi,
          {
            id: `mutasi ${row.No_Bukti}; tetapkan artinya dengan baris ${rowText}`,
            en: `mutation ${row.No_Bukti}; set its meaning with the row ${rowText}`,
          },
        ),
      );
      return [];
    }
    const payload = mutationPayload(row, books, planner);
    if (!payload) return [];
    return [
      {
        table: 'Ta_Mutasi',
        naturalKey: row.No_Bukti,
        row: row.row,
        step: books,
        ...payload,
      },
    ];
  });
}

function mutationPayload(
  row: Mutation,
  books: SiskeudesMutationKind,
  planner: MutationPlanner,
): Pick<PlannedCommand, 'type' | 'payload'> | undefined {
  const common = { date: row.Tgl_Bukti, amount: toAmountText(row.Nilai) };
  if (books === 'cashToBank' || books === 'bankToCash') {
    const [from, to] = books === 'cashToBank' ? ['cashOnHand', 'bank'] : ['bank', 'cashOnHand'];
    return {
      type: 'RecordCashMutation',
      payload: {
        mutationId: row.No_Bukti,
        ...common,
        from,
        to,
        description: clip(row.Keterangan ?? `Mutasi ${row.No_Bukti}`, TEXT_MAX),
      },
    };
  }
  if (books === 'bankInterest')
    return {
      type: 'RecordBankInterest',
      payload: {
        receiptId: row.No_Bukti,
        ...common,
        bankName: clip(row.Kd_Bank ?? NOT_IN_SISKEUDES, TEXT_MAX),
        statementReference: row.No_Bukti,
      },
    };
  const line = feeLine(row, planner.problems);
  if (!line) return undefined;
  return {
    type: 'RecordBankFee',
    payload: {
      feeId: row.No_Bukti,
      ...common,
      lineId: planner.spendingLineId('Ta_Mutasi', { ...line, row: row.row }),
      statementReference: row.No_Bukti,
    },
  };
}

/** A bank fee is spent on a budget line: the row must name its activity, account and fund source. */
function feeLine(row: Mutation, problems: ImportProblem[]): SpendingColumns | undefined {
  const { Kd_Keg, Kd_Rincian, Sumberdana } = row;
  if (Kd_Keg && Kd_Rincian && Sumberdana) return { Kd_Keg, Kd_Rincian, Sumberdana };
  for (const [column, value] of Object.entries({ Kd_Keg, Kd_Rincian, Sumberdana }))
    if (!value) problems.push(importProblem('VALUE_PRESENT', 'Ta_Mutasi', row.row, column, ''));
  return undefined;
}
