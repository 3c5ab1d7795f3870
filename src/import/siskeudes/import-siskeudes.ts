import { createHash } from 'node:crypto';
import { stringify } from 'safe-stable-stringify';
import type { Ledger } from '../../app/ledger';
import type { ReferenceCatalog } from '../../app/load-reference-data';
import { DomainError } from '../../domain/shared/domain-error';
import type { Actor, DomainEvent, Lineage } from '../../domain/shared/envelope';
import { commandFingerprint } from '../../domain/shared/idempotency';
import { parseCommand } from '../../domain/shared/parse-command';
import { villageCommandSchemas, type VillageCommand } from '../../domain/village/commands';
import type { VillageContext } from '../../domain/village/context';
import { villageDecider, villageStreamId } from '../../domain/village/decider';
import type { VillageEvent } from '../../domain/village/events';
import { toEventData } from '../../eventstore/codec/event-codec';
import { StreamNotFoundError, WrongExpectedRevisionError } from '../../eventstore/errors';
import type { EventData, EventStore, RecordedEvent } from '../../eventstore/port';
import { SISKEUDES_PROBLEMS_MAX } from '../../limits';
import { importedEventId } from './event-ids';
import { HISTORY_RULES, importProblem, type ImportProblem } from './import-rules';
import { importTotals, type ImportTotals } from './import-totals';
import { flaggedExceptions, type ImportedException } from './imported-exceptions';
import { parseTables } from './parse-tables';
import { planImport, type ImportPlan, type PlannedCommand } from './plan-import';
import { readSiskeudesFile } from './read-siskeudes-file';
import { kasdesaRealisation, reconcile, type Reconciliation } from './reconciliation';
import { siskeudesRealisation } from './siskeudes-realisation';

export interface SiskeudesImportRequest {
  bytes: Buffer;
  fileName: string;
  villageCode: string;
  fiscalYear: number;
  /** Who imports: recorded on the batch event and every imported event. */
  actor: Actor;
  /** When: the batch event's importedAt (the domain has no clock). */
  now: Date;
  /** Told how many planned commands are decided so far, of how many (the CLI's progress bar). */
  onProgress?: (decided: number, total: number) => void;
}

/** Commands decided between two progress reports; the loop yields then, so a bar can redraw. */
const PROGRESS_STEP = 250;

export type SiskeudesImportOutcome =
  | { status: 'refused'; problemCount: number; problems: ImportProblem[] }
  | {
      status: 'imported' | 'alreadyImported';
      streamId: string;
      fileSha256: string;
      siskeudesVersion: string;
      /** Imported events, the batch record not counted. */
      eventCount: number;
      totals: ImportTotals;
      /** Kasdesa's Laporan Realisasi of the imported year against the Siskeudes tables, per account. */
      reconciliation: Reconciliation;
      /** Rows booked as history although a rule would refuse them as new transactions. */
      exceptions: ImportedException[];
    };

/**
 * Imports one village-year from a Siskeudes file, all or nothing. The whole
 * file is read, checked and decided in memory by the same decider commands
 * go through; only when nothing is refused are its events appended, in one
 * append to the village-year stream (which the store writes atomically) with
 * the batch record first. Event ids come from the rows' natural keys, so the
 * same file again finds its own events and writes nothing.
 */
export async function importSiskeudes(
  dependencies: { store: EventStore; ledger: Ledger; reference: ReferenceCatalog },
  request: SiskeudesImportRequest,
): Promise<SiskeudesImportOutcome> {
  const { villageCode, fiscalYear } = request;
  const context = await dependencies.ledger.villageContext(villageCode, fiscalYear);
  const read = await readSiskeudesFile(request.bytes);
  if ('problems' in read) return refused(read.problems);
  const parsed = parseTables(read.tables);
  if ('problems' in parsed) return refused(parsed.problems);
  const planned = planImport(parsed.tables, {
    villageCode,
    fiscalYear,
    reference: context.reference,
  });
  if ('problems' in planned) return refused(planned.problems);

  const fileSha256 = createHash('sha256').update(request.bytes).digest('hex');
  const decided = await decideAll(planned.plan, request, fileSha256, context);
  if ('problems' in decided) return refused(decided.problems);

  const streamId = villageStreamId(villageCode, fiscalYear);
  const batch = batchEvent(planned.plan, request, fileSha256, decided.events.length);
  const fromTables = siskeudesRealisation(parsed.tables, {
    kdDesa: planned.plan.kdDesa,
    fiscalYear,
    reference: context.reference,
  });
  const reconciliation = reconcile(
    fromTables,
    await kasdesaRealisation(
      inStreamOrder(batch, decided.events),
      { streamId, villageCode, fiscalYear, now: request.now },
      dependencies.reference,
    ),
  );
  const recorded = [...decided.events, reconciliationEvent(reconciliation, request, fileSha256)];
  const events = inStreamOrder(batch, recorded);
  const outcome = {
    streamId,
    fileSha256,
    siskeudesVersion: planned.plan.siskeudesVersion,
    eventCount: decided.events.length,
    totals: importTotals(decided.events),
    reconciliation,
    exceptions: flaggedExceptions(decided.events),
  };
  const existing = await readExisting(dependencies.store, streamId);
  if (existing.length > 0) {
    assertSameImport(existing, batch, recorded, streamId);
    return { status: 'alreadyImported', ...outcome };
  }
  try {
    await dependencies.store.append(streamId, events, 'no_stream');
  } catch (error) {
    if (error instanceof WrongExpectedRevisionError)
      throw new DomainError('FISCAL_YEAR_ALREADY_OPEN', 'fiscalYear', String(fiscalYear));
    throw error;
  }
  return { status: 'imported', ...outcome };
}

/** Every reader of a village-year stream expects the year's opening first: the batch record comes right after it. */
function inStreamOrder(batch: EventData, imported: EventData[]): EventData[] {
  const [opening, ...rest] = imported;
  return opening ? [opening, batch, ...rest] : [batch];
}

function refused(problems: ImportProblem[]): SiskeudesImportOutcome {
  return {
    status: 'refused',
    problemCount: problems.length,
    problems: problems.slice(0, SISKEUDES_PROBLEMS_MAX),
  };
}

/** Every planned command through the village decider, folding as it goes; every refusal a problem. */
async function decideAll(
  plan: ImportPlan,
  request: SiskeudesImportRequest,
  fileSha256: string,
  context: Awaited<ReturnType<Ledger['villageContext']>>,
): Promise<{ events: EventData[] } | { problems: ImportProblem[] }> {
  let state = villageDecider.initialState;
  const events: EventData[] = [];
  const problems: ImportProblem[] = [];
  for (const [position, planned] of plan.commands.entries()) {
    if (request.onProgress && position % PROGRESS_STEP === 0) {
      request.onProgress(position, plan.commands.length);
      await new Promise((resolve) => setImmediate(resolve));
    }
    const name = `${request.villageCode}|${request.fiscalYear}|${planned.table}|${planned.naturalKey}|${planned.step}`;
    const command = parseCommand(villageCommandSchemas, {
      commandId: `siskeudes:${importedEventId(name)}`,
      type: planned.type,
      payload: planned.payload,
      actor: planned.actedBy
        ? {
            id: `siskeudes:${plan.kdDesa}:${planned.actedBy.role}`,
            role: planned.actedBy.role,
            displayName: planned.actedBy.name,
          }
        : request.actor,
    });
    const { decision, exceptions } =
      command instanceof DomainError
        ? { decision: command, exceptions: [] }
        : decideAsHistory(
            command as VillageCommand,
            state,
            planned.evaluation ? { ...context, evaluations: [planned.evaluation] } : context,
          );
    if (decision instanceof DomainError) {
      problems.push({
        ...importProblem(
          'DOMAIN_RULE',
          planned.table,
          planned.row,
          decision.field,
          decision.value,
          decision.messages,
        ),
        rule: decision.rule,
      });
      continue;
    }
    const lineage: Lineage = {
      source: 'siskeudes',
      fileSha256,
      siskeudesVersion: plan.siskeudesVersion,
      table: planned.table,
      row: planned.row,
      naturalKey: planned.naturalKey,
    };
    const flagged =
      decision[0] && exceptions.length > 0 ? [flag(decision[0], planned, exceptions)] : [];
    [...decision, ...flagged].forEach((event, index) => {
      state = villageDecider.evolve(state, event);
      const withLineage = { ...event, metadata: { ...event.metadata, lineage } };
      events.push(toEventData(withLineage, importedEventId(`${name}|${index}`)));
    });
  }
  request.onProgress?.(plan.commands.length, plan.commands.length);
  return problems.length > 0 ? { problems } : { events };
}

/**
 * A command decided as imported history: refused by a rule that only guards
 * new transactions (HISTORY_RULES), it is decided again with that rule
 * waived, each rule it breaks once, and the refusals come back as its
 * exceptions. Any other refusal stays a refusal.
 */
function decideAsHistory(
  command: VillageCommand,
  state: typeof villageDecider.initialState,
  context: VillageContext,
): { decision: DomainError | VillageEvent[]; exceptions: DomainError[] } {
  const waived = new Set<string>();
  const exceptions: DomainError[] = [];
  for (;;) {
    const decision = villageDecider.decide(command, state, { ...context, waivedRules: waived });
    const historic =
      decision instanceof DomainError &&
      (HISTORY_RULES as readonly string[]).includes(decision.rule) &&
      !waived.has(decision.rule);
    if (!historic) return { decision, exceptions };
    exceptions.push(decision);
    waived.add(decision.rule);
  }
}

/** The flag after a command's events: every rule they break, with its message (the amounts in it). */
function flag(
  first: VillageEvent,
  planned: PlannedCommand,
  exceptions: DomainError[],
): VillageEvent {
  return {
    type: 'ImportedHistoryFlagged',
    data: {
      commandType: planned.type,
      table: planned.table,
      row: planned.row,
      naturalKey: planned.naturalKey,
      exceptions: exceptions.map(({ rule, field, value, messages }) => ({
        rule,
        field,
        value,
        messages,
      })),
    },
    metadata: { ...first.metadata, schemaVersion: 1 },
  } as VillageEvent;
}

function batchEvent(
  plan: ImportPlan,
  request: SiskeudesImportRequest,
  fileSha256: string,
  eventCount: number,
): EventData {
  const event: DomainEvent = {
    type: 'SiskeudesImportRecorded',
    data: {
      fileName: request.fileName.slice(0, 255) || 'siskeudes',
      fileSha256,
      siskeudesVersion: plan.siskeudesVersion,
      kdDesa: plan.kdDesa,
      importedAt: request.now.toISOString(),
      eventCount,
      rowCounts: plan.rowCounts,
    },
    metadata: {
      schemaVersion: 1,
      commandId: `siskeudes-import:${fileSha256}`,
      commandFingerprint: importFingerprint(request, fileSha256),
      actor: request.actor,
    },
  };
  const id = importedEventId(`${request.villageCode}|${request.fiscalYear}|batch|${fileSha256}`);
  return toEventData(event as VillageEvent, id);
}

/** The reconciliation on record, last in the import's one append; its id from the file, like the batch's. */
function reconciliationEvent(
  reconciliation: Reconciliation,
  request: SiskeudesImportRequest,
  fileSha256: string,
): EventData {
  const event: DomainEvent = {
    type: 'SiskeudesReconciliationRecorded',
    data: {
      fileSha256,
      reconciled: reconciliation.reconciled,
      differences: reconciliation.differences,
      uncounted: reconciliation.uncounted,
    },
    metadata: {
      schemaVersion: 1,
      commandId: `siskeudes-import:${fileSha256}`,
      commandFingerprint: importFingerprint(request, fileSha256),
      actor: request.actor,
    },
  };
  const id = importedEventId(
    `${request.villageCode}|${request.fiscalYear}|reconciliation|${fileSha256}`,
  );
  return toEventData(event as VillageEvent, id);
}

const importFingerprint = (request: SiskeudesImportRequest, fileSha256: string) =>
  commandFingerprint({
    commandId: fileSha256,
    type: 'ImportSiskeudes',
    payload: { fileSha256 },
    actor: request.actor,
  });

async function readExisting(store: EventStore, streamId: string): Promise<RecordedEvent[]> {
  try {
    return await store.readStream(streamId);
  } catch (error) {
    if (error instanceof StreamNotFoundError) return [];
    throw error;
  }
}

/**
 * The stream already holds events: fine only when they are this very import.
 * A row booked before with other content is refused naming both files' rows.
 */
function assertSameImport(
  existing: RecordedEvent[],
  batch: EventData,
  imported: EventData[],
  streamId: string,
) {
  const byId = new Map(existing.map((event) => [event.id, event]));
  for (const event of imported) {
    const before = byId.get(event.id);
    if (!before) continue;
    if (before.type === event.type && stringify(before.data) === stringify(event.data)) continue;
    const was = before.metadata.lineage as Lineage | undefined;
    const now = event.metadata.lineage as unknown as Lineage;
    const describe = (lineage: Lineage | undefined) =>
      lineage ? `${lineage.table} ${lineage.naturalKey} (${lineage.fileSha256.slice(0, 12)})` : '?';
    throw new DomainError('COMMAND_ID_CONFLICT', 'naturalKey', now.naturalKey, {
      id: `baris sudah diimpor dengan isi lain: tersimpan ${describe(was)}, berkas ini ${describe(now)}`,
      en: `row already imported with other content: stored ${describe(was)}, this file ${describe(now)}`,
    });
  }
  const complete = byId.has(batch.id) && imported.every((event) => byId.has(event.id));
  if (!complete) throw new DomainError('FISCAL_YEAR_ALREADY_OPEN', 'streamId', streamId);
}
