import { ImpossibleEventError } from '../../src/domain/shared/impossible-event';
import { regencyStreamId } from '../../src/domain/regency/decider';
import type { RegencyEvent, RegencyEventOf } from '../../src/domain/regency/events';
import { rupiah, toAmountText } from '../../src/domain/shared/money';
import type { RecordedEvent } from '../../src/eventstore/port';
import { decodeRegencyEvent } from '../folds/event-decoding';
import type { Projection } from '../engine/projection';
import {
  deserializeStreams,
  emptyStreamStates,
  serializeStreams,
  updateStream,
  type StreamStates,
} from '../engine/stream-states';

type LegalReference = RegencyEventOf<'AllocationSet'>['data']['legalReference'];

export interface Transfer {
  date: string;
  reference: string;
  amount: string;
}

export interface StageFlow {
  stage: number;
  /** From the Dana Desa stage plan; null for sources without one. */
  planned: string | null;
  plannedByEarmark: { earmark: string; amount: string }[];
  transferred: string;
  transfers: Transfer[];
}

/**
 * The first columns of the APBN/APBD fund flow for one village and source:
 * allocation (pagu) → transferred by the regency, per stage. Next round adds
 * received by the village, budgeted, spent, cash remaining and SiLPA.
 */
export interface FlowRow {
  villageCode: string;
  source: string;
  allocation: string;
  legalReference: LegalReference;
  /** Every pagu set for the year, the first and each revision, in order. */
  allocationHistory: { amount: string; legalReference: LegalReference }[];
  stages: StageFlow[];
  transferred: string;
}

export interface RegencyFlow {
  regencyCode: string;
  fiscalYear: number;
  /** Keyed by `village|source`, in the order allocations were first set. */
  rows: Record<string, FlowRow>;
}

export type FundFlowState = StreamStates<RegencyFlow>;

const ZERO_TEXT = toAmountText(rupiah('0'));
const plus = (a: string, b: string) => toAmountText(rupiah(a).plus(rupiah(b)));
const rowKey = (villageCode: string, source: string) => `${villageCode}|${source}`;

export function fundFlowProjection(): Projection<FundFlowState> {
  return {
    name: 'fund-flow',
    version: 1,
    eventTypes: [
      'RegencyFiscalYearOpened',
      'AllocationSet',
      'AllocationRevised',
      'DanaDesaStagesPlanned',
      'TransferSent',
    ],
    initialState: emptyStreamStates,
    apply: (state: FundFlowState, recorded: RecordedEvent) =>
      updateStream(state, recorded.streamId, (flow) =>
        applyToFlow(flow, decodeRegencyEvent(recorded)),
      ),
    serialize: (state) => serializeStreams(state, (flow) => structuredClone(flow)),
    deserialize: (data) => deserializeStreams(data, (flow: RegencyFlow) => flow),
  };
}

/**
 * Updates the flow in place (the projection owns it); a new flow on the
 * year's opening. Every other event needs the opened year, and all but the
 * first allocation the allocation's row.
 */
function applyToFlow(flow: RegencyFlow | undefined, event: RegencyEvent): RegencyFlow {
  if (event.type === 'RegencyFiscalYearOpened') return { ...event.data, rows: {} };
  if (!flow)
    throw new ImpossibleEventError(event.type, {
      id: 'tahun anggaran kabupaten belum dibuka',
      en: 'the regency fiscal year is not open',
    });
  // The camat's APBDes evaluations move no money.
  if (event.type === 'ApbdesEvaluated') return flow;
  const { villageCode, source } = event.data;
  const key = rowKey(villageCode, source);
  const row = flow.rows[key];
  if (row) applyToRow(row, event);
  else flow.rows[key] = newRow(event);
  return flow;
}

function newRow(
  event: Exclude<RegencyEvent, { type: 'RegencyFiscalYearOpened' | 'ApbdesEvaluated' }>,
): FlowRow {
  if (event.type !== 'AllocationSet')
    throw new ImpossibleEventError(event.type, {
      id: `tidak ada pagu ${event.data.villageCode}/${event.data.source}`,
      en: `there is no allocation ${event.data.villageCode}/${event.data.source}`,
    });
  const { villageCode, source, amount, legalReference } = event.data;
  return {
    villageCode,
    source,
    allocation: amount,
    legalReference,
    allocationHistory: [{ amount, legalReference }],
    stages: [],
    transferred: ZERO_TEXT,
  };
}

function applyToRow(row: FlowRow, event: RegencyEvent): void {
  switch (event.type) {
    case 'AllocationSet':
    case 'AllocationRevised': {
      const { amount, legalReference } = event.data;
      row.allocation = amount;
      row.legalReference = legalReference;
      row.allocationHistory.push({ amount, legalReference });
      return;
    }
    case 'DanaDesaStagesPlanned':
      row.stages = plannedStages(row.stages, event.data.stages);
      return;
    case 'TransferSent': {
      const { stage, date, reference, amount } = event.data;
      const current = stageOf(row.stages, stage);
      current.transferred = plus(current.transferred, amount);
      current.transfers.push({ date, reference, amount });
      if (!row.stages.includes(current)) row.stages = withStage(row.stages, current);
      row.transferred = plus(row.transferred, amount);
      return;
    }
    default:
      return;
  }
}

function stageOf(stages: StageFlow[], stage: number): StageFlow {
  return (
    stages.find((s) => s.stage === stage) ?? {
      stage,
      planned: null,
      plannedByEarmark: [],
      transferred: ZERO_TEXT,
      transfers: [],
    }
  );
}

function withStage(stages: StageFlow[], updated: StageFlow): StageFlow[] {
  return [...stages.filter((s) => s.stage !== updated.stage), updated].sort(
    (a, b) => a.stage - b.stage,
  );
}

/** A new plan replaces the planned amounts; transfers already sent stay. */
function plannedStages(
  stages: StageFlow[],
  plan: RegencyEventOf<'DanaDesaStagesPlanned'>['data']['stages'],
): StageFlow[] {
  const numbers = new Set([...stages.map((s) => s.stage), ...plan.map((p) => p.stage)]);
  return [...numbers]
    .sort((a, b) => a - b)
    .map((stage) => {
      const rows = plan.filter((p) => p.stage === stage);
      const planned = rows.reduce((total, p) => plus(total, p.amount), ZERO_TEXT);
      return {
        ...stageOf(stages, stage),
        planned: rows.length > 0 ? planned : null,
        plannedByEarmark: rows.map((p) => ({ earmark: p.earmark, amount: p.amount })),
      };
    });
}

export function regencyFlow(
  state: FundFlowState,
  regencyCode: string,
  fiscalYear: number,
): RegencyFlow | undefined {
  return state.streams.get(regencyStreamId(regencyCode, fiscalYear));
}
