import { factBuilder, type CoreDecider } from '../shared/decider';
import { DomainError } from '../shared/domain-error';
import { withIdempotency } from '../shared/idempotency';
import { PersistentMap } from '../shared/persistent-map';
import { duplicateEvidence, type ProjectFootprint } from './duplicates';
import type { MonitoringPolicy } from './policy';
import type { ProjectCommand } from './project-commands';
import { suspicionIdOf, type SuspicionStatus } from './project-decider';
import { projectEventSchemas, type ProjectEvent } from './project-events';

/** The commands of the regency's duplicates stream. */
export type DuplicateCommand = Extract<
  ProjectCommand,
  { type: 'CheckDuplicates' | 'ClearDuplicateSuspicion' | 'ConfirmDuplicateSuspicion' }
>;

/** The suspicion events: the same facts a project's stream recorded before they moved here. */
export const duplicateEventSchemas = {
  DuplicateSuspected: projectEventSchemas.DuplicateSuspected,
  DuplicateSuspicionCleared: projectEventSchemas.DuplicateSuspicionCleared,
  DuplicateSuspicionConfirmed: projectEventSchemas.DuplicateSuspicionConfirmed,
};
export type DuplicateEvent = Extract<ProjectEvent, { type: keyof typeof duplicateEventSchemas }>;

/** Each suspicion this stream raised or decided, with where it stands. */
export interface DuplicatesState {
  statuses: PersistentMap<SuspicionStatus>;
}

/**
 * What a decision needs from the regency's project read side: the policy of
 * the checked project's year, the project and the neighbours registered
 * before it, and the status of a suspicion recorded on a project's stream
 * before suspicions moved here.
 */
export interface DuplicatesContext {
  policy: MonitoringPolicy;
  project?: ProjectFootprint;
  neighbours: readonly ProjectFootprint[];
  statusElsewhere: (suspicionId: string) => SuspicionStatus | undefined;
}

const fact = factBuilder<DuplicateEvent>();

const statusOf = (state: DuplicatesState, context: DuplicatesContext, suspicionId: string) =>
  state.statuses.get(suspicionId) ?? context.statusElsewhere(suspicionId);

/**
 * A DuplicateSuspected fact for each earlier neighbour suspect of the
 * project and not suspected already, here or on a project's stream.
 */
const checkDuplicates = (
  { payload }: Extract<DuplicateCommand, { type: 'CheckDuplicates' }>,
  state: DuplicatesState,
  context: DuplicatesContext,
) => {
  const { project, neighbours, policy } = context;
  if (!project) return new DomainError('PROJECT_KNOWN', 'projectId', payload.projectId);
  return neighbours.flatMap((other) => {
    const suspicionId = suspicionIdOf(project.projectId, other.projectId);
    if (statusOf(state, context, suspicionId) !== undefined) return [];
    const evidence = duplicateEvidence(project, other, policy.duplicates);
    return evidence ? [fact('DuplicateSuspected', { suspicionId, evidence })] : [];
  });
};

/** Whether the suspicion id names the project on either side (`later~earlier`). */
const names = (suspicionId: string, projectId: string) =>
  suspicionId.split('~').includes(projectId);

/** Regency finance decides an open suspicion of the project once: cleared (not a duplicate) or confirmed. */
function decideSuspicion(outcome: 'DuplicateSuspicionCleared' | 'DuplicateSuspicionConfirmed') {
  return (
    {
      payload,
    }: Extract<DuplicateCommand, { type: 'ClearDuplicateSuspicion' | 'ConfirmDuplicateSuspicion' }>,
    state: DuplicatesState,
    context: DuplicatesContext,
  ) => {
    const status = names(payload.suspicionId, payload.projectId)
      ? statusOf(state, context, payload.suspicionId)
      : undefined;
    if (status === undefined)
      return new DomainError('SUSPICION_KNOWN', 'suspicionId', payload.suspicionId);
    if (status !== 'open')
      return new DomainError('SUSPICION_OPEN', 'suspicionId', payload.suspicionId, {
        id: status === 'cleared' ? 'sudah dinyatakan bukan duplikat' : 'sudah dikonfirmasi',
        en: status === 'cleared' ? 'already cleared' : 'already confirmed',
      });
    return [fact(outcome, { suspicionId: payload.suspicionId, reason: payload.reason })];
  };
}

const settle = (state: DuplicatesState, suspicionId: string, status: SuspicionStatus) => ({
  statuses: state.statuses.set(suspicionId, status),
});

const core: CoreDecider<DuplicateCommand, DuplicatesState, DuplicateEvent, DuplicatesContext> = {
  initialState: { statuses: PersistentMap.empty() },
  handlers: {
    CheckDuplicates: checkDuplicates,
    ClearDuplicateSuspicion: decideSuspicion('DuplicateSuspicionCleared'),
    ConfirmDuplicateSuspicion: decideSuspicion('DuplicateSuspicionConfirmed'),
  },
  evolvers: {
    DuplicateSuspected: (state, { data }) => settle(state, data.suspicionId, 'open'),
    DuplicateSuspicionCleared: (state, { data }) => settle(state, data.suspicionId, 'cleared'),
    DuplicateSuspicionConfirmed: (state, { data }) => settle(state, data.suspicionId, 'confirmed'),
  },
  events: duplicateEventSchemas,
};

/** Pure decisions of the regency's duplicates stream: one writer, the regency. */
export const duplicateDecider = withIdempotency(core);

export const DUPLICATES_STREAM_PREFIX = 'duplicates-';

/** The regency's duplicate suspicions and the decisions on them, every year's. */
export function duplicatesStreamId(regencyCode: string): string {
  return `${DUPLICATES_STREAM_PREFIX}${regencyCode}`;
}
