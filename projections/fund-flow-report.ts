import type { FundOrigin, ReferenceData } from '../src/domain/reference/reference-data';
import { fundSourceRow } from '../src/domain/reference/row-schemas';
import { rupiah, toAmountText, ZERO, type Rupiah } from '../src/domain/shared/money';
import type { VillageState } from '../src/domain/village/state';
import { regencyFlow, type FlowRow, type FundFlowState, type Transfer } from './fund-flow';
import { villageSourceFlow, type VillageSourceFlow } from './village-source-flow';

/** The village fiscal year of a village code, when its stream has been seen. */
export type VillageStates = (villageCode: string) => VillageState | undefined;

/** The village side of the flow, summed: received → budgeted → spent → cash remaining, SiLPA. */
const VILLAGE_AMOUNTS = ['received', 'budgeted', 'spent', 'cashRemaining', 'openingSilpa'] as const;
type VillageAmount = (typeof VILLAGE_AMOUNTS)[number];

/** APBN, APBD provinsi, APBD kabupaten, village own, other: the origins reference data knows. */
export const FUND_ORIGINS: readonly FundOrigin[] = fundSourceRow.shape.origin.options;

export interface FlowTotals {
  allocation: string;
  transferred: string;
  /** Allocation not yet transferred. */
  remaining: string;
  /** Per stage number: planned (Dana Desa) and transferred. */
  stages: { stage: number; planned: string; transferred: string }[];
  received: string;
  budgeted: string;
  spent: string;
  cashRemaining: string;
  openingSilpa: string;
  /** Spent per bidang code (and `financing` for pengeluaran pembiayaan). */
  spentByBidang: Record<string, string>;
}

export interface SourceFlow extends FlowTotals {
  source: string;
  sourceName: string;
  origin: FundOrigin;
  transfers: (Transfer & { stage: number })[];
  /** The village's books for this source; null when the village has no ledger for the year. */
  village: VillageSourceFlow | null;
}

interface Breakdown {
  totals: FlowTotals;
  bySource: Record<string, FlowTotals>;
  byOrigin: Record<FundOrigin, FlowTotals>;
}

export interface VillageFlowReport extends Breakdown {
  villageCode: string;
  villageName: string;
  sources: SourceFlow[];
}

export interface DistrictFlowReport extends Breakdown {
  districtCode: string;
  districtName: string;
  villages: VillageFlowReport[];
}

export interface FundFlowReport extends Breakdown {
  regency: { code: string; name: string };
  fiscalYear: number;
  stageNumbers: number[];
  /** Origin of every fund source of the year (reference data). */
  sourceOrigins: Record<string, FundOrigin>;
  districts: DistrictFlowReport[];
}

interface BreakdownContext {
  stageNumbers: number[];
  /** Every fund source of the year, so that each total lists them all in reference order. */
  sourceCodes: string[];
}

interface Accumulator {
  allocation: Rupiah;
  transferred: Rupiah;
  stages: Map<number, { planned: Rupiah; transferred: Rupiah }>;
  village: Record<VillageAmount, Rupiah>;
  byBidang: Map<string, Rupiah>;
}

const emptyAccumulator = (): Accumulator => ({
  allocation: ZERO,
  transferred: ZERO,
  stages: new Map(),
  village: Object.fromEntries(VILLAGE_AMOUNTS.map((key) => [key, ZERO])) as Accumulator['village'],
  byBidang: new Map(),
});

/**
 * Allocation → transferred per village and source, with totals per village,
 * district and regency, per source and per origin (origins from the
 * reference data's fund-source flags).
 */
export function fundFlowReport(
  state: FundFlowState,
  reference: ReferenceData,
  villageStates: VillageStates = () => undefined,
): FundFlowReport {
  const flow = regencyFlow(state, reference.regency.code, reference.fiscalYear);
  const rows = withVillageOnlySources(Object.values(flow?.rows ?? {}), reference, villageStates);
  const stageNumbers = [...new Set(rows.flatMap((row) => row.stages.map((s) => s.stage)))].sort(
    (a, b) => a - b,
  );
  const context = { stageNumbers, sourceCodes: [...reference.fundSources.keys()] };
  const districts = [...reference.districts.values()].map((district) => {
    const villages = [...reference.villages.values()]
      .filter((village) => village.districtCode === district.code)
      .map((village) => {
        const sources = rows
          .filter((row) => row.villageCode === village.code)
          .map((row) => sourceFlow(row, reference, stageNumbers, villageStates(village.code)));
        return {
          villageCode: village.code,
          villageName: village.name,
          sources,
          ...breakdown(sources, context),
        };
      });
    const sources = villages.flatMap((village) => village.sources);
    return {
      districtCode: district.code,
      districtName: district.name,
      villages,
      ...breakdown(sources, context),
    };
  });
  const all = districts.flatMap((district) =>
    district.villages.flatMap((village) => village.sources),
  );
  return {
    regency: reference.regency,
    fiscalYear: reference.fiscalYear,
    stageNumbers,
    sourceOrigins: Object.fromEntries(
      [...reference.fundSources.values()].map((s) => [s.code, s.origin]),
    ),
    districts,
    ...breakdown(all, context),
  };
}

/** Sources a village budgets or receives without a regency allocation (own revenue, other). */
function withVillageOnlySources(
  rows: FlowRow[],
  reference: ReferenceData,
  villages: VillageStates,
): FlowRow[] {
  const extra: FlowRow[] = [];
  for (const village of reference.villages.values()) {
    const state = villages(village.code);
    if (!state?.fiscalYear) continue;
    const allocated = new Set(
      rows.filter((r) => r.villageCode === village.code).map((r) => r.source),
    );
    const seen = new Set([
      ...state.fiscalYear.silpa.map((s) => s.source),
      ...state.budget.versions.flatMap((v) => [...v.lines.values()].map((line) => line.source)),
    ]);
    for (const source of [...reference.fundSources.keys()].filter(
      (c) => seen.has(c) && !allocated.has(c),
    ))
      extra.push({
        villageCode: village.code,
        source,
        allocation: '0.00',
        legalReference: { document: '-', number: '-', date: `${reference.fiscalYear}-01-01` },
        allocationHistory: [],
        stages: [],
        transferred: '0.00',
      });
  }
  return [...rows, ...extra];
}

function sourceFlow(
  row: FlowRow,
  reference: ReferenceData,
  stageNumbers: number[],
  village: VillageState | undefined,
): SourceFlow {
  const fundSource = reference.fundSources.get(row.source);
  const villageFlow = village?.fiscalYear ? villageSourceFlow(village, row) : null;
  const accumulator = add(emptyAccumulator(), { ...row, village: villageFlow });
  return {
    source: row.source,
    sourceName: fundSource?.name ?? row.source,
    origin: fundSource?.origin ?? 'LAIN_LAIN',
    ...totalsOf(accumulator, stageNumbers),
    transfers: row.stages.flatMap((s) => s.transfers.map((t) => ({ ...t, stage: s.stage }))),
    village: villageFlow,
  };
}

/** What adds up: a stored flow row or a source's totals. */
interface Amounts {
  allocation: string;
  transferred: string;
  stages: { stage: number; planned: string | null; transferred: string }[];
  village: (Record<VillageAmount, string> & { spentByBidang: Record<string, string> }) | null;
}

function add(into: Accumulator, row: Amounts): Accumulator {
  const stages = new Map(into.stages);
  for (const stage of row.stages) {
    const before = stages.get(stage.stage) ?? { planned: ZERO, transferred: ZERO };
    stages.set(stage.stage, {
      planned: before.planned.plus(rupiah(stage.planned ?? '0')),
      transferred: before.transferred.plus(rupiah(stage.transferred)),
    });
  }
  const byBidang = new Map(into.byBidang);
  for (const [bidang, amount] of Object.entries(row.village?.spentByBidang ?? {}))
    byBidang.set(bidang, (byBidang.get(bidang) ?? ZERO).plus(rupiah(amount)));
  const village = Object.fromEntries(
    VILLAGE_AMOUNTS.map((key) => [key, into.village[key].plus(rupiah(row.village?.[key] ?? '0'))]),
  ) as Accumulator['village'];
  return {
    allocation: into.allocation.plus(rupiah(row.allocation)),
    transferred: into.transferred.plus(rupiah(row.transferred)),
    stages,
    village,
    byBidang,
  };
}

function totalsOf(accumulator: Accumulator, stageNumbers: number[]): FlowTotals {
  return {
    allocation: toAmountText(accumulator.allocation),
    transferred: toAmountText(accumulator.transferred),
    remaining: toAmountText(accumulator.allocation.minus(accumulator.transferred)),
    stages: stageNumbers.map((stage) => {
      const found = accumulator.stages.get(stage);
      return {
        stage,
        planned: toAmountText(found?.planned ?? ZERO),
        transferred: toAmountText(found?.transferred ?? ZERO),
      };
    }),
    ...(Object.fromEntries(
      VILLAGE_AMOUNTS.map((key) => [key, toAmountText(accumulator.village[key])]),
    ) as Record<VillageAmount, string>),
    spentByBidang: Object.fromEntries(
      [...accumulator.byBidang]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, toAmountText(v)]),
    ),
  };
}

function breakdown(sources: SourceFlow[], context: BreakdownContext): Breakdown {
  const { stageNumbers, sourceCodes } = context;
  let overall = emptyAccumulator();
  const bySource = new Map<string, Accumulator>(
    sourceCodes.map((code) => [code, emptyAccumulator()]),
  );
  const byOrigin = new Map<FundOrigin, Accumulator>(
    FUND_ORIGINS.map((origin) => [origin, emptyAccumulator()]),
  );
  for (const flow of sources) {
    const amounts = { ...flow, village: flow };
    overall = add(overall, amounts);
    bySource.set(flow.source, add(bySource.get(flow.source) ?? emptyAccumulator(), amounts));
    byOrigin.set(flow.origin, add(byOrigin.get(flow.origin) ?? emptyAccumulator(), amounts));
  }
  const record = <K extends string>(map: Map<K, Accumulator>) =>
    Object.fromEntries([...map].map(([key, acc]) => [key, totalsOf(acc, stageNumbers)])) as Record<
      K,
      FlowTotals
    >;
  return {
    totals: totalsOf(overall, stageNumbers),
    bySource: record(bySource),
    byOrigin: record(byOrigin),
  };
}
