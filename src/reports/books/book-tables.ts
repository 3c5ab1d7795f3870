import type { Book, MonthBooks } from './books-report';
import { rupiah, toAmountText } from '../../domain/shared/money';
import { monthInWords } from '../render/document';
import { villageTitle } from '../render/labels';
import { sumOf, type Column, type ReportTable, type TableRow } from '../render/table';

/** Amount column headers of each book, as the Permendagri 20/2018 book forms name them. */
const HEADERS: Record<string, string> = {
  receipts: 'Penerimaan (Rp)',
  payments: 'Pengeluaran (Rp)',
  deposits: 'Pemasukan — Setoran (Rp)',
  interest: 'Pemasukan — Bunga Bank (Rp)',
  withdrawals: 'Pengeluaran — Penarikan (Rp)',
  interestTax: 'Pengeluaran — Pajak (Rp)',
  fees: 'Pengeluaran — Biaya Administrasi (Rp)',
  withheld: 'Pemotongan (Rp)',
  deposited: 'Penyetoran (Rp)',
  given: 'Pemberian (Rp)',
  accounted: 'Pertanggungjawaban Panjar (Rp)',
  fromTreasurer: 'Penerimaan dari Bendahara (Rp)',
  community: 'Penerimaan Swadaya Masyarakat (Rp)',
  goodsServices: 'Belanja Barang dan Jasa (Rp)',
  capital: 'Belanja Modal (Rp)',
  returned: 'Pengembalian ke Bendahara (Rp)',
  amount: 'Jumlah (Rp)',
};

const amount = (key: string, header = HEADERS[key] ?? key): Column => ({
  key,
  header,
  kind: 'amount',
  width: 18,
});

interface BookLayout {
  name: string;
  title: string;
  /** Header of the `account` column (kode rekening, pajak, penerima), or none. */
  accountHeader: string | null;
  /** The BKU's Jumlah Pengeluaran Kumulatif. */
  cumulative?: string;
}

/** One book as a table: opening row, the month's rows, totals as formulas, closing balance. */
export function bookTable(book: Book, layout: BookLayout, heading: string): ReportTable {
  const amountKeys = book.columns.map((column) => column.key);
  const columns: Column[] = [
    { key: 'date', header: 'Tanggal', kind: 'date', width: 12 },
    ...(layout.accountHeader
      ? [{ key: 'account', header: layout.accountHeader, kind: 'text', width: 14 } as Column]
      : []),
    { key: 'description', header: 'Uraian', kind: 'text', width: 44 },
    ...amountKeys.map((key) => amount(key)),
    { key: 'evidence', header: 'Nomor Bukti', kind: 'text', width: 18 },
    ...(layout.cumulative ? [amount('cumulative', 'Jumlah Pengeluaran Kumulatif (Rp)')] : []),
    amount('balance', 'Saldo (Rp)'),
  ];
  let cumulative = rupiah(book.priorTotals[layout.cumulative ?? ''] ?? '0');
  const detailIds: string[] = [];
  const rows: TableRow[] = [
    {
      style: 'group',
      cells: { description: 'Saldo awal bulan', balance: book.opening },
    },
    ...book.rows.map((row): TableRow => {
      const id = `row:${row.number}`;
      detailIds.push(id);
      if (layout.cumulative) cumulative = cumulative.plus(rupiah(row.amounts[layout.cumulative]!));
      return {
        id,
        style: 'detail',
        cells: {
          date: row.date,
          account: row.account,
          description: row.description,
          ...row.amounts,
          evidence: row.evidence,
          ...(layout.cumulative ? { cumulative: toAmountText(cumulative) } : {}),
          balance: row.balance,
        },
      };
    }),
    {
      style: 'total',
      cells: { description: 'Jumlah bulan ini', ...book.totals, balance: book.closing },
      formulas: Object.fromEntries(amountKeys.map((key) => [key, sumOf(detailIds)])),
    },
  ];
  return {
    name: layout.name,
    title: [layout.title, heading],
    columns,
    rows,
    landscape: true,
  };
}

/** The month's books as one workbook: BKU, bank, tax, panjar, revenue detail, one sheet per activity. */
export function monthBookTables(books: MonthBooks): ReportTable[] {
  const heading = `${villageTitle(books.identity)}, ${monthInWords(books.month)}`;
  return [
    bookTable(
      books.bku,
      {
        name: 'BKU',
        title: 'Buku Kas Umum',
        accountHeader: 'Kode Rekening',
        cumulative: 'payments',
      },
      heading,
    ),
    bookTable(
      books.bank,
      { name: 'Bank', title: 'Buku Pembantu Bank', accountHeader: null },
      heading,
    ),
    bookTable(
      books.tax,
      { name: 'Pajak', title: 'Buku Pembantu Pajak', accountHeader: 'Pajak' },
      heading,
    ),
    bookTable(
      books.panjar,
      { name: 'Panjar', title: 'Buku Pembantu Panjar', accountHeader: 'Penerima' },
      heading,
    ),
    bookTable(
      books.revenueDetail,
      {
        name: 'Rincian Pendapatan',
        title: 'Buku Rincian Pendapatan',
        accountHeader: 'Kode Rekening',
      },
      heading,
    ),
    ...books.activities.map((activity) =>
      bookTable(
        activity,
        {
          name: `Kegiatan ${activity.activityId}`,
          title: `Buku Pembantu Kegiatan — ${activity.bidang}, ${activity.kegiatanCode} ${activity.name}`,
          accountHeader: 'Kode Rekening',
        },
        heading,
      ),
    ),
  ];
}
