/** Where the auditor's pages live: one place, so links and routes agree. */
export const AUDIT_PATH = '/audit';
export const VERIFY_PATH = `${AUDIT_PATH}/verifikasi`;

/** The pages of one village's year. */
export type VillageAuditPage = 'keadaan' | 'riwayat' | 'baris';

/** A page of a village's year, e.g. `/audit/35.10.01.2001/2025/riwayat?jenis=entry&id=TBP-1`. */
export function villageAuditPath(
  villageCode: string,
  fiscalYear: number,
  page: VillageAuditPage,
  query: Record<string, string> = {},
  lineId?: string,
): string {
  const tail = lineId === undefined ? '' : `/${encodeURIComponent(lineId)}`;
  const search = new URLSearchParams(query).toString();
  return `${AUDIT_PATH}/${villageCode}/${fiscalYear}/${page}${tail}${search ? `?${search}` : ''}`;
}

/** A village year's evidence bundle, downloaded as a zip. */
export function evidencePath(villageCode: string, fiscalYear: number): string {
  return `${AUDIT_PATH}/${villageCode}/${fiscalYear}/bukti.zip`;
}

/** The verification page for one stream, or (no stream) every stream in the user's scope. */
export function verifyPath(stream?: string): string {
  return stream === undefined
    ? VERIFY_PATH
    : `${VERIFY_PATH}?${new URLSearchParams({ aliran: stream })}`;
}
