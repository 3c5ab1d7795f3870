import type { ReferenceData } from '../../domain/reference/reference-data';
import { prefixAt } from '../../domain/shared/dotted-codes';
import { ZERO, type Rupiah } from '../../domain/shared/money';
import {
  openingBalance,
  OPENING_BANK_ACCOUNT,
  OPENING_CASH_ACCOUNT,
  villageYearRows,
} from './plan-import';
import { mutationKinds } from './plan-mutations';
import type { SiskeudesTables } from './siskeudes-tables';

/**
 * The realisation of a village-year worked out from the Siskeudes tables
 * alone, at the grain of Kasdesa's Laporan Realisasi: revenue and financing
 * per objek account, spending per kegiatan and jenis account. Nothing here
 * goes through the planner or the decider, so a row the import booked
 * differently (or not at all) shows as a difference.
 */

export type RealisationSection =
  'revenue' | 'spending' | 'financingReceipts' | 'financingExpenditures';

/** Where a figure sits in the report: its section, kegiatan (spending only) and account. */
export interface RealisationPlace {
  section: RealisationSection;
  kegiatan?: string;
  account: string;
}

export interface PlaceFigures extends RealisationPlace {
  budget: Rupiah;
  realised: Rupiah;
}

export type RealisationFigures = Map<string, PlaceFigures>;

export const placeKey = ({ section, kegiatan, account }: RealisationPlace) =>
  `${section}|${kegiatan ?? ''}|${account}`;

/** The report's place of a Siskeudes account (and Kd_Keg for spending); undefined for a non-LRA account. */
export function placeOf(
  account: string,
  kdKeg: string,
  kdDesa: string,
): RealisationPlace | undefined {
  const objek = prefixAt(account, 4);
  if (account.startsWith('4.')) return { section: 'revenue', account: objek };
  if (account.startsWith('6.1.')) return { section: 'financingReceipts', account: objek };
  if (account.startsWith('6.2.')) return { section: 'financingExpenditures', account: objek };
  if (!account.startsWith('5.')) return undefined;
  const kegiatan = kdKeg.startsWith(`${kdDesa}.`) ? kdKeg.slice(kdDesa.length + 1) : kdKeg;
  return { section: 'spending', kegiatan, account: prefixAt(account, 3) };
}

export function siskeudesRealisation(
  tables: SiskeudesTables,
  target: { kdDesa: string; fiscalYear: number; reference: ReferenceData },
): RealisationFigures {
  const { kdDesa } = target;
  const rows = villageYearRows(tables, kdDesa, target.fiscalYear);
  const figures: RealisationFigures = new Map();
  const add = (
    place: RealisationPlace | undefined,
    figure: 'budget' | 'realised',
    amount: Rupiah,
  ) => {
    if (!place) return;
    const key = placeKey(place);
    const before = figures.get(key) ?? { ...place, budget: ZERO, realised: ZERO };
    figures.set(key, { ...before, [figure]: before[figure].plus(amount) });
  };

  // Anggaran: the amended budget of every item.
  for (const item of rows.Ta_RABRinci)
    add(placeOf(item.Kd_Rincian, item.Kd_Keg, kdDesa), 'budget', item.AnggaranStlhPAK);
  // Pendapatan and penerimaan pembiayaan: what the receipts (TBP) took in.
  for (const rinci of rows.Ta_TBPRinci)
    add(placeOf(rinci.Kd_Rincian, '', kdDesa), 'realised', rinci.Nilai);
  // The SiLPA realised is the cash the year opened with (kas tunai and rekening kas desa).
  const silpa = [...target.reference.accounts.values()].find((account) => account.silpa);
  if (silpa)
    add(
      placeOf(silpa.code, '', kdDesa),
      'realised',
      openingBalance(rows, OPENING_CASH_ACCOUNT).plus(openingBalance(rows, OPENING_BANK_ACCOUNT)),
    );
  // Belanja and pengeluaran pembiayaan: the lines of every SPP paid out (Ta_Pencairan) but a panjar (UM),
  // an advance realised only by its SPJ. An SPP missing from Ta_SPP still counts: its money went out.
  const paid = new Set(rows.Ta_Pencairan.map((row) => row.No_SPP));
  const panjar = new Set(rows.Ta_SPP.filter((spp) => spp.Jn_SPP === 'UM').map((spp) => spp.No_SPP));
  for (const rinci of rows.Ta_SPPRinci)
    if (paid.has(rinci.No_SPP) && !panjar.has(rinci.No_SPP))
      add(placeOf(rinci.Kd_Rincian, rinci.Kd_Keg, kdDesa), 'realised', rinci.Nilai);
  // A panjar is realised by what its SPJ accounts for (Ta_SPJRinci), not by the advance.
  for (const rinci of rows.Ta_SPJRinci)
    add(placeOf(rinci.Kd_Rincian, rinci.Kd_Keg, kdDesa), 'realised', rinci.Nilai);
  // Mutations as the regency's policy reads their codes: bank interest is revenue and a bank fee spending,
  // on the row's own account (and Kd_Keg); money between the bank and the cash realises nothing.
  const kinds = mutationKinds(target.reference);
  for (const mutation of rows.Ta_Mutasi) {
    const books = kinds.get(mutation.Kd_Mutasi);
    if (books !== 'bankInterest' && books !== 'bankFee') continue;
    const kdKeg = books === 'bankFee' ? (mutation.Kd_Keg ?? '') : '';
    add(placeOf(mutation.Kd_Rincian ?? '', kdKeg, kdDesa), 'realised', mutation.Nilai);
  }
  return figures;
}
