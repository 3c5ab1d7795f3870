import { sum, toAmountText, type Rupiah } from '../../domain/shared/money';
import { importProblem, type ImportProblem } from './import-rules';
import type { PlannedCommand } from './plan-import';
import { evidenceOf, groupBy, sameLine } from './siskeudes-rows';
import type { Placed, SiskeudesTables, TableName } from './siskeudes-tables';

/**
 * A panjar's accountability (SPJ) as a Kasdesa AccountPanjar command: per
 * Ta_SPJ, its lines from Ta_SPJRinci, each line's evidence from Ta_SPJBukti
 * with the taxes of its Ta_SPJPot as overrides (Siskeudes' own figures).
 * What the evidence does not cover is the remainder handed back (sisa
 * panjar), which Kasdesa works out and books with the SPJ.
 */

/** What planning an SPJ needs of the planner: where problems go, how rows resolve to lines and taxes. */
export interface SpjPlanner {
  readonly problems: ImportProblem[];
  spendingLineId(table: 'Ta_SPJRinci', line: Placed<'Ta_SPJRinci'>): string;
  withheldPerTax(table: 'Ta_SPJPot', pots: readonly Placed<'Ta_SPJPot'>[]): Map<string, Rupiah>;
  orphans<T extends TableName>(
    table: T,
    rows: Placed<T>[],
    hasParent: (row: Placed<T>) => boolean,
    column: keyof Placed<T> & string,
  ): void;
}

/**
 * Where the PKA hands back the sisa panjar (and the taxes withheld on the
 * SPJ's evidence): the treasurer's cash. Siskeudes' Ta_SPJSisa names no
 * account (unverified; docs/siskeudes.md).
 */
const PANJAR_RETURNED_TO = 'cashOnHand';

interface SpjRows {
  rinci: Placed<'Ta_SPJRinci'>[];
  bukti: Placed<'Ta_SPJBukti'>[];
  pot: Placed<'Ta_SPJPot'>[];
}

export function planPanjarAccounts(rows: SiskeudesTables, planner: SpjPlanner): PlannedCommand[] {
  const bySpj = <R extends { No_SPJ: string }>(list: R[]) => groupBy(list, (row) => row.No_SPJ);
  const index = {
    rinci: bySpj(rows.Ta_SPJRinci),
    bukti: bySpj(rows.Ta_SPJBukti),
    pot: bySpj(rows.Ta_SPJPot),
  };
  const spjs = new Set(rows.Ta_SPJ.map((spj) => spj.No_SPJ));
  for (const table of ['Ta_SPJRinci', 'Ta_SPJBukti', 'Ta_SPJPot'] as const)
    planner.orphans(table, rows[table], (row) => spjs.has(row.No_SPJ), 'No_SPJ');
  const panjar = new Set(rows.Ta_SPP.filter((spp) => spp.Jn_SPP === 'UM').map((s) => s.No_SPP));
  const accounted = new Set<string>();
  return rows.Ta_SPJ.flatMap((spj): PlannedCommand[] => {
    if (!checkPanjarOnce(spj, panjar, accounted, planner.problems)) return [];
    const { lines, overrides } = spjLines(
      {
        rinci: index.rinci.get(spj.No_SPJ) ?? [],
        bukti: index.bukti.get(spj.No_SPJ) ?? [],
        pot: index.pot.get(spj.No_SPJ) ?? [],
      },
      planner,
    );
    return [
      {
        table: 'Ta_SPJ',
        naturalKey: spj.No_SPJ,
        row: spj.row,
        step: 'account',
        type: 'AccountPanjar',
        payload: {
          spjId: spj.No_SPJ,
          sppId: spj.No_SPP,
          date: spj.Tgl_SPJ,
          returnTo: PANJAR_RETURNED_TO,
          lines,
          taxOverrides: overrides,
        },
      },
    ];
  });
}

/** An SPJ accounts for a panjar (UM) SPP of the file, and Kasdesa accounts a panjar once. */
function checkPanjarOnce(
  spj: Placed<'Ta_SPJ'>,
  panjar: ReadonlySet<string>,
  accounted: Set<string>,
  problems: ImportProblem[],
): boolean {
  if (!panjar.has(spj.No_SPP)) {
    problems.push(
      importProblem('PARENT_PRESENT', 'Ta_SPJ', spj.row, 'No_SPP', spj.No_SPP, {
        id: 'tidak ada SPP panjar (UM) dengan nomor ini',
        en: 'no panjar (UM) SPP has this number',
      }),
    );
    return false;
  }
  if (accounted.has(spj.No_SPP))
    problems.push(
      importProblem('NOT_YET_SUPPORTED', 'Ta_SPJ', spj.row, 'No_SPP', spj.No_SPP, {
        id: 'satu panjar dipertanggungjawabkan dengan lebih dari satu SPJ',
        en: 'one panjar accounted for by more than one SPJ',
      }),
    );
  accounted.add(spj.No_SPP);
  return true;
}

/** The SPJ's lines with their evidence, and the withheld taxes as overrides per piece of evidence. */
function spjLines({ rinci, bukti, pot }: SpjRows, planner: SpjPlanner) {
  for (const stray of bukti.filter((b) => !rinci.some((line) => sameLine(line)(b))))
    planner.problems.push(
      importProblem('PARENT_PRESENT', 'Ta_SPJBukti', stray.row, 'Kd_Rincian', stray.Kd_Rincian),
    );
  const overrides: Record<string, unknown>[] = [];
  const lines = rinci.map((line) => {
    const lineId = planner.spendingLineId('Ta_SPJRinci', line);
    const own = bukti.filter(sameLine(line));
    checkEvidenceTotal(line, own, planner.problems);
    const evidence = own.map((item) => {
      const withheld = planner.withheldPerTax(
        'Ta_SPJPot',
        pot.filter((each) => each.No_Bukti === item.No_Bukti),
      );
      for (const [tax, amount] of withheld)
        overrides.push({
          lineId,
          receiptNumber: item.No_Bukti,
          tax,
          amount: toAmountText(amount),
          reason: 'Nilai potongan Ta_SPJPot (Siskeudes)',
        });
      return { ...evidenceOf(item), amount: toAmountText(item.Nilai), taxes: [...withheld.keys()] };
    });
    return { lineId, evidence };
  });
  return { lines, overrides };
}

/** Kasdesa's spent is the total of the evidence: an SPJ line of another amount would be booked otherwise. */
function checkEvidenceTotal(
  line: Placed<'Ta_SPJRinci'>,
  evidence: readonly Placed<'Ta_SPJBukti'>[],
  problems: ImportProblem[],
) {
  const spent = sum(evidence.map((item) => item.Nilai));
  if (spent.equals(line.Nilai)) return;
  const total = `Ta_SPJBukti ${toAmountText(spent)}`;
  problems.push(
    importProblem('EVIDENCE_TOTAL', 'Ta_SPJRinci', line.row, 'Nilai', toAmountText(line.Nilai), {
      id: total,
      en: total,
    }),
  );
}
