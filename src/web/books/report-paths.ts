import { REPORTS_PATH } from '../paths';

/** The download formats of a report page, as its `unduh.<format>` links name them. */
export const DOWNLOAD_FORMATS = ['csv', 'xlsx', 'pdf'] as const;
export type DownloadFormat = (typeof DOWNLOAD_FORMATS)[number];

/** A path with its query, or the path alone when the query is empty. */
export const withQuery = (path: string, query: Readonly<Record<string, string>>) => {
  const text = new URLSearchParams(query).toString();
  return text ? `${path}?${text}` : path;
};

/** A report's page, asked with `query` (the year as `tahun`, and the report's own parameters). */
export const reportPath = (name: string, query: Readonly<Record<string, string>> = {}) =>
  withQuery(`${REPORTS_PATH}/${encodeURIComponent(name)}`, query);

/** The same report as a file. */
export const downloadPath = (
  name: string,
  format: DownloadFormat,
  query: Readonly<Record<string, string>> = {},
) => withQuery(`${REPORTS_PATH}/${encodeURIComponent(name)}/unduh.${format}`, query);
