import type { FundOrigin, ReferenceData } from '../src/domain/reference/reference-data';
import { fundSourceRow } from '../src/domain/reference/row-schemas';
import { rupiah, ZERO, type Rupiah } from '../src/domain/shared/money';
import { regencyFlow, type FlowRow, type FundFlowState, type Transfer } from './fund-flow';
import type { VillageView } from './village-books';
import { immutablePart } from './immutable-part';
import { sumText } from './sum-text';
import { villageSourceFlow, type VillageSourceFlow } from './village-source-flow';

/** The village fiscal year of a village code, when its stream has been seen. */
export type VillageStates = (villageCode: string) => VillageView | undefined;

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
  /** Nothing added yet: adding it changes nothing, and most per-source totals of a village are so. */
  empty: boolean;
}

const emptyAccumulator = (): Accumulator => ({
  empty: true,
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
      .map((village) =>
        villagePart(state, reference, village, villageStates(village.code), () => {
          const counted = rows
            .filter((row) => row.villageCode === village.code)
            .map((row) => sourceFlow(row, reference, stageNumbers, villageStates(village.code)));
          const totals = sourceTotals(counted, context);
          const report = villageFlowReport(village, counted, totals, stageNumbers);
          return { totals, report: immutablePart(report) };
        }),
      );
    const totals = sumTotals(
      villages.map((village) => village.totals),
      context,
    );
    return {
      totals,
      report: {
        districtCode: district.code,
        districtName: district.name,
        villages: villages.map((village) => village.report),
        ...breakdown(totals, stageNumbers),
      },
    };
  });
  const totals = sumTotals(
    districts.map((district) => district.totals),
    context,
  );
  return {
    regency: reference.regency,
    fiscalYear: reference.fiscalYear,
    stageNumbers,
    sourceOrigins: Object.fromEntries(
      [...reference.fundSources.values()].map((s) => [s.code, s.origin]),
    ),
    districts: districts.map((district) => district.report),
    ...breakdown(totals, stageNumbers),
  };
}

interface VillagePart {
  totals: Totals;
  report: VillageFlowReport;
}

interface CachedPart {
  reference: ReferenceData;
  view: VillageView | undefined;
  revisions: string;
  part: VillagePart;
}

/**
 * Each village's part of the report, kept until its books or the regency's
 * flow move (their revisions), or another year or regency is asked for: a
 * report asked again after one receipt recomputes one village.
 */
const villageParts = new WeakMap<FundFlowState, Map<string, CachedPart>>();

function villagePart(
  state: FundFlowState,
  reference: ReferenceData,
  village: { code: string },
  view: VillageView | undefined,
  build: () => VillagePart,
): VillagePart {
  let parts = villageParts.get(state);
  if (!parts) villageParts.set(state, (parts = new Map()));
  const revisions = `${state.revision}:${view?.revision ?? 'none'}`;
  const cached = parts.get(village.code);
  if (cached?.reference === reference && cached.view === view && cached.revisions === revisions)
    return cached.part;
  const part = build();
  parts.set(village.code, { reference, view, revisions, part });
  return part;
}

function villageFlowReport(
  village: { code: string; name: string },
  counted: Counted[],
  totals: Totals,
  stageNumbers: number[],
): VillageFlowReport {
  return {
    villageCode: village.code,
    villageName: village.name,
    sources: counted.map(([flow]) => flow),
    ...breakdown(totals, stageNumbers),
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

/** A source's flow and its amounts, parsed once: the totals above it add these up. */
type Counted = [SourceFlow, Accumulator];

function sourceFlow(
  row: FlowRow,
  reference: ReferenceData,
  stageNumbers: number[],
  village: VillageView | undefined,
): Counted {
  const fundSource = reference.fundSources.get(row.source);
  const villageFlow = village?.fiscalYear ? villageSourceFlow(village, row) : null;
  const amounts = accumulatorOf({ ...row, village: villageFlow });
  const flow = {
    source: row.source,
    sourceName: fundSource?.name ?? row.source,
    origin: fundSource?.origin ?? 'LAIN_LAIN',
    ...totalsOf(amounts, stageNumbers),
    transfers: row.stages.flatMap((s) => s.transfers.map((t) => ({ ...t, stage: s.stage }))),
    village: villageFlow,
  };
  return [flow, amounts];
}

/** A stored flow row with the village's side of it. */
interface Amounts {
  allocation: string;
  transferred: string;
  stages: { stage: number; planned: string | null; transferred: string }[];
  village: (Record<VillageAmount, string> & { spentByBidang: Record<string, string> }) | null;
}

function accumulatorOf(row: Amounts): Accumulator {
  const parsed = emptyAccumulator();
  for (const stage of row.stages)
    addTo(parsed.stages, stage.stage, {
      planned: rupiah(stage.planned ?? '0'),
      transferred: rupiah(stage.transferred),
    });
  for (const [bidang, amount] of Object.entries(row.village?.spentByBidang ?? {}))
    parsed.byBidang.set(bidang, (parsed.byBidang.get(bidang) ?? ZERO).plus(rupiah(amount)));
  for (const key of VILLAGE_AMOUNTS)
    parsed.village[key] = ZERO.plus(rupiah(row.village?.[key] ?? '0'));
  parsed.empty = false;
  parsed.allocation = ZERO.plus(rupiah(row.allocation));
  parsed.transferred = ZERO.plus(rupiah(row.transferred));
  return parsed;
}

type StageAmounts = { planned: Rupiah; transferred: Rupiah };

function addTo(stages: Map<number, StageAmounts>, stage: number, amounts: StageAmounts): void {
  const before = stages.get(stage) ?? { planned: ZERO, transferred: ZERO };
  stages.set(stage, {
    planned: before.planned.plus(amounts.planned),
    transferred: before.transferred.plus(amounts.transferred),
  });
}

/** Adds a source's amounts into a total (the breakdown's own, updated in place). */
function merge(into: Accumulator, from: Accumulator): void {
  if (from.empty) return;
  into.empty = false;
  into.allocation = into.allocation.plus(from.allocation);
  into.transferred = into.transferred.plus(from.transferred);
  for (const [stage, amounts] of from.stages) addTo(into.stages, stage, amounts);
  for (const [bidang, amount] of from.byBidang)
    into.byBidang.set(bidang, (into.byBidang.get(bidang) ?? ZERO).plus(amount));
  for (const key of VILLAGE_AMOUNTS) into.village[key] = into.village[key].plus(from.village[key]);
}

function totalsOf(accumulator: Accumulator, stageNumbers: number[]): FlowTotals {
  return {
    allocation: sumText(accumulator.allocation),
    transferred: sumText(accumulator.transferred),
    remaining: sumText(accumulator.allocation.minus(accumulator.transferred)),
    stages: stageNumbers.map((stage) => {
      const found = accumulator.stages.get(stage);
      return {
        stage,
        planned: sumText(found?.planned ?? ZERO),
        transferred: sumText(found?.transferred ?? ZERO),
      };
    }),
    ...(Object.fromEntries(
      VILLAGE_AMOUNTS.map((key) => [key, sumText(accumulator.village[key])]),
    ) as Record<VillageAmount, string>),
    spentByBidang: Object.fromEntries(
      [...accumulator.byBidang]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, sumText(v)]),
    ),
  };
}

/** The amounts of a village, district or regency, as they add up: overall, per source and per origin. */
interface Totals {
  overall: Accumulator;
  bySource: Map<string, Accumulator>;
  byOrigin: Map<FundOrigin, Accumulator>;
}

/** Every fund source of the year and every origin listed, in reference order, even when nothing moved. */
const emptyTotals = ({ sourceCodes }: BreakdownContext): Totals => ({
  overall: emptyAccumulator(),
  bySource: new Map(sourceCodes.map((code) => [code, emptyAccumulator()])),
  byOrigin: new Map(FUND_ORIGINS.map((origin) => [origin, emptyAccumulator()])),
});

function accumulatorIn<K>(map: Map<K, Accumulator>, key: K): Accumulator {
  const found = map.get(key);
  if (found) return found;
  const created = emptyAccumulator();
  map.set(key, created);
  return created;
}

function sourceTotals(sources: Counted[], context: BreakdownContext): Totals {
  const totals = emptyTotals(context);
  for (const [flow, amounts] of sources) {
    merge(totals.overall, amounts);
    merge(accumulatorIn(totals.bySource, flow.source), amounts);
    merge(accumulatorIn(totals.byOrigin, flow.origin), amounts);
  }
  return totals;
}

/** A district's totals from its villages', the regency's from its districts' (the same sums, fewer additions). */
function sumTotals(parts: Totals[], context: BreakdownContext): Totals {
  const totals = emptyTotals(context);
  for (const part of parts) {
    merge(totals.overall, part.overall);
    for (const [code, amounts] of part.bySource)
      merge(accumulatorIn(totals.bySource, code), amounts);
    for (const [origin, amounts] of part.byOrigin)
      merge(accumulatorIn(totals.byOrigin, origin), amounts);
  }
  return totals;
}

function breakdown(totals: Totals, stageNumbers: number[]): Breakdown {
  const record = <K extends string>(map: Map<K, Accumulator>) =>
    Object.fromEntries([...map].map(([key, acc]) => [key, totalsOf(acc, stageNumbers)])) as Record<
      K,
      FlowTotals
    >;
  return {
    totals: totalsOf(totals.overall, stageNumbers),
    bySource: record(totals.bySource),
    byOrigin: record(totals.byOrigin),
  };
}
