import { hash } from 'node:crypto';
import type { EventStore } from '../eventstore/port';
import { regencyCommandSchemas, type RegencyCommand } from '../domain/regency/commands';
import { regencyDecider, regencyStreamId } from '../domain/regency/decider';
import { regencyEventSchemas, type RegencyEvent } from '../domain/regency/events';
import type { RegencyState } from '../domain/regency/state';
import { DomainError } from '../domain/shared/domain-error';
import { regencyOf } from '../domain/shared/region-codes';
import type { Actor } from '../domain/shared/envelope';
import { parseCommand } from '../domain/shared/parse-command';
import { evaluationsNotTakenIn } from '../domain/village/apbdes-evaluation';
import { carryOver, type PreviousYear } from '../domain/village/carry-over';
import { villageCommandSchemas, type VillageCommand } from '../domain/village/commands';
import { villageDecider, villageStreamId } from '../domain/village/decider';
import { villageEventSchemas, type VillageEvent } from '../domain/village/events';
import type { VillageContext } from '../domain/village/context';
import type { ProjectPaymentFacts } from '../domain/village/project-gate';
import type { VillageState } from '../domain/village/state';
import { lastEventOfType } from './last-event-of-type';
import { ReferenceCatalog } from './load-reference-data';
import { villageShareOf } from './village-shares';
import {
  StreamHandler,
  type CommandOutcome,
  type HandleOptions,
  type StreamHandlerOptions,
} from './stream-handler';

/** Where an SPP decision reads the village's projects; undefined when the regency's policy gates nothing. */
export interface ProjectPaymentSource {
  paymentFacts(villageCode: string, fiscalYear: number): Promise<ProjectPaymentFacts | undefined>;
}

/** The commands an SPP's project gate applies to (src/domain/village/project-gate.ts). */
const GATED_COMMANDS: ReadonlySet<VillageCommand['type']> = new Set([
  'DraftPaymentRequest',
  'PayPaymentRequest',
]);

/** Which villages keep their own books on a village node (the regency's sync record). */
export interface VillageNodes {
  keepsBooks(villageCode: string): Promise<boolean>;
}

export interface LedgerOptions extends StreamHandlerOptions {
  store: EventStore;
  reference?: ReferenceCatalog;
  /** The project read side, for the payment gate of the regency's monitoring policy. */
  projects?: ProjectPaymentSource;
  /**
   * On the regency's server: a village whose node keeps its books is written
   * only by that node (one writer per stream), so commands to it are refused here.
   */
  villageNodes?: VillageNodes;
}

/**
 * Runs commands against the village and regency fiscal-year streams. Raw
 * commands are validated here; refusals are thrown as DomainError.
 */
export function createLedger(options: LedgerOptions) {
  const reference = options.reference ?? new ReferenceCatalog();
  const villages = new StreamHandler(options.store, villageDecider, villageEventSchemas, options);
  const regencies = new StreamHandler(options.store, regencyDecider, regencyEventSchemas, options);

  const referenceFor = (fiscalYear: number, regencyCode: string, field: string, value: string) => {
    if (!reference.exists(fiscalYear, regencyCode))
      throw new DomainError('REGION_KNOWN', field, value);
    return reference.get(fiscalYear, regencyCode);
  };

  const regencyState = async (regencyCode: string, fiscalYear: number): Promise<RegencyState> =>
    (await regencies.load(regencyStreamId(regencyCode, fiscalYear))).state.domain;

  /** The village's previous year when the ledger holds it, with the closing event an opening links to. */
  const previousYear = async (
    villageCode: string,
    fiscalYear: number,
  ): Promise<PreviousYear | undefined> => {
    const streamId = villageStreamId(villageCode, fiscalYear - 1);
    const { state, revision } = await villages.load(streamId);
    if (revision === undefined) return undefined;
    const closing = state.domain.closing.year;
    const closed = closing && (await lastEventOfType(options.store, streamId, 'FiscalYearClosed'));
    if (!closing || !closed) return { status: 'open', fiscalYear: fiscalYear - 1 };
    return {
      status: 'closed',
      fiscalYear: fiscalYear - 1,
      closing,
      link: { streamId, revision: Number(closed.revision), eventId: closed.id },
    };
  };

  async function villageContext(
    villageCode: string,
    fiscalYear: number,
    opening: boolean,
    known?: ReturnType<typeof referenceFor>,
  ): Promise<VillageContext> {
    const regencyCode = regencyOf(villageCode);
    const villageReference =
      known ?? referenceFor(fiscalYear, regencyCode, 'villageCode', villageCode);
    const regency = await regencyState(regencyCode, fiscalYear);
    const previous = opening ? await previousYear(villageCode, fiscalYear) : undefined;
    return {
      villageCode,
      fiscalYear,
      reference: villageReference,
      ...villageShareOf(regency, villageCode),
      ...(previous ? { previousYear: previous } : {}),
    };
  }

  const ledger = {
    async executeVillageCommand(
      villageCode: string,
      fiscalYear: number,
      raw: unknown,
      handleOptions?: HandleOptions,
    ): Promise<CommandOutcome<VillageEvent>> {
      const command = parseOrThrow(villageCommandSchemas, raw) as VillageCommand;
      if (await options.villageNodes?.keepsBooks(villageCode))
        throw new DomainError('VILLAGE_BOOKS_ON_NODE', 'villageCode', villageCode);
      const regencyCode = regencyOf(villageCode);
      const villageReference = referenceFor(fiscalYear, regencyCode, 'villageCode', villageCode);
      return villages.handle(
        villageStreamId(villageCode, fiscalYear),
        command,
        async () => {
          const context = await villageContext(
            villageCode,
            fiscalYear,
            command.type === 'OpenVillageFiscalYear',
            villageReference,
          );
          const projects = GATED_COMMANDS.has(command.type)
            ? await options.projects?.paymentFacts(villageCode, fiscalYear)
            : undefined;
          return projects ? { ...context, projects } : context;
        },
        handleOptions,
      );
    },

    /** What the village decider needs besides the stream: also for deciding outside a command (an import). */
    villageContext: (villageCode: string, fiscalYear: number) =>
      villageContext(villageCode, fiscalYear, true),

    async executeRegencyCommand(
      regencyCode: string,
      fiscalYear: number,
      raw: unknown,
      handleOptions?: HandleOptions,
    ): Promise<CommandOutcome<RegencyEvent>> {
      const command = parseOrThrow(regencyCommandSchemas, raw) as RegencyCommand;
      const regencyReference = referenceFor(fiscalYear, regencyCode, 'regencyCode', regencyCode);
      const evaluated =
        command.type === 'RecordApbdesEvaluation' ? command.payload.villageCode : undefined;
      const outcome = await regencies.handle(
        regencyStreamId(regencyCode, fiscalYear),
        command,
        async () => ({
          regencyCode,
          fiscalYear,
          reference: regencyReference,
          ...(evaluated
            ? { evaluatedBudget: (await ledger.villageState(evaluated, fiscalYear)).budget }
            : {}),
        }),
        handleOptions,
      );
      // Books kept here: the village takes the evaluation in at once, as the camat's form always did.
      if (evaluated && !(await options.villageNodes?.keepsBooks(evaluated)))
        await ledger.takeInEvaluations(evaluated, fiscalYear, command.actor);
      return outcome;
    },

    /**
     * The village's side of the camat's evaluations: takes in each one the
     * regency stream holds for it that it has not. On the regency's server
     * right after the camat's command; on a village node after each pull. The
     * command id comes from the evaluation, so a repeat has no second effect.
     */
    async takeInEvaluations(
      villageCode: string,
      fiscalYear: number,
      actor: Actor,
    ): Promise<CommandOutcome<VillageEvent>[]> {
      const { evaluations } = villageShareOf(
        await regencyState(regencyOf(villageCode), fiscalYear),
        villageCode,
      );
      const { budget } = await ledger.villageState(villageCode, fiscalYear);
      const outcomes: CommandOutcome<VillageEvent>[] = [];
      for (const { reference } of evaluationsNotTakenIn(evaluations, budget))
        outcomes.push(
          await ledger.executeVillageCommand(villageCode, fiscalYear, {
            commandId: takeInCommandId(villageCode, fiscalYear, reference),
            type: 'ReceiveApbdesEvaluation',
            actor,
            payload: { reference },
          }),
        );
      return outcomes;
    },

    async villageState(villageCode: string, fiscalYear: number): Promise<VillageState> {
      return (await villages.load(villageStreamId(villageCode, fiscalYear))).state.domain;
    },

    regencyState,

    /** The village stream's state with the revision it reflects (the HTTP ETag). */
    loadVillage: (villageCode: string, fiscalYear: number) =>
      villages.load(villageStreamId(villageCode, fiscalYear)),

    /** The regency stream's state with the revision it reflects (the HTTP ETag). */
    loadRegency: (regencyCode: string, fiscalYear: number) =>
      regencies.load(regencyStreamId(regencyCode, fiscalYear)),

    /**
     * Opens the next year's village stream with the SiLPA per source, cash
     * and bank balances and tax payable of this year's closing, linked to
     * that closing event. The command id is derived from the closed stream,
     * so a retry has no second effect.
     */
    async openNextFiscalYear(
      villageCode: string,
      fiscalYear: number,
      actor: Actor,
    ): Promise<CommandOutcome<VillageEvent>> {
      const closedStream = villageStreamId(villageCode, fiscalYear);
      const closed = (await villages.load(closedStream)).state.domain.closing.year;
      if (!closed)
        throw new DomainError('FISCAL_YEAR_NOT_CLOSED', 'fiscalYear', String(fiscalYear));
      return this.executeVillageCommand(villageCode, fiscalYear + 1, {
        commandId: `open-from-${closedStream}`,
        type: 'OpenVillageFiscalYear',
        actor,
        payload: carryOver(closed),
      });
    },
  };
  return ledger;
}

export type Ledger = ReturnType<typeof createLedger>;

/** The same on every side and run: the reference is unique per village and year (EVALUATION_REFERENCE_UNIQUE). */
function takeInCommandId(villageCode: string, fiscalYear: number, reference: string): string {
  const digest = hash('sha256', `${villageCode}|${fiscalYear}|${reference}`, 'hex');
  return `evaluation-taken-in:${digest.slice(0, 40)}`;
}

function parseOrThrow(schemas: Parameters<typeof parseCommand>[0], raw: unknown) {
  const command = parseCommand(schemas, raw);
  if (command instanceof DomainError) throw command;
  return command;
}
