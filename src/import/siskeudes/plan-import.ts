import type { ReferenceData } from '../../domain/reference/reference-data';
import type { ApbdesEvaluation } from '../../domain/village/commands';
import { exactProduct, sum, toAmountText, ZERO, type Rupiah } from '../../domain/shared/money';
import { importProblem, type ImportProblem } from './import-rules';
import { mutationKinds, planMutations, type MutationPlanner } from './plan-mutations';
import { planPanjarAccounts, type SpjPlanner } from './plan-panjar';
import { clip, evidenceOf, groupBy, NOT_IN_SISKEUDES, sameLine, TEXT_MAX } from './siskeudes-rows';
import {
  isoDate as isoDateOf,
  KEY_COLUMNS,
  naturalKey,
  type Placed,
  type SiskeudesTables,
  type TableName,
} from './siskeudes-tables';

/**
 * From a file's tables to the commands that book one village-year in
 * Kasdesa, each tied to the Siskeudes row it comes from. Pure: no store, no
 * clock. Anything the file cannot say is a problem, never a guess.
 */

export interface PlannedCommand {
  /** The Siskeudes table and natural key the command books (its lineage). */
  table: TableName;
  naturalKey: string;
  /** The row's 1-based place in its table (0: the table as a whole). */
  row: number;
  /** Distinguishes the several commands one row makes (draft, submit, pay…). */
  step: string;
  type: string;
  payload: Record<string, unknown>;
  /**
   * A decision Siskeudes records only by office (Ta_Desa names the holders):
   * the SPP's verification by the Sekdes and approval by the Kades. Without
   * it the importing user is the actor.
   */
  actedBy?: { role: 'secretary' | 'villageHead'; name: string };
  /**
   * The camat's evaluation the file's Perdes stands on. Imported history
   * writes the village's stream only, so no regency event is made: the import
   * supplies the evaluation as the context the village takes it in from.
   */
  evaluation?: ApbdesEvaluation;
}

export interface ImportTarget {
  villageCode: string;
  fiscalYear: number;
  reference: ReferenceData;
}

export interface ImportPlan {
  siskeudesVersion: string;
  /** The village's Kd_Desa in the file. */
  kdDesa: string;
  commands: PlannedCommand[];
  /** Rows of this village-year read per table. */
  rowCounts: Record<string, number>;
}

/** Siskeudes' Kd_Desa is the kecamatan and desa part of the Kemendagri code ("01.2001" of 35.10.01.2001). */
export const kdDesaOf = (villageCode: string) => villageCode.split('.').slice(-2).join('.');

/** Kd_Rincian of the opening cash balances in Ta_SaldoAwal: kas tunai and rekening kas desa. */
export const OPENING_CASH_ACCOUNT = '1.1.1.01';
export const OPENING_BANK_ACCOUNT = '1.1.1.02';
const UNIT_MAX = 30;

export function planImport(
  tables: SiskeudesTables,
  target: ImportTarget,
): { plan: ImportPlan } | { problems: ImportProblem[] } {
  const kdDesa = kdDesaOf(target.villageCode);
  const rows = villageYearRows(tables, kdDesa, target.fiscalYear);
  const problems: ImportProblem[] = [];
  const desa = rows.Ta_Desa[0];
  if (!desa) {
    const code = `${kdDesa} / ${target.fiscalYear}`;
    return { problems: [importProblem('VILLAGE_IN_FILE', 'Ta_Desa', 0, 'Kd_Desa', code)] };
  }
  const planner = new Planner(target, kdDesa, problems);
  for (const name of Object.keys(rows) as TableName[]) planner.checkKeysUnique(name, rows[name]);
  planner.refuseUnbookable(rows);
  const commands = [
    ...planner.opening(rows),
    ...planner.budget(rows, desa),
    ...inDateOrder([
      ...planner.receipts(rows),
      ...planner.cashDeposits(rows),
      ...planner.paymentRequests(rows, desa),
      ...planPanjarAccounts(rows, planner),
      ...planner.taxDeposits(rows),
      ...planMutations(rows.Ta_Mutasi, mutationKinds(target.reference), planner),
    ]),
  ];
  if (problems.length > 0) return { problems };
  return {
    plan: {
      siskeudesVersion: tables.Ref_Version[0]?.Versi ?? '',
      kdDesa,
      commands,
      rowCounts: Object.fromEntries(
        Object.entries(rows).map(([name, list]) => [name, (list as unknown[]).length]),
      ),
    },
  };
}

/** The rows of one village-year: a Siskeudes database holds every village of the regency, often several years. */
export function villageYearRows(
  tables: SiskeudesTables,
  kdDesa: string,
  fiscalYear: number,
): SiskeudesTables {
  const mine = (rows: readonly { Kd_Desa?: unknown; Tahun?: unknown }[]) =>
    rows.filter((row) => row.Kd_Desa === kdDesa && row.Tahun === fiscalYear);
  return Object.fromEntries(
    (Object.keys(tables) as TableName[]).map((name) => [
      name,
      name === 'Ref_Version' ? tables.Ref_Version : mine(tables[name]),
    ]),
  ) as unknown as SiskeudesTables;
}

interface LineKey {
  kind: 'revenue' | 'spending' | 'financing';
  kegiatanCode?: string;
  account: string;
  source: string;
}

const lineIdOf = ({ kind, kegiatanCode, account, source }: LineKey) =>
  kind === 'spending' ? `${kegiatanCode}/${account}/${source}` : `${account}/${source}`;

const KINDS: Record<string, LineKey['kind']> = {
  '4': 'revenue',
  '5': 'spending',
  '6': 'financing',
};

type Deduction = Placed<'Ta_SPPPot'> | Placed<'Ta_SPJPot'>;

const cashAccountOf = (kdBayar: string | undefined) => (kdBayar === '1' ? 'cashOnHand' : 'bank');

class Planner implements SpjPlanner, MutationPlanner {
  private readonly lineIds = new Set<string>();

  constructor(
    private readonly target: ImportTarget,
    private readonly kdDesa: string,
    readonly problems: ImportProblem[],
  ) {}

  checkKeysUnique<T extends TableName>(table: T, rows: Placed<T>[]) {
    if (KEY_COLUMNS[table].length === 0) return;
    const seen = new Set<string>();
    for (const row of rows) {
      const key = naturalKey(table, row);
      if (seen.has(key)) this.problems.push(importProblem('KEY_UNIQUE', table, row.row, '', key));
      seen.add(key);
    }
  }

  /** Ta_Kegiatan's Kd_Keg is Kd_Desa followed by bidang.sub-bidang.kegiatan. */
  private kegiatanCode(table: TableName, row: number, kdKeg: string): string | undefined {
    if (kdKeg.startsWith(`${this.kdDesa}.`)) return kdKeg.slice(this.kdDesa.length + 1);
    this.problems.push(
      importProblem('CODE_FORMAT', table, row, 'Kd_Keg', kdKeg, {
        id: `tidak diawali Kd_Desa ${this.kdDesa}`,
        en: `does not start with Kd_Desa ${this.kdDesa}`,
      }),
    );
    return undefined;
  }

  /** Siskeudes keeps no Dana Desa earmark per line: imported lines take the year's one category without an earmark. */
  private unknownEarmark(): string | undefined {
    return [...this.target.reference.earmarks.values()].find((earmark) => !earmark.earmarked)?.code;
  }

  opening(rows: SiskeudesTables): PlannedCommand[] {
    const balance = (account: string) => openingBalance(rows, account);
    const silpa = new Map<string, Rupiah>();
    const { accounts } = this.target.reference;
    const isSilpa = (code: string) => accounts.get(code)?.silpa === true;
    for (const line of rows.Ta_RABRinci.filter((r) => isSilpa(r.Kd_Rincian)))
      silpa.set(line.SumberDana, (silpa.get(line.SumberDana) ?? ZERO).plus(line.AnggaranStlhPAK));
    return [
      {
        table: 'Ta_SaldoAwal',
        naturalKey: 'opening',
        row: 0,
        step: 'open',
        type: 'OpenVillageFiscalYear',
        payload: {
          openingBalances: {
            cashOnHand: toAmountText(balance(OPENING_CASH_ACCOUNT)),
            bank: toAmountText(balance(OPENING_BANK_ACCOUNT)),
          },
          silpa: [...silpa]
            .filter(([, amount]) => !amount.isZero())
            .map(([source, amount]) => ({ source, amount: toAmountText(amount) })),
        },
      },
    ];
  }

  budget(rows: SiskeudesTables, desa: Placed<'Ta_Desa'>): PlannedCommand[] {
    const groups = new Map<string, { key: LineKey; rows: Placed<'Ta_RABRinci'>[] }>();
    for (const row of rows.Ta_RABRinci) {
      const kind = KINDS[row.Kd_Rincian[0] ?? ''];
      if (!kind) {
        this.problems.push(
          importProblem('CODE_FORMAT', 'Ta_RABRinci', row.row, 'Kd_Rincian', row.Kd_Rincian),
        );
        continue;
      }
      const kegiatanCode =
        kind === 'spending' ? this.kegiatanCode('Ta_RABRinci', row.row, row.Kd_Keg) : undefined;
      if (kind === 'spending' && kegiatanCode === undefined) continue;
      const key: LineKey = { kind, kegiatanCode, account: row.Kd_Rincian, source: row.SumberDana };
      const id = lineIdOf(key);
      groups.set(id, { key, rows: [...(groups.get(id)?.rows ?? []), row] });
    }
    const lines = [...groups.values()]
      .map((group) => ({ ...group, amount: sum(group.rows.map((r) => r.AnggaranStlhPAK)) }))
      // A line the amendment brought to zero has nothing left to book.
      .filter((group) => !group.amount.isZero());
    for (const line of lines) this.lineIds.add(lineIdOf(line.key));

    const activities = rows.Ta_Kegiatan.flatMap((kegiatan): PlannedCommand[] => {
      const code = this.kegiatanCode('Ta_Kegiatan', kegiatan.row, kegiatan.Kd_Keg);
      const own = lines.filter((line) => line.key.kegiatanCode === code);
      if (code === undefined || own.length === 0) return [];
      const costs = new Map<string, Rupiah>();
      for (const line of own)
        costs.set(line.key.source, (costs.get(line.key.source) ?? ZERO).plus(line.amount));
      return [
        {
          table: 'Ta_Kegiatan',
          naturalKey: kegiatan.Kd_Keg,
          row: kegiatan.row,
          step: 'plan',
          type: 'PlanRkpdesActivity',
          payload: {
            activityId: code,
            subBidangCode: code.split('.').slice(0, 2).join('.'),
            kegiatanCode: code,
            name: clip(kegiatan.Nama_Kegiatan, TEXT_MAX),
            location: { hamlet: clip(kegiatan.Lokasi ?? NOT_IN_SISKEUDES, TEXT_MAX) },
            output: { volume: '1', unit: clip(kegiatan.Keluaran ?? 'kegiatan', UNIT_MAX) },
            executor: {
              name: clip(kegiatan.Nm_PPTKD ?? NOT_IN_SISKEUDES, TEXT_MAX),
              position: clip(kegiatan.Jbt_PPTKD ?? 'PKA', TEXT_MAX),
            },
            beneficiaries: { description: NOT_IN_SISKEUDES, count: 0 },
            estimatedCosts: [...costs].map(([source, amount]) => ({
              source,
              amount: toAmountText(amount),
            })),
          },
        },
      ];
    });
    const drafted = lines.map(({ key, rows: items, amount }): PlannedCommand => {
      const first = items[0]!;
      const description = clip(
        items.map((item) => item.Uraian ?? item.Kd_Rincian).join('; '),
        TEXT_MAX,
      );
      const common = {
        lineId: lineIdOf(key),
        account: key.account,
        source: key.source,
        description,
      };
      return {
        table: 'Ta_RABRinci',
        naturalKey: items.map((item) => naturalKey('Ta_RABRinci', item)).join(' + '),
        row: first.row,
        step: 'draft',
        type: 'DraftApbdesLine',
        payload: {
          line:
            key.kind === 'spending'
              ? {
                  kind: 'spending',
                  ...common,
                  activityId: key.kegiatanCode,
                  ...(this.target.reference.fundSources.get(key.source)?.danaDesa
                    ? { earmark: this.unknownEarmark() }
                    : {}),
                  ...volumeOf(items.length === 1 ? first : undefined, amount),
                }
              : { kind: key.kind, ...common, amount: toAmountText(amount) },
        },
      };
    });
    const perdes = desa.No_Perdes;
    const date = desa.Tgl_Perdes === undefined ? undefined : isoOrProblem(desa, this.problems);
    if (!perdes)
      this.problems.push(importProblem('VALUE_PRESENT', 'Ta_Desa', desa.row, 'No_Perdes', ''));
    if (!perdes || !date) return [...activities, ...drafted];
    const step = (
      step: string,
      type: string,
      payload: Record<string, unknown>,
    ): PlannedCommand => ({
      table: 'Ta_Desa',
      naturalKey: desa.Kd_Desa,
      row: desa.row,
      step,
      type,
      payload,
    });
    return [
      ...activities,
      step('draft', 'StartApbdesDraft', {}),
      ...drafted,
      step('bpd', 'SubmitApbdesToBpd', { date }),
      step('agreed', 'RecordBpdAgreement', { date, minutesNumber: NOT_IN_SISKEUDES }),
      step('to-camat', 'SubmitApbdesForEvaluation', { date }),
      {
        ...step('evaluated', 'ReceiveApbdesEvaluation', { reference: NOT_IN_SISKEUDES }),
        evaluation: { date, reference: NOT_IN_SISKEUDES, outcome: 'approved', remarks: [] },
      },
      step('enacted', 'EnactApbdes', { perdesNumber: perdes, date }),
      step('elaborated', 'ElaborateApbdes', { perkadesNumber: NOT_IN_SISKEUDES, date }),
    ];
  }

  receipts(rows: SiskeudesTables): PlannedCommand[] {
    const tbps = groupBy(rows.Ta_TBP, (row) => row.No_Bukti);
    const rincis = groupBy(rows.Ta_TBPRinci, (row) => row.No_Bukti);
    return rows.Ta_TBPRinci.flatMap((rinci): PlannedCommand[] => {
      const tbp = tbps.get(rinci.No_Bukti)?.[0];
      if (!tbp) {
        this.problems.push(
          importProblem('PARENT_PRESENT', 'Ta_TBPRinci', rinci.row, 'No_Bukti', rinci.No_Bukti),
        );
        return [];
      }
      const receiptId = receiptIdOf(rinci, rincis.get(rinci.No_Bukti) ?? []);
      return [
        {
          table: 'Ta_TBPRinci',
          naturalKey: naturalKey('Ta_TBPRinci', rinci),
          row: rinci.row,
          step: 'receipt',
          type: 'RecordReceipt',
          payload: {
            receiptId,
            date: tbp.Tgl_Bukti,
            account: rinci.Kd_Rincian,
            source: rinci.SumberDana,
            amount: toAmountText(rinci.Nilai),
            into: cashAccountOf(tbp.KdBayar),
            payer: { name: clip(tbp.Nm_Penyetor ?? NOT_IN_SISKEUDES, TEXT_MAX) },
            description: clip(tbp.Uraian ?? `TBP ${tbp.No_Bukti}`, TEXT_MAX),
          },
        },
      ];
    });
  }

  /** Rows whose parent row is missing would be left out without a word: each is a problem. */
  orphans<T extends TableName>(
    table: T,
    rows: Placed<T>[],
    hasParent: (row: Placed<T>) => boolean,
    column: keyof Placed<T> & string,
  ) {
    for (const row of rows)
      if (!hasParent(row))
        this.problems.push(
          importProblem('PARENT_PRESENT', table, row.row, column, String(row[column])),
        );
  }

  private taxOf(table: TableName, row: number, account: string): string | undefined {
    const tax = this.target.reference.policy.taxes.find((t) => t.pfkAccount === account)?.tax;
    if (!tax)
      this.problems.push(importProblem('TAX_ACCOUNT_KNOWN', table, row, 'Kd_Rincian', account));
    return tax;
  }

  paymentRequests(rows: SiskeudesTables, desa: Placed<'Ta_Desa'>): PlannedCommand[] {
    const bySpp = <R extends { No_SPP: string }>(list: R[]) => groupBy(list, (row) => row.No_SPP);
    const index = {
      rinci: bySpp(rows.Ta_SPPRinci),
      bukti: bySpp(rows.Ta_SPPBukti),
      pot: bySpp(rows.Ta_SPPPot),
      paid: bySpp(rows.Ta_Pencairan),
    };
    const spps = new Set(rows.Ta_SPP.map((spp) => spp.No_SPP));
    for (const table of ['Ta_SPPRinci', 'Ta_SPPBukti', 'Ta_SPPPot', 'Ta_Pencairan'] as const)
      this.orphans(table, rows[table], (row) => spps.has(row.No_SPP), 'No_SPP');
    return rows.Ta_SPP.flatMap((spp): PlannedCommand[] => {
      if (spp.Jn_SPP !== 'LS' && spp.Jn_SPP !== 'UM') {
        this.problems.push(
          importProblem('NOT_YET_SUPPORTED', 'Ta_SPP', spp.row, 'Jn_SPP', spp.Jn_SPP, {
            id: 'baru SPP LS dan panjar (UM) yang dapat diimpor',
            en: 'only LS and panjar (UM) payment requests can be imported so far',
          }),
        );
        return [];
      }
      const panjar = spp.Jn_SPP === 'UM';
      if (panjar) this.refuseAdvanceEvidence(spp, index.bukti, index.pot);
      const rinci = index.rinci.get(spp.No_SPP) ?? [];
      const activities = new Set(rinci.map((r) => r.Kd_Keg));
      if (rinci.length === 0 || activities.size > 1) {
        this.problems.push(
          importProblem(
            rinci.length === 0 ? 'PARENT_PRESENT' : 'NOT_YET_SUPPORTED',
            'Ta_SPP',
            spp.row,
            'No_SPP',
            spp.No_SPP,
          ),
        );
        return [];
      }
      const activityId = this.kegiatanCode('Ta_SPPRinci', rinci[0]!.row, rinci[0]!.Kd_Keg);
      const overrides: Record<string, unknown>[] = [];
      const lines = rinci.map((line) => {
        const lineId = this.spendingLineId('Ta_SPPRinci', line, activityId);
        const bukti = (index.bukti.get(spp.No_SPP) ?? []).filter(sameLine(line));
        const withheld = this.withheldPerTax(
          'Ta_SPPPot',
          (index.pot.get(spp.No_SPP) ?? []).filter((p) =>
            bukti.some((b) => b.No_Bukti === p.No_Bukti),
          ),
        );
        for (const [tax, amount] of withheld)
          overrides.push({
            lineId,
            tax,
            amount: toAmountText(amount),
            reason: 'Nilai potongan Ta_SPPPot (Siskeudes)',
          });
        const first = bukti[0];
        return {
          lineId,
          source: line.Sumberdana,
          amount: toAmountText(line.Nilai),
          taxes: [...withheld.keys()],
          ...(first ? { evidence: evidenceOf(first) } : {}),
        };
      });
      const step = (
        step: string,
        type: string,
        payload: Record<string, unknown>,
      ): PlannedCommand => ({
        table: 'Ta_SPP',
        naturalKey: spp.No_SPP,
        row: spp.row,
        step,
        type,
        payload,
      });
      const date = spp.Tgl_SPP;
      const decision = { sppId: spp.No_SPP, date };
      const commands: PlannedCommand[] = [
        step('draft', 'DraftPaymentRequest', {
          sppId: spp.No_SPP,
          kind: spp.Jn_SPP,
          activityId,
          date,
          description: clip(spp.Keterangan ?? `SPP ${spp.No_SPP}`, TEXT_MAX),
          progressReportReference: NOT_IN_SISKEUDES,
          lines,
        }),
        step('submit', 'SubmitPaymentRequest', decision),
        {
          ...step('verify', 'VerifyPaymentRequest', {
            ...decision,
            outcome: 'verified',
            reasons: [],
          }),
          actedBy: { role: 'secretary', name: desa.Nm_Sekdes ?? 'Sekretaris Desa' },
        },
        {
          ...step('approve', 'ApprovePaymentRequest', {
            ...decision,
            outcome: 'approved',
            reasons: [],
          }),
          actedBy: { role: 'villageHead', name: desa.Nm_Kades ?? 'Kepala Desa' },
        },
      ];
      const [paid, ...more] = index.paid.get(spp.No_SPP) ?? [];
      for (const other of more)
        this.problems.push(
          importProblem('NOT_YET_SUPPORTED', 'Ta_Pencairan', other.row, 'No_SPP', other.No_SPP, {
            id: 'satu SPP dibayar lebih dari sekali',
            en: 'one SPP paid more than once',
          }),
        );
      if (!paid) return commands;
      return [
        ...commands,
        {
          table: 'Ta_Pencairan',
          naturalKey: paid.No_Cek,
          row: paid.row,
          step: 'pay',
          type: 'PayPaymentRequest',
          payload: {
            paymentId: paid.No_Cek,
            sppId: spp.No_SPP,
            date: paid.Tgl_Cek,
            from: cashAccountOf(paid.KdBayar),
            transferReference: paid.No_Cek,
            taxOverrides: overrides,
          },
        },
      ];
    });
  }

  /** Deductions (Ta_SPPPot, Ta_SPJPot) of some evidence, summed per tax of the regency's policy. */
  withheldPerTax(table: 'Ta_SPPPot' | 'Ta_SPJPot', pots: readonly Deduction[]) {
    const withheld = new Map<string, Rupiah>();
    for (const pot of pots) {
      const tax = this.taxOf(table, pot.row, pot.Kd_Rincian);
      if (tax) withheld.set(tax, (withheld.get(tax) ?? ZERO).plus(pot.Nilai));
    }
    return withheld;
  }

  /**
   * Rows Kasdesa cannot book as Siskeudes has them, each refused by name
   * rather than left out: a general journal (Ta_JurnalUmum), which Kasdesa
   * has no command for: a correction there is the reversal of the entry it
   * corrects.
   */
  refuseUnbookable(rows: SiskeudesTables) {
    for (const table of ['Ta_JurnalUmum', 'Ta_JurnalUmumRinci'] as const)
      for (const row of rows[table])
        this.problems.push(
          importProblem('NOT_YET_SUPPORTED', table, row.row, 'NoBukti', row.NoBukti ?? '', {
            id: 'Kasdesa tidak membukukan jurnal umum; koreksi dibukukan sebagai pembalikan transaksinya',
            en: 'Kasdesa books no general journal; a correction is the reversal of the entry it corrects',
          }),
        );
  }

  /** A panjar is advanced without evidence: its kuitansi and deductions come with its SPJ. */
  private refuseAdvanceEvidence(
    spp: Placed<'Ta_SPP'>,
    bukti: Map<string, Placed<'Ta_SPPBukti'>[]>,
    pot: Map<string, Placed<'Ta_SPPPot'>[]>,
  ) {
    const rows = [
      ...(bukti.get(spp.No_SPP) ?? []).map((row) => ['Ta_SPPBukti', row.row] as const),
      ...(pot.get(spp.No_SPP) ?? []).map((row) => ['Ta_SPPPot', row.row] as const),
    ];
    for (const [table, row] of rows)
      this.problems.push(
        importProblem('NOT_YET_SUPPORTED', table, row, 'No_SPP', spp.No_SPP, {
          id: 'SPP panjar (UM) dengan bukti atau potongan; buktinya dipertanggungjawabkan di SPJ',
          en: 'a panjar (UM) SPP with evidence or deductions; its evidence belongs to its SPJ',
        }),
      );
  }

  /** The Kasdesa budget line a realisation row falls on; a problem when the budget has none. */
  spendingLineId(
    table: 'Ta_SPPRinci' | 'Ta_SPJRinci' | 'Ta_Mutasi',
    line: { row: number; Kd_Keg: string; Kd_Rincian: string; Sumberdana: string },
    kegiatanCode = this.kegiatanCode(table, line.row, line.Kd_Keg),
  ): string {
    const lineId = lineIdOf({
      kind: 'spending',
      kegiatanCode,
      account: line.Kd_Rincian,
      source: line.Sumberdana,
    });
    if (!this.lineIds.has(lineId))
      this.problems.push(
        importProblem('BUDGET_LINE_PRESENT', table, line.row, 'Kd_Rincian', lineId),
      );
    return lineId;
  }

  /**
   * Per Ta_STS: cash receipts paid into the bank (surat tanda setoran). Its
   * Ta_STSRinci rows name the TBPs; Kasdesa deposits whole receipts, so each
   * row's amount must be its TBP's whole amount.
   */
  cashDeposits(rows: SiskeudesTables): PlannedCommand[] {
    const lines = groupBy(rows.Ta_STSRinci, (row) => row.No_Bukti);
    const tbpRinci = groupBy(rows.Ta_TBPRinci, (row) => row.No_Bukti);
    const stss = new Set(rows.Ta_STS.map((sts) => sts.No_Bukti));
    this.orphans('Ta_STSRinci', rows.Ta_STSRinci, (row) => stss.has(row.No_Bukti), 'No_Bukti');
    return rows.Ta_STS.flatMap((sts): PlannedCommand[] => {
      const receiptIds = (lines.get(sts.No_Bukti) ?? []).flatMap((line) => {
        const received = tbpRinci.get(line.No_TBP) ?? [];
        this.checkWholeReceipt(line, received);
        return received.map((rinci) => receiptIdOf(rinci, received));
      });
      if (receiptIds.length === 0) {
        this.problems.push(
          importProblem('PARENT_PRESENT', 'Ta_STS', sts.row, 'No_Bukti', sts.No_Bukti),
        );
        return [];
      }
      return [
        {
          table: 'Ta_STS',
          naturalKey: sts.No_Bukti,
          row: sts.row,
          step: 'deposit',
          type: 'DepositCashReceipts',
          payload: { stsId: sts.No_Bukti, date: sts.Tgl_Bukti, receiptIds },
        },
      ];
    });
  }

  /** An STS line deposits a TBP of the file, whole: Kasdesa deposits receipts, not parts of them. */
  private checkWholeReceipt(line: Placed<'Ta_STSRinci'>, received: Placed<'Ta_TBPRinci'>[]) {
    const whole = sum(received.map((rinci) => rinci.Nilai));
    if (received.length === 0)
      this.problems.push(
        importProblem('PARENT_PRESENT', 'Ta_STSRinci', line.row, 'No_TBP', line.No_TBP),
      );
    else if (!whole.equals(line.Nilai))
      this.problems.push(
        importProblem(
          'NOT_YET_SUPPORTED',
          'Ta_STSRinci',
          line.row,
          'Nilai',
          toAmountText(line.Nilai),
          {
            id: `setoran sebagian dari TBP ${line.No_TBP} (${toAmountText(whole)})`,
            en: `part of TBP ${line.No_TBP} deposited (${toAmountText(whole)})`,
          },
        ),
      );
  }

  taxDeposits(rows: SiskeudesTables): PlannedCommand[] {
    const pajakRinci = groupBy(rows.Ta_PajakRinci, (row) => row.No_SSP);
    const ssps = new Set(rows.Ta_Pajak.map((ssp) => ssp.No_SSP));
    this.orphans('Ta_PajakRinci', rows.Ta_PajakRinci, (row) => ssps.has(row.No_SSP), 'No_SSP');
    return rows.Ta_Pajak.flatMap((ssp): PlannedCommand[] => {
      const perTax = new Map<string, Rupiah>();
      for (const rinci of pajakRinci.get(ssp.No_SSP) ?? []) {
        const tax = this.taxOf('Ta_PajakRinci', rinci.row, rinci.Kd_Rincian);
        if (tax) perTax.set(tax, (perTax.get(tax) ?? ZERO).plus(rinci.Nilai));
      }
      if (!ssp.NTPN)
        this.problems.push(importProblem('VALUE_PRESENT', 'Ta_Pajak', ssp.row, 'NTPN', ''));
      return [...perTax].map(([tax, amount]) => ({
        table: 'Ta_Pajak',
        naturalKey: perTax.size === 1 ? ssp.No_SSP : `${ssp.No_SSP}|${tax}`,
        row: ssp.row,
        step: 'deposit',
        type: 'DepositTax',
        payload: {
          depositId: perTax.size === 1 ? ssp.No_SSP : `${ssp.No_SSP}/${tax}`,
          tax,
          date: ssp.Tgl_SSP,
          amount: toAmountText(amount),
          from: cashAccountOf(ssp.KdBayar),
          ntpn: ssp.NTPN ?? '',
        },
      }));
    });
  }
}

/**
 * The year's transactions in the order they happened (a stable sort by
 * business date), so that each balance a rule checks, or an exception
 * reports, is that day's. A step of an SPP (its payment, its panjar's SPJ)
 * never comes before the steps planned ahead of it.
 */
function inDateOrder(commands: PlannedCommand[]): PlannedCommand[] {
  const latest = new Map<unknown, string>();
  const dated = commands.map((command) => {
    const own = String(command.payload.date);
    const sppId = command.payload.sppId;
    const before = sppId === undefined ? undefined : latest.get(sppId);
    const date = before !== undefined && before > own ? before : own;
    if (sppId !== undefined) latest.set(sppId, date);
    return { command, date };
  });
  return dated
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
    .map(({ command }) => command);
}

/** A TBP of several Ta_TBPRinci rows is several Kasdesa receipts, numbered after the TBP. */
function receiptIdOf(rinci: Placed<'Ta_TBPRinci'>, siblings: readonly Placed<'Ta_TBPRinci'>[]) {
  return siblings.length === 1
    ? rinci.No_Bukti
    : `${rinci.No_Bukti}/${siblings.indexOf(rinci) + 1}`;
}

/** An opening balance of Ta_SaldoAwal: Debet − Kredit of the account's rows. */
export function openingBalance(rows: SiskeudesTables, account: string): Rupiah {
  return sum(
    rows.Ta_SaldoAwal.filter((r) => r.Kd_Rincian === account).map((r) => r.Debet.minus(r.Kredit)),
  );
}

/** One item's own volume and price when they multiply to its amount exactly; else one package. */
function volumeOf(item: Placed<'Ta_RABRinci'> | undefined, amount: Rupiah) {
  const volume = item?.JmlSatuanPAK?.replace(/\.0+$/, '');
  const price = item?.HrgSatuanPAK;
  if (item && volume && price && /^\d{1,9}(\.\d{1,4})?$/.test(volume) && !price.isZero()) {
    if (exactProduct(volume, price)?.equals(amount))
      return {
        volume,
        unit: clip(item.Satuan ?? 'paket', UNIT_MAX),
        unitPrice: toAmountText(price),
      };
  }
  return { volume: '1', unit: 'paket', unitPrice: toAmountText(amount) };
}

function isoOrProblem(desa: Placed<'Ta_Desa'>, problems: ImportProblem[]): string | undefined {
  const text = desa.Tgl_Perdes ?? '';
  const iso = isoDateOf(text);
  if (!iso) problems.push(importProblem('DATE_FORMAT', 'Ta_Desa', desa.row, 'Tgl_Perdes', text));
  return iso;
}
