import { DomainError } from '../shared/domain-error';
import type { VillageContext } from './context';
import type { PaymentRequestStatus, VillageState } from './state';

/** One of the village's own (APBDes) projects of the year, as the project read side knows it. */
export interface GatedProject {
  projectId: string;
  title: string;
  /** A project names its kegiatan, not the village's activity: the two meet by kegiatan code. */
  kegiatanCode: string;
  /** The latest progress reported or corrected; undefined before the first report. */
  percent?: number;
  /** Open duplicate suspicions in which this project is the later one, with the earlier project. */
  openSuspicions: readonly OpenSuspicion[];
}

export interface OpenSuspicion {
  suspicionId: string;
  other: { projectId: string; title: string; villageCode: string; fiscalYear: number };
}

/**
 * What the app passes into an SPP decision when the regency's monitoring
 * policy gates payments on the village's projects; absent when it does not.
 */
export interface ProjectPaymentFacts {
  /** The progress, percent, a later tranche needs; undefined: no progress gate. */
  gatePercent?: number;
  /** Whether an open suspicion stops every SPP of its later project. */
  suspicionBlocksPayment: boolean;
  projects: readonly GatedProject[];
}

/** Money has gone out on an SPP in these statuses: each such SPP was a tranche. */
const PAID_STATUSES: readonly PaymentRequestStatus[] = ['paid', 'advanced', 'closed'];

/**
 * The regency's payment gates on an SPP of an activity (docs/domain.md,
 * "Project monitoring"); the projects concerned are the village's projects of
 * the activity's kegiatan. Checked when the SPP is drafted and again when it
 * is paid, since suspicions and corrected progress may come in between.
 */
export function checkProjectGate(
  state: VillageState,
  context: VillageContext,
  spp: { sppId: string; activityId?: string | undefined },
  field: 'activityId' | 'sppId',
): DomainError | undefined {
  const facts = context.projects;
  if (!facts || spp.activityId === undefined) return undefined;
  const kegiatanCode = state.planning.activities.get(spp.activityId)?.kegiatanCode;
  const projects = facts.projects.filter((project) => project.kegiatanCode === kegiatanCode);
  const value = field === 'sppId' ? spp.sppId : spp.activityId;
  const held = facts.suspicionBlocksPayment ? suspicionHold(projects, field, value) : undefined;
  if (held) return held;
  const step = facts.gatePercent;
  return step !== undefined && isLaterTranche(state, spp.sppId, spp.activityId)
    ? progressGate(projects, step, field, value)
    : undefined;
}

/** An open suspicion stops every SPP of the later project of its pair until regency finance decides it. */
function suspicionHold(projects: readonly GatedProject[], field: string, value: string) {
  for (const project of projects) {
    const [suspicion] = project.openSuspicions;
    if (!suspicion) continue;
    const { other } = suspicion;
    return new DomainError('PAYMENT_SUSPICION_OPEN', field, value, {
      id: `dugaan duplikasi ${suspicion.suspicionId}: proyek ${project.projectId} "${project.title}" diduga sama dengan proyek ${other.projectId} "${other.title}" (desa ${other.villageCode}, ${other.fiscalYear}) yang terdaftar lebih dahulu; menunggu keputusan keuangan kabupaten`,
      en: `duplicate suspicion ${suspicion.suspicionId}: project ${project.projectId} "${project.title}" may duplicate project ${other.projectId} "${other.title}" (village ${other.villageCode}, ${other.fiscalYear}) registered earlier; waiting for regency finance to decide`,
    });
  }
  return undefined;
}

/**
 * An SPP is a later tranche when another SPP of the same activity has already
 * been paid (an advanced panjar counts): the first tranche is free.
 */
function isLaterTranche(state: VillageState, sppId: string, activityId: string): boolean {
  return [...state.paymentRequests.values()].some(
    ({ request, status }) =>
      request.activityId === activityId &&
      request.sppId !== sppId &&
      PAID_STATUSES.includes(status),
  );
}

/** A later tranche waits until every project concerned has reported `step` percent (no report: 0). */
function progressGate(
  projects: readonly GatedProject[],
  step: number,
  field: string,
  value: string,
) {
  const behind = projects.find((project) => (project.percent ?? 0) < step);
  if (!behind) return undefined;
  const progress = behind.percent === undefined ? '0 % (belum ada laporan)' : `${behind.percent} %`;
  const progressEn = behind.percent === undefined ? '0 % (no report yet)' : `${behind.percent} %`;
  return new DomainError('PAYMENT_PROJECT_PROGRESS', field, value, {
    id: `proyek ${behind.projectId} "${behind.title}": kemajuan ${progress}, tahap berikutnya memerlukan ${step} %`,
    en: `project ${behind.projectId} "${behind.title}": progress ${progressEn}, the next tranche needs ${step} %`,
  });
}
