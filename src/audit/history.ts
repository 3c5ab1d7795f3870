import { businessDateOf, type Clocks } from '../../projections/engine/two-clocks';
import { fromRecorded } from '../eventstore/codec/event-codec';
import type { BilingualText } from '../domain/shared/domain-error';
import type { Actor, Lineage } from '../domain/shared/envelope';
import { villageStreamId } from '../domain/village/decider';
import { villageEventSchemas, type VillageEvent } from '../domain/village/events';
import type { BudgetLine } from '../domain/village/lines';
import type { BudgetVersion } from '../domain/village/state';
import type { EventStore, RecordedEvent } from '../eventstore/port';
import { streamEvents, villageStateAt } from './time-travel';

/**
 * What a figure's history can be asked for. `account` is a report cell: an account, optionally
 * with a source; `opening` the year's opening figures (id `saldo-awal`): opened, SiLPA booked, corrected.
 */
export const HISTORY_KINDS = [
  'budget-line',
  'spp',
  'receipt',
  'entry',
  'account',
  'opening',
] as const;

export const OPENING_FIGURES_ID = 'saldo-awal';
const OPENING_EVENT_TYPES = new Set<string>([
  'VillageFiscalYearOpened',
  'ActualSilpaRecorded',
  'OpeningCorrectionProposed',
  'OpeningCorrectionReturned',
  'OpeningCorrected',
]);
export type HistoryKind = (typeof HISTORY_KINDS)[number];

export interface FigureQuery {
  kind: HistoryKind;
  id: string;
  /** With `account`: the fund source of the cell. */
  source?: string;
}

/** One event behind a figure: what happened, who did it, when on both clocks, and why. */
export interface HistoryItem {
  revision: bigint;
  eventId: string;
  type: string;
  businessDate: string | null;
  recordedAt: string;
  who: Actor;
  commandId: string;
  why: string[];
  /** An EntryReversed names the entry it reverses. */
  reverses: string | null;
  /** The reversals that name this event's entry. */
  reversedBy: string[];
  /** Where an imported event comes from ("imported from Siskeudes, Ta_SPPRinci row 3 …"); null when entered in Kasdesa. */
  importedFrom: BilingualText | null;
  /** The rules an imported event was booked despite, as history (its command's ImportedHistoryFlagged); else empty. */
  flagged: { rule: string; messages: BilingualText }[];
  data: unknown;
}

/** An imported event's lineage in words, Indonesian then English. */
export function lineageText(lineage: Lineage): BilingualText {
  const key = `${lineage.naturalKey}; Siskeudes ${lineage.siskeudesVersion}; SHA-256 ${lineage.fileSha256.slice(0, 12)}…`;
  return {
    id: `Diimpor dari Siskeudes, ${lineage.table} baris ${lineage.row} (${key})`,
    en: `Imported from Siskeudes, ${lineage.table} row ${lineage.row} (${key})`,
  };
}

export interface FigureHistory extends FigureQuery {
  streamId: string;
  events: HistoryItem[];
}

/** Data keys that name a book entry (the document number of a receipt, STS, payment, …). */
const ENTRY_KEYS = new Set([
  'receiptId',
  'receiptIds',
  'stsId',
  'mutationId',
  'feeId',
  'paymentId',
  'spjId',
  'depositId',
  'reversalId',
  'entryId',
]);
const REFERENCE_KEYS: Record<string, string[]> = {
  lineId: ['budget-line'],
  removedLineIds: ['budget-line'],
  sppId: ['spp'],
  receiptId: ['receipt'],
  receiptIds: ['receipt'],
};
const WHY_KEYS = new Set(['reason', 'reasons', 'remark', 'overrideReason', 'grounds']);

const reference = (kind: string, id: string) => `${kind}:${id}`;

function queryReference(query: FigureQuery): string {
  const id = query.kind === 'account' && query.source ? `${query.id}|${query.source}` : query.id;
  return reference(query.kind, id);
}

/** Calls `visit` for every string under every key of a JSON value (array items under their array's key). */
function walk(value: unknown, visit: (key: string, text: string, owner: object) => void): void {
  if (Array.isArray(value)) {
    value.forEach((item) => walk(item, visit));
    return;
  }
  if (value === null || typeof value !== 'object') return;
  for (const [key, child] of Object.entries(value)) {
    const texts = Array.isArray(child) ? child.filter((c) => typeof c === 'string') : [child];
    for (const text of texts) if (typeof text === 'string') visit(key, text, value);
    walk(child, visit);
  }
}

interface Indexed {
  recorded: RecordedEvent;
  event: VillageEvent;
  references: Set<string>;
  why: string[];
}

function index(recorded: RecordedEvent): Indexed {
  const event = fromRecorded<VillageEvent>(villageEventSchemas, recorded);
  const references = new Set<string>();
  if (OPENING_EVENT_TYPES.has(event.type)) references.add(reference('opening', OPENING_FIGURES_ID));
  const why: string[] = [];
  walk(event.data, (key, text, owner) => {
    for (const kind of REFERENCE_KEYS[key] ?? []) references.add(reference(kind, text));
    if (ENTRY_KEYS.has(key)) references.add(reference('entry', text));
    if (WHY_KEYS.has(key)) why.push(text);
    if (key === 'account') {
      references.add(reference('account', text));
      const source = (owner as { source?: unknown }).source;
      if (typeof source === 'string') references.add(reference('account', `${text}|${source}`));
    }
  });
  return { recorded, event, references, why };
}

const entryReferences = (item: Indexed) =>
  [...item.references].filter((r) => r.startsWith('entry:'));

/** The reversal ids per reversed entry id. */
function reversals(items: Indexed[]): Map<string, string[]> {
  const byEntry = new Map<string, string[]>();
  for (const { event } of items) {
    if (event.type !== 'EntryReversed') continue;
    const { entryId, reversalId } = event.data;
    byEntry.set(entryId, [...(byEntry.get(entryId) ?? []), reversalId]);
  }
  return byEntry;
}

/** The flagged rules per command id: a flag follows the events of the command it flags. */
function flags(items: Indexed[]): Map<string, HistoryItem['flagged']> {
  const byCommand = new Map<string, HistoryItem['flagged']>();
  for (const { event } of items)
    if (event.type === 'ImportedHistoryFlagged')
      byCommand.set(
        event.metadata.commandId,
        event.data.exceptions.map(({ rule, messages }) => ({ rule, messages })),
      );
  return byCommand;
}

function toItem(
  item: Indexed,
  reversedBy: Map<string, string[]>,
  flagged: Map<string, HistoryItem['flagged']>,
): HistoryItem {
  const { recorded, event } = item;
  return {
    revision: recorded.revision,
    eventId: recorded.id,
    type: recorded.type,
    businessDate: businessDateOf(recorded) ?? null,
    recordedAt: recorded.recordedAt,
    who: event.metadata.actor,
    commandId: event.metadata.commandId,
    why: item.why,
    reverses: event.type === 'EntryReversed' ? event.data.entryId : null,
    reversedBy: entryReferences(item).flatMap(
      (entry) => reversedBy.get(entry.slice('entry:'.length)) ?? [],
    ),
    importedFrom: event.metadata.lineage ? lineageText(event.metadata.lineage) : null,
    flagged:
      event.type === 'ImportedHistoryFlagged' ? [] : (flagged.get(event.metadata.commandId) ?? []),
    data: event.data,
  };
}

/**
 * The events of a village fiscal year that produced a figure: those naming it,
 * and those naming an entry they booked (its reversal, the STS that deposited
 * a receipt, the SPJ that accounted a panjar), in stream order.
 */
export async function figureHistory(
  store: EventStore,
  villageCode: string,
  fiscalYear: number,
  query: FigureQuery,
): Promise<FigureHistory> {
  const streamId = villageStreamId(villageCode, fiscalYear);
  const items = (await streamEvents(store, streamId)).map(index);
  const wanted = queryReference(query);
  const direct = items.filter((item) => item.references.has(wanted));
  const entries = new Set(direct.flatMap(entryReferences));
  const related = items.filter(
    (item) => direct.includes(item) || entryReferences(item).some((e) => entries.has(e)),
  );
  const reversedBy = reversals(items);
  const flagged = flags(items);
  return {
    ...query,
    streamId,
    events: related.map((item) => toItem(item, reversedBy, flagged)),
  };
}

export interface LineInVersion {
  label: string;
  sequence: number;
  kind: BudgetVersion['kind'];
  enactedBy: BudgetVersion['enactedBy'];
  /** The line as this version has it; null when the version does not have it. */
  line: BudgetLine | null;
}

export interface LineVersions {
  streamId: string;
  lineId: string;
  versions: LineInVersion[];
  /** The line in the version being prepared, if any. */
  draft: { kind: 'original' | 'amendment'; stage: string; line: BudgetLine | null } | null;
}

/** A budget line's values in every enacted budget version side by side, and in the draft. */
export async function lineAcrossVersions(
  store: EventStore,
  villageCode: string,
  fiscalYear: number,
  lineId: string,
  clocks: Clocks = {},
): Promise<LineVersions> {
  const { streamId, state } = await villageStateAt(store, villageCode, fiscalYear, clocks);
  const { versions, draft } = state.budget;
  return {
    streamId,
    lineId,
    versions: versions.map((version) => ({
      label: version.label,
      sequence: version.sequence,
      kind: version.kind,
      enactedBy: version.enactedBy,
      line: version.lines.get(lineId) ?? null,
    })),
    draft: draft
      ? { kind: draft.kind, stage: draft.stage, line: draft.lines.get(lineId) ?? null }
      : null,
  };
}
