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
}

/**
 * What the app passes into an SPP decision when the regency's monitoring
 * policy gates payments on the village's projects; absent when it does not.
 */
export interface ProjectPaymentFacts {
  /** The progress, percent, a later tranche needs; undefined: no progress gate. */
  gatePercent?: number;
  projects: readonly GatedProject[];
}

/** Money has gone out on an SPP in these statuses: each such SPP was a tranche. */
const PAID_STATUSES: readonly PaymentRequestStatus[] = ['paid', 'advanced', 'closed'];

/**
 * The regency's disbursement gate (docs/domain.md, "Project monitoring"): an
 * SPP of an activity is a later tranche when another SPP of the same activity
 * has already been paid (an advanced panjar counts); the first tranche is
 * free. A later tranche waits until every project of the activity's kegiatan
 * has reported the policy's progress. Checked when the SPP is drafted and
 * again when it is paid, since progress may be corrected down in between.
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
  const laterTranche = [...state.paymentRequests.values()].some(
    ({ request, status }) =>
      request.activityId === spp.activityId &&
      request.sppId !== spp.sppId &&
      PAID_STATUSES.includes(status),
  );
  const step = facts.gatePercent;
  if (!laterTranche || step === undefined) return undefined;
  const behind = projects.find((project) => (project.percent ?? 0) < step);
  if (!behind) return undefined;
  const progress = behind.percent === undefined ? 'belum melapor' : `${behind.percent} %`;
  const progressEn = behind.percent === undefined ? 'no report yet' : `${behind.percent} %`;
  return new DomainError('PAYMENT_PROJECT_PROGRESS', field, value, {
    id: `proyek ${behind.projectId} "${behind.title}": kemajuan ${progress}, tahap berikutnya memerlukan ${step} %`,
    en: `project ${behind.projectId} "${behind.title}": progress ${progressEn}, the next tranche needs ${step} %`,
  });
}
