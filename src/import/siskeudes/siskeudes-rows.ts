import type { Placed } from './siskeudes-tables';

/** Small helpers over Siskeudes rows that several planners share. */

export const NOT_IN_SISKEUDES = 'Tidak tercatat di Siskeudes';
export const TEXT_MAX = 500;

export const clip = (text: string, max: number) => (text.length > max ? text.slice(0, max) : text);

/** Rows by a key, in file order: a village-year's tens of thousands of rows joined without quadratic scans. */
export function groupBy<R>(rows: readonly R[], key: (row: R) => string): Map<string, R[]> {
  const groups = new Map<string, R[]>();
  for (const row of rows) {
    const group = groups.get(key(row));
    if (group) group.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
}

/** Evidence of a realisation line: the same activity, account and fund source. */
export const sameLine =
  (line: { Kd_Keg: string; Kd_Rincian: string; Sumberdana: string }) =>
  (bukti: { Kd_Keg: string; Kd_Rincian: string; Sumberdana: string }) =>
    bukti.Kd_Keg === line.Kd_Keg &&
    bukti.Kd_Rincian === line.Kd_Rincian &&
    bukti.Sumberdana === line.Sumberdana;

/** The evidence (kuitansi) of an SPP or SPJ line as Kasdesa records it. */
export function evidenceOf(bukti: Placed<'Ta_SPPBukti'> | Placed<'Ta_SPJBukti'>) {
  const npwp = bukti.NPWP?.replace(/\D/g, '');
  return {
    receiptNumber: bukti.No_Bukti,
    receiptDate: bukti.Tgl_Bukti,
    payee: clip(bukti.Nm_Penerima, TEXT_MAX),
    address: clip(bukti.Alamat ?? NOT_IN_SISKEUDES, TEXT_MAX),
    ...(bukti.Rek_Bank ? { bankAccount: clip(bukti.Rek_Bank, 50) } : {}),
    ...(bukti.Nm_Bank ? { bankName: clip(bukti.Nm_Bank, TEXT_MAX) } : {}),
    ...(npwp && /^\d{15,16}$/.test(npwp) ? { npwp } : {}),
  };
}
