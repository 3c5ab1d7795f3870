import type { FundOrigin, ReferenceData, Village } from '../../domain/reference/reference-data';
import { fundSourceRow } from '../../domain/reference/row-schemas';
import { rupiah, ZERO, type Rupiah } from '../../domain/shared/money';
import {
  regencyFlow,
  type FlowRow,
  type FundFlowState,
  type Transfer,
} from '../../../projections/read-models/fund-flow';
import type { VillageView } from '../../../projections/folds/village-books';
import { immutablePart } from '../render/immutable-part';
import { sumText } from '../render/sum-text';
import {
  villageSourceDetail,
  villageSourceFlow,
  type VillageSourceDetail,
  type VillageSourceFlow,
} from './village-source-flow';

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

/** A village's flow of one source; `Side` says whether the village's receipts are listed or counted. */
export interface SourceFlow<Side extends VillageSourceFlow = VillageSourceFlow> extends FlowTotals {
  source: string;
  sourceName: string;
  origin: FundOrigin;
  transfers: (Transfer & { stage: number })[];
  /** The village's books for this source; null when the village has no ledger for the year. */
  village: Side | null;
}

interface Breakdown {
  totals: FlowTotals;
  bySource: Record<string, FlowTotals>;
  byOrigin: Record<FundOrigin, FlowTotals>;
}

export interface VillageFlowReport<
  Side extends VillageSourceFlow = VillageSourceFlow,
> extends Breakdown {
  villageCode: string;
  villageName: string;
  sources: SourceFlow<Side>[];
}

export interface DistrictFlowReport extends Breakdown {
  districtCode: string;
  districtName: string;
  villages: VillageFlowReport[];
}

/** What every level of the report heads with. */
interface ReportHeading {
  regency: { code: string; name: string };
  fiscalYear: number;
  /** The stages of the regency's year, the same columns at every level. */
  stageNumbers: number[];
  /** Origin of every fund source of the year (reference data). */
  sourceOrigins: Record<string, FundOrigin>;
}

/** Per village per source: amounts, transfers, mismatches and receipt counts (no receipt lists). */
export interface FundFlowReport extends Breakdown, ReportHeading {
  districts: DistrictFlowReport[];
}

/** One village's flow with every receipt it booked listed, in the flow and in each mismatch. */
export interface VillageFundFlowReport extends ReportHeading {
  district: { code: string; name: string };
  village: VillageFlowReport<VillageSourceDetail>;
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

/** The regency's flow rows of the year and the stages they name. */
interface FlowYear {
  rows: FlowRow[];
  heading: ReportHeading;
  context: BreakdownContext;
}

function flowYear(
  state: FundFlowState,
  reference: ReferenceData,
  villages: Village[],
  villageStates: VillageStates,
): FlowYear {
  const flow = regencyFlow(state, reference.regency.code, reference.fiscalYear);
  const allocated = Object.values(flow?.rows ?? {});
  const rows = [...allocated, ...villageOnlySources(allocated, reference, villages, villageStates)];
  const stageNumbers = [
    ...new Set(allocated.flatMap((row) => row.stages.map((s) => s.stage))),
  ].sort((a, b) => a - b);
  return {
    rows,
    heading: {
      regency: reference.regency,
      fiscalYear: reference.fiscalYear,
      stageNumbers,
      sourceOrigins: Object.fromEntries(
        [...reference.fundSources.values()].map((s) => [s.code, s.origin]),
      ),
    },
    context: { stageNumbers, sourceCodes: [...reference.fundSources.keys()] },
  };
}

/**
 * Allocation → transferred per village and source, with totals per village,
 * district and regency, per source and per origin (origins from the
 * reference data's fund-source flags). Receipts are counted, not listed:
 * villageFundFlowReport lists one village's.
 */
export function fundFlowReport(
  state: FundFlowState,
  reference: ReferenceData,
  villageStates: VillageStates = () => undefined,
): FundFlowReport {
  const year = flowYear(state, reference, [...reference.villages.values()], villageStates);
  const districts = [...reference.districts.values()].map((district) => {
    const villages = [...reference.villages.values()]
      .filter((village) => village.districtCode === district.code)
      .map((village) =>
        villagePart(state, reference, village, villageStates(village.code), () => {
          const { totals, report } = villageFlow(
            year,
            reference,
            village,
            villageStates,
            villageSourceFlow,
          );
          return { totals, report: immutablePart(report) };
        }),
      );
    const totals = sumTotals(
      villages.map((village) => village.totals),
      year.context,
    );
    return {
      totals,
      report: {
        districtCode: district.code,
        districtName: district.name,
        villages: villages.map((village) => village.report),
        ...breakdown(totals, year.heading.stageNumbers),
      },
    };
  });
  const totals = sumTotals(
    districts.map((district) => district.totals),
    year.context,
  );
  return {
    ...year.heading,
    districts: districts.map((district) => district.report),
    ...breakdown(totals, year.heading.stageNumbers),
  };
}

/** One village of the regency's report, every receipt it booked listed; undefined for an unknown village. */
export function villageFundFlowReport(
  state: FundFlowState,
  reference: ReferenceData,
  villageCode: string,
  villageStates: VillageStates = () => undefined,
): VillageFundFlowReport | undefined {
  const village = reference.villages.get(villageCode);
  const district = village && reference.districts.get(village.districtCode);
  if (!village || !district) return undefined;
  const year = flowYear(state, reference, [village], villageStates);
  return {
    ...year.heading,
    district: { code: district.code, name: district.name },
    village: villageFlow(year, reference, village, villageStates, villageSourceDetail).report,
  };
}

/** A village's sources with their totals, its side of each source built by `side`. */
function villageFlow<Side extends VillageSourceFlow>(
  year: FlowYear,
  reference: ReferenceData,
  village: Village,
  villageStates: VillageStates,
  side: (state: VillageView, row: FlowRow) => Side,
): { totals: Totals; report: VillageFlowReport<Side> } {
  const view = villageStates(village.code);
  const counted = year.rows
    .filter((row) => row.villageCode === village.code)
    .map((row) => sourceFlow(row, reference, year.heading.stageNumbers, view, side));
  const totals = sourceTotals(counted, year.context);
  return {
    totals,
    report: {
      villageCode: village.code,
      villageName: village.name,
      sources: counted.map(([flow]) => flow),
      ...breakdown(totals, year.heading.stageNumbers),
    },
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

/** Sources a village budgets or receives without a regency allocation (own revenue, other). */
function villageOnlySources(
  allocatedRows: FlowRow[],
  reference: ReferenceData,
  villages: Village[],
  villageStates: VillageStates,
): FlowRow[] {
  const extra: FlowRow[] = [];
  for (const village of villages) {
    const state = villageStates(village.code);
    if (!state?.fiscalYear) continue;
    const allocated = new Set(
      allocatedRows.filter((r) => r.villageCode === village.code).map((r) => r.source),
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
  return extra;
}

/** A source's flow and its amounts, parsed once: the totals above it add these up. */
type Counted<Side extends VillageSourceFlow = VillageSourceFlow> = [SourceFlow<Side>, Accumulator];

function sourceFlow<Side extends VillageSourceFlow>(
  row: FlowRow,
  reference: ReferenceData,
  stageNumbers: number[],
  village: VillageView | undefined,
  side: (state: VillageView, row: FlowRow) => Side,
): Counted<Side> {
  const fundSource = reference.fundSources.get(row.source);
  const villageFlow = village?.fiscalYear ? side(village, row) : null;
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
