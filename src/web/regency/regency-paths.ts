import { ROLE_SCOPE_LEVELS, type Role } from '../../access/roles';
import { findReport } from '../../reports/catalog';
import { withQuery, type DownloadFormat } from '../books/report-paths';

/** The regency's (or a district's) monitoring page. */
export const MONITORING_PATH = '/kabupaten';

/** The page's own query fields: the district shown and the sort order. */
export const DISTRICT_FIELD = 'kecamatan';
export const SORT_FIELD = 'urut';

/**
 * Who the menu offers the monitoring page: the regency monitoring report's
 * readers whose scope can be wider than a village (the district head, the
 * regency's finance office, the auditor).
 */
export const MONITORING_ROLES: readonly Role[] = findReport(
  'regency',
  'monitoring',
)!.readers.filter((role) => ROLE_SCOPE_LEVELS[role].some((level) => level !== 'village'));

/** The monitoring page asked with `query` (`tahun`, `kecamatan`, `urut`). */
export const monitoringPath = (query: Readonly<Record<string, string>> = {}) =>
  withQuery(MONITORING_PATH, query);

/** A regency report of the catalogue as a file, for the regency or (`kecamatan`) one district. */
export const regencyDownloadPath = (
  name: string,
  format: DownloadFormat,
  query: Readonly<Record<string, string>> = {},
) => withQuery(`${MONITORING_PATH}/laporan/${encodeURIComponent(name)}/unduh.${format}`, query);

/** The regency's money for its villages: allocations, Dana Desa stages, transfers beside receipts. */
export const ALLOCATIONS_PATH = `${MONITORING_PATH}/pagu`;
export const STAGES_PATH = `${MONITORING_PATH}/tahap`;
export const TRANSFERS_PATH = `${MONITORING_PATH}/transfer`;

/** Who reads those pages: the regency's finance office, and administrators (read only). */
export const REGENCY_MONEY_ROLES: readonly Role[] = ['regencyFinance', 'administrator'];

/** The page that shows what each regency command records. */
const RECORDED_ON: Record<string, string> = {
  OpenRegencyFiscalYear: ALLOCATIONS_PATH,
  SetAllocation: ALLOCATIONS_PATH,
  PlanDanaDesaStages: STAGES_PATH,
  SendTransfer: TRANSFERS_PATH,
};

/** After a regency form: its page for the year, once the read models have seen the command. */
export const recordedRegencyPath = (
  form: { type: string; slug?: string },
  fiscalYear: number,
  position: bigint,
) =>
  withQuery(RECORDED_ON[form.type] ?? ALLOCATIONS_PATH, {
    tahun: String(fiscalYear),
    after: position.toString(),
    tercatat: form.slug ?? form.type,
  });
