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
