import type { Replayed } from '../../audit/time-travel';
import { toAmountText } from '../../domain/shared/money';
import { balanceOf, balancesOf } from '../../domain/village/books';
import type { VillageState } from '../../domain/village/state';
import { formatDate, formatRupiah } from '../format';
import { Layout } from '../layout';
import type { PageSession } from '../session/web-session';
import type { AuditTarget } from '../../http/audit-endpoints';
import { villageAuditPath } from './audit-paths';

/** One column of the page: a replay and what it is called. */
export interface ClockColumn {
  heading: string;
  replayed: Replayed<VillageState>;
}

/** What the GET form was given, as typed, to show it back. */
export interface TypedClocks {
  tanggal: string;
  diketahui: string;
}

interface FigureRow {
  label: string;
  value: (state: Replayed<VillageState>) => string;
}

const rupiahOf = (amount: Parameters<typeof toAmountText>[0]) => formatRupiah(toAmountText(amount));

function figureRows(columns: readonly ClockColumn[]): FigureRow[] {
  const sources = [
    ...new Set(
      columns.flatMap(({ replayed }) =>
        balancesOf(replayed.state.books, 'source').map(([id]) => id),
      ),
    ),
  ];
  return [
    { label: 'Peristiwa dihitung', value: (r) => String(r.eventsApplied) },
    { label: 'Peristiwa ditinggalkan', value: (r) => String(r.eventsLeftOut) },
    { label: 'APBDes berlaku', value: (r) => r.state.budget.versions.at(-1)?.label ?? '—' },
    { label: 'Bulan terakhir ditutup', value: (r) => r.state.closing.lastClosedMonth ?? '—' },
    { label: 'Entri buku', value: (r) => String([...r.state.books.entries.values()].length) },
    { label: 'Kas tunai', value: (r) => rupiahOf(balanceOf(r.state.books, 'cash', 'cashOnHand')) },
    { label: 'Bank', value: (r) => rupiahOf(balanceOf(r.state.books, 'cash', 'bank')) },
    ...sources.map((source) => ({
      label: `Sisa dana ${source}`,
      value: (r: Replayed<VillageState>) => rupiahOf(balanceOf(r.state.books, 'source', source)),
    })),
  ];
}

/**
 * The village's books replayed from its events at two clocks, side by side
 * with the books now: per business date (`asOf`) and as known at a recorded
 * time (`knownAt`). The entries and budget lines of the books now lead to
 * their history.
 */
export function ClocksPage({
  signedIn,
  target,
  typed,
  columns,
}: {
  signedIn: PageSession;
  target: AuditTarget;
  typed: TypedClocks;
  columns: readonly ClockColumn[];
}) {
  const { user, session } = signedIn;
  const { villageCode, fiscalYear } = target;
  const now = columns[0]!.replayed.state;
  const history = (jenis: string, id: string) =>
    villageAuditPath(villageCode, fiscalYear, 'riwayat', { jenis, id });
  return (
    <Layout user={user} csrfToken={session.csrfToken}>
      <h1>Buku pada dua jam</h1>
      <p>
        Desa {villageCode}, tahun {fiscalYear}. Tanggal bisnis: peristiwa bertanggal sampai hari
        itu. Diketahui pada: peristiwa yang sudah tercatat sampai akhir hari itu (WIB), atau pada
        waktu ISO 8601 yang Anda tulis.
      </p>
      <form
        method="get"
        action={villageAuditPath(villageCode, fiscalYear, 'keadaan')}
        class="audit-form"
      >
        <label>
          Per tanggal bisnis (dd/mm/yyyy)
          <input type="text" name="tanggal" value={typed.tanggal} inputMode="numeric" />
        </label>
        <label>
          Seperti diketahui pada (dd/mm/yyyy)
          <input type="text" name="diketahui" value={typed.diketahui} />
        </label>
        <button type="submit">Tampilkan</button>
      </form>
      <table class="cards audit-clocks">
        <thead>
          <tr>
            <th scope="col">Angka</th>
            {columns.map((column) => (
              <th key={column.heading} scope="col">
                {column.heading}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {figureRows(columns).map((row) => (
            <tr key={row.label}>
              <th scope="row">{row.label}</th>
              {columns.map((column) => (
                <td key={column.heading} data-label={column.heading}>
                  {row.value(column.replayed)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Baris APBDes berlaku</h2>
      <table class="cards">
        <thead>
          <tr>
            <th scope="col">Baris</th>
            <th scope="col">Uraian</th>
            <th scope="col">Jumlah</th>
            <th scope="col">Telusuri</th>
          </tr>
        </thead>
        <tbody>
          {[...(now.budget.versions.at(-1)?.lines.values() ?? [])].map((line) => (
            <tr key={line.lineId}>
              <td data-label="Baris">{line.lineId}</td>
              <td data-label="Uraian">{line.description}</td>
              <td data-label="Jumlah">{formatRupiah(line.amount)}</td>
              <td data-label="Telusuri">
                <a href={history('budget-line', line.lineId)}>Riwayat</a>
                {' · '}
                <a href={villageAuditPath(villageCode, fiscalYear, 'baris', {}, line.lineId)}>
                  Di setiap versi
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Entri buku</h2>
      {now.books.entries.size === 0 && (
        <p>Belum ada entri buku desa ini pada tahun {fiscalYear}.</p>
      )}
      <table class="cards">
        <thead>
          <tr>
            <th scope="col">Entri</th>
            <th scope="col">Jenis</th>
            <th scope="col">Tanggal</th>
            <th scope="col">Telusuri</th>
          </tr>
        </thead>
        <tbody>
          {[...now.books.entries.values()].map((entry) => (
            <tr key={entry.entryId}>
              <td data-label="Entri">
                {entry.entryId}
                {entry.reversed && ' (dibatalkan)'}
              </td>
              <td data-label="Jenis">{entry.type}</td>
              <td data-label="Tanggal">{formatDate(entry.date)}</td>
              <td data-label="Telusuri">
                <a href={history('entry', entry.entryId)}>Riwayat</a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Layout>
  );
}
