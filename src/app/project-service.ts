import {
  DEFAULT_MONITORING_POLICY,
  type DuplicateThresholds,
  type MonitoringPolicy,
} from '../domain/projects/policy';
import {
  projectCommandSchemas,
  type ProjectCommand,
  type RegisterProjectPayload,
  type VillageArea,
} from '../domain/projects/project-commands';
import {
  duplicateDecider,
  duplicateEventSchemas,
  duplicatesStreamId,
  type DuplicateCommand,
} from '../domain/projects/duplicate-decider';
import {
  projectDecider,
  projectIdOfStream,
  projectStreamFor,
  projectStreamId,
  villageOfProjectStream,
  type ProjectStreamCommand,
} from '../domain/projects/project-decider';
import { projectEventSchemas } from '../domain/projects/project-events';
import { DomainError } from '../domain/shared/domain-error';
import type { Actor } from '../domain/shared/envelope';
import type { ProjectPaymentFacts } from '../domain/village/project-gate';
import { parseCommand } from '../domain/shared/parse-command';
import type { BlobStore } from '../eventstore/blob-store';
import type { EventStore } from '../eventstore/port';
import type { VillageNodes } from './ledger';
import type { ReferenceCatalog } from './load-reference-data';
import { ProjectReadSide } from './project-read-side';
import type { RegionService } from './region-service';
import { StreamHandler, type HandleOptions } from './stream-handler';

export type ProjectCommandType = ProjectCommand['type'];

/** A photo read and checked by the upload, waiting to be stored with its report. */
export interface IncomingPhoto {
  bytes: Buffer;
  takenAt?: string;
  position?: [number, number];
}

interface StoredPhoto {
  photo: IncomingPhoto;
  sha256: string;
  created: boolean;
}

const DUPLICATE_COMMANDS: ReadonlySet<ProjectCommandType> = new Set([
  'CheckDuplicates',
  'ClearDuplicateSuspicion',
  'ConfirmDuplicateSuspicion',
]);
const isDuplicateCommand = (command: ProjectCommand): command is DuplicateCommand =>
  DUPLICATE_COMMANDS.has(command.type);

const laterPosition = (a: bigint, b: bigint) => (a > b ? a : b);

/** How far the spatial index grows a project's box for these thresholds. */
const indexMargin = (thresholds: DuplicateThresholds) =>
  Math.max(thresholds.pointMetres, thresholds.lineBufferMetres);

/**
 * The regency's physical projects: registers them on their writer's stream
 * (a village's APBDes output on the village's, the rest on the regency's),
 * checks each against the spatial index on the regency's duplicates stream,
 * records progress with photos, and answers what the read side holds. Each
 * decision follows the monitoring policy of its project's fiscal year (the
 * `monitoring` row of that year's reference policy), unless `policy`
 * overrides every year (KASDESA_MONITORING_POLICY). A village node
 * (`checksDuplicates: false`) registers and reports only: the duplicates
 * stream is the regency's, which checks the node's projects as they arrive.
 */
export function createProjectService({
  store,
  blobs,
  regions,
  reference,
  policy: override,
  checksDuplicates = true,
  villageNodes,
}: {
  store: EventStore;
  blobs: BlobStore;
  regions: RegionService;
  reference: ReferenceCatalog;
  policy?: MonitoringPolicy;
  checksDuplicates?: boolean;
  /** On the regency's server: a village whose node keeps its books has its project streams written there. */
  villageNodes?: VillageNodes;
}) {
  const policyFor = (fiscalYear: number | undefined): MonitoringPolicy =>
    override ??
    (fiscalYear !== undefined && reference.exists(fiscalYear, regions.regencyCode)
      ? reference.get(fiscalYear, regions.regencyCode).policy.monitoring
      : DEFAULT_MONITORING_POLICY);
  /**
   * One index for every year, grown by the widest thresholds any year sets so
   * it finds each neighbour any year's comparison needs. Built on first use:
   * it reads every year's reference data.
   */
  let built: ProjectReadSide | undefined;
  const readSide = () => {
    built ??= new ProjectReadSide(
      store,
      reference
        .fiscalYears(regions.regencyCode)
        .map((fiscalYear) => policyFor(fiscalYear).duplicates)
        .reduce(
          (widest, thresholds) =>
            indexMargin(thresholds) > indexMargin(widest) ? thresholds : widest,
          policyFor(undefined).duplicates,
        ),
    );
    return built;
  };
  const projectHandler = new StreamHandler(store, projectDecider, projectEventSchemas);
  const duplicatesHandler = new StreamHandler(store, duplicateDecider, duplicateEventSchemas);
  const duplicatesStream = duplicatesStreamId(regions.regencyCode);
  /** Photos of reports being handled now, by hash: a refused report leaves alone one another report uses. */
  const inFlight = new Map<string, number>();
  const hold = (sha256: string, change: 1 | -1) => {
    const count = (inFlight.get(sha256) ?? 0) + change;
    if (count > 0) inFlight.set(sha256, count);
    else inFlight.delete(sha256);
  };

  /** Whether the village is known (reference files or registered) and where it lies when registered. */
  async function villageWhere(
    villageCode: string,
  ): Promise<{ known: boolean; area?: VillageArea }> {
    const registered = (await regions.fresh()).find((region) => region.code === villageCode);
    const known =
      registered?.level === 'village' ||
      reference.referenceCodes(regions.regencyCode).has(villageCode);
    const area =
      registered === undefined
        ? undefined
        : {
            ...(registered.centre ? { centre: registered.centre } : {}),
            ...(registered.boundary ? { boundary: registered.boundary } : {}),
          };
    return { known, ...(area ? { area } : {}) };
  }

  /** Removes the photos this report stored that no report names and no other report is storing now. */
  async function removeUnnamed(stored: readonly StoredPhoto[]): Promise<void> {
    await readSide().catchUp();
    for (const { sha256, created } of stored)
      if (created && !inFlight.has(sha256) && !readSide().namesPhoto(sha256))
        await blobs.remove(sha256);
  }

  /** The stream a command of an existing project goes to; an unknown one's name gets PROJECT_KNOWN. */
  const streamOf = (projectId: string) =>
    readSide().streamOf(projectId) ?? projectStreamId(projectId);

  /** A project command on the project's own stream; the stream's village, if any, must keep its books here. */
  async function onProjectStream(command: ProjectStreamCommand, options?: HandleOptions) {
    const registering =
      command.type === 'RegisterVillageProject' || command.type === 'RegisterRegencyProject'
        ? (command.payload as RegisterProjectPayload)
        : undefined;
    const stream = registering
      ? projectStreamFor(registering)
      : streamOf(command.payload.projectId);
    const village = villageOfProjectStream(stream);
    if (village !== undefined && (await villageNodes?.keepsBooks(village)))
      throw new DomainError('VILLAGE_BOOKS_ON_NODE', 'villageCode', village);
    const where = registering ? await villageWhere(registering.villageCode) : { known: true };
    const idTakenElsewhere =
      registering !== undefined && readSide().streamOf(registering.projectId) !== undefined;
    return projectHandler.handle(
      stream,
      command,
      (state) => ({
        policy: policyFor(registering?.fiscalYear ?? state.domain.project?.fiscalYear),
        villageKnown: where.known,
        ...(where.area ? { villageArea: where.area } : {}),
        idTakenElsewhere,
      }),
      options,
    );
  }

  /** A check or a decision on the regency's duplicates stream, from what the read side holds. */
  function onDuplicatesStream(command: DuplicateCommand, options?: HandleOptions) {
    const project = readSide().get(command.payload.projectId)?.project;
    return duplicatesHandler.handle(
      duplicatesStream,
      command,
      () => ({
        policy: policyFor(project?.fiscalYear),
        ...(project ? { project } : {}),
        neighbours:
          command.type === 'CheckDuplicates'
            ? readSide().earlierNeighbours(command.payload.projectId)
            : [],
        statusElsewhere: (suspicionId: string) => readSide().suspicionStatus(suspicionId),
      }),
      options,
    );
  }

  /**
   * Parses and handles one command on its stream; throws the DomainError of a
   * refusal. A registration on the regency's side is checked for duplicates
   * right after, as its own command (`{commandId}:duplicates`): a failed
   * check is caught up by the next scan.
   */
  async function handle(
    actor: Actor,
    commandId: string,
    type: ProjectCommandType,
    payload: unknown,
    options?: HandleOptions,
  ) {
    const command = parseCommand(projectCommandSchemas, { commandId, type, payload, actor });
    if (command instanceof DomainError) throw command;
    const parsed = command as ProjectCommand;
    await readSide().catchUp();
    if (isDuplicateCommand(parsed)) {
      const decided = await onDuplicatesStream(parsed, options);
      await readSide().catchUp();
      return decided;
    }
    const outcome = await onProjectStream(parsed, options);
    await readSide().catchUp();
    if (!checksDuplicates || outcome.duplicate || outcome.events[0]?.type !== 'ProjectRegistered')
      return outcome;
    const checked = await onDuplicatesStream({
      commandId: `${commandId}:duplicates`,
      type: 'CheckDuplicates',
      payload: { projectId: parsed.payload.projectId },
      actor,
    });
    await readSide().catchUp();
    // A read waiting for this answer's position sees the suspicions too.
    return { ...outcome, position: laterPosition(outcome.position, checked.position) };
  }

  /**
   * Checks the village projects a node's batches brought (`streams`) against
   * those registered before them, once each: what registration does on the
   * regency's side.
   */
  async function checkArrived(actor: Actor, streams: readonly string[]) {
    await readSide().catchUp();
    for (const stream of streams) {
      const projectId = projectIdOfStream(stream);
      if (villageOfProjectStream(stream) === undefined || projectId === undefined) continue;
      if (readSide().streamOf(projectId) !== stream) continue;
      await handle(actor, `arrived:${stream}`, 'CheckDuplicates', { projectId });
    }
  }

  return {
    policyFor,
    handle,
    checkArrived,

    /**
     * A progress report with its photos: the photos are stored first (the
     * event must never name a missing blob) and removed again when the
     * report is refused, so a refusal leaves nothing behind.
     */
    async report(
      actor: Actor,
      commandId: string,
      fields: Record<string, unknown>,
      photos: readonly IncomingPhoto[],
      options?: HandleOptions,
    ) {
      const stored: StoredPhoto[] = [];
      let outcome;
      try {
        for (const photo of photos) {
          const put = await blobs.put(photo.bytes);
          hold(put.sha256, 1);
          stored.push({ photo, ...put });
        }
        const payload = {
          ...fields,
          photos: stored.map(({ photo, sha256 }) => ({
            sha256,
            ...(photo.takenAt ? { takenAt: photo.takenAt } : {}),
            ...(photo.position ? { position: photo.position } : {}),
          })),
        };
        outcome = await handle(actor, commandId, 'ReportProgress', payload, options);
      } catch (error) {
        for (const { sha256 } of stored) hold(sha256, -1);
        await removeUnnamed(stored);
        throw error;
      }
      for (const { sha256 } of stored) hold(sha256, -1);
      return outcome;
    },

    /**
     * Compares every project with those registered before it and records the
     * suspicions not yet recorded; `runId` makes each project's command id,
     * so a retried scan records nothing twice.
     */
    async scan(actor: Actor, runId: string) {
      await readSide().catchUp();
      const suspected: string[] = [];
      const order = readSide().registrationOrder();
      for (const projectId of order) {
        const outcome = await handle(actor, `${runId}:${projectId}`, 'CheckDuplicates', {
          projectId,
        });
        for (const event of outcome.events)
          if (event.type === 'DuplicateSuspected') suspected.push(event.data.suspicionId);
      }
      return { checked: order.length, suspected };
    },

    async get(projectId: string) {
      await readSide().catchUp();
      return readSide().get(projectId);
    },

    /** The stream recording the project's registration and progress. */
    async streamOf(projectId: string) {
      await readSide().catchUp();
      return streamOf(projectId);
    },

    async within(regionCode: string, fiscalYear?: number) {
      await readSide().catchUp();
      return readSide().within(regionCode, fiscalYear);
    },

    photo: (sha256: string) => blobs.get(sha256),

    /**
     * What an SPP decision of the village's year needs to know of its own
     * (APBDes) projects; undefined when the policy gates no payment, so the
     * ledger then reads nothing.
     */
    async paymentFacts(
      villageCode: string,
      fiscalYear: number,
    ): Promise<ProjectPaymentFacts | undefined> {
      const policy = policyFor(fiscalYear);
      const gate = policy.disbursementGate;
      if (gate === 'off' && !policy.suspicionBlocksPayment) return undefined;
      await readSide().catchUp();
      return {
        ...(gate === 'off' ? {} : { gatePercent: gate.percent }),
        suspicionBlocksPayment: policy.suspicionBlocksPayment,
        projects: readSide()
          .within(villageCode, fiscalYear)
          .filter(({ project }) => project.channel === 'apbdes')
          .map(({ project, percent, suspicions }) => ({
            projectId: project.projectId,
            title: project.title,
            kegiatanCode: project.kegiatanCode,
            ...(percent === undefined ? {} : { percent }),
            // evidence.project is the later project of the pair, the one checked against the earlier.
            openSuspicions: suspicions
              .filter(
                ({ status, evidence }) =>
                  status === 'open' && evidence.project.projectId === project.projectId,
              )
              .map(({ suspicionId, evidence: { other } }) => ({
                suspicionId,
                other: {
                  projectId: other.projectId,
                  title: other.title,
                  villageCode: other.villageCode,
                  fiscalYear: other.fiscalYear,
                },
              })),
          })),
      };
    },
  };
}

export type ProjectService = ReturnType<typeof createProjectService>;
