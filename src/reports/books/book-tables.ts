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
  fromTreasurer: 'Penerimaan — Dari Bendahara Desa (Rp)',
  community: 'Penerimaan — Swadaya Masyarakat (Rp)',
  goodsServices: 'Pengeluaran — Belanja Barang dan Jasa (Rp)',
  capital: 'Pengeluaran — Belanja Modal (Rp)',
  returned: 'Jumlah Pengembalian ke Bendahara Desa (Rp)',
  amount: 'Jumlah (Rp)',
};

const amount = (key: string, header = HEADERS[key] ?? key): Column => ({
  key,
  header,
  kind: 'amount',
  width: 18,
});

/** Where `AMOUNTS` stands in a book's column order, every amount column not named on its own comes. */
const AMOUNTS = 'amounts';
/** The BKU's order: Tanggal, Kode Rekening, Uraian, the amounts, Nomor Bukti, Kumulatif, Saldo. */
const BKU_ORDER = ['date', 'account', 'description', AMOUNTS, 'evidence', 'cumulative', 'balance'];

interface BookLayout {
  name: string;
  title: string;
  /** Header of the `account` column (kode rekening, pajak, penerima), or none. */
  accountHeader: string | null;
  /** The BKU's Jumlah Pengeluaran Kumulatif. */
  cumulative?: string;
  /** The columns after "No." in the annex's order (BKU_ORDER when not given). */
  order?: readonly string[];
  /** The balance column's header, "Saldo (Rp)" when not given. */
  balanceHeader?: string;
}

function bookColumns(book: Book, layout: BookLayout): Column[] {
  const amountKeys = book.columns.map((column) => column.key);
  const order = layout.order ?? BKU_ORDER;
  const fixed: Record<string, Column | undefined> = {
    date: { key: 'date', header: 'Tanggal', kind: 'date', width: 12 },
    account: layout.accountHeader
      ? { key: 'account', header: layout.accountHeader, kind: 'text', width: 14 }
      : undefined,
    description: { key: 'description', header: 'Uraian', kind: 'text', width: 44 },
    evidence: { key: 'evidence', header: 'Nomor Bukti', kind: 'text', width: 18 },
    cumulative: layout.cumulative
      ? amount('cumulative', 'Jumlah Pengeluaran Kumulatif (Rp)')
      : undefined,
    balance: amount('balance', layout.balanceHeader ?? 'Saldo (Rp)'),
  };
  return order.flatMap((key) => {
    if (key === AMOUNTS) return amountKeys.filter((k) => !order.includes(k)).map((k) => amount(k));
    if (amountKeys.includes(key)) return [amount(key)];
    return fixed[key] ? [fixed[key]] : [];
  });
}

/** One book as a table: opening row, the month's rows, totals as formulas, closing balance. */
export function bookTable(book: Book, layout: BookLayout, heading: string): ReportTable {
  const amountKeys = book.columns.map((column) => column.key);
  const columns = bookColumns(book, layout);
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
      {
        name: 'Bank',
        title: 'Buku Pembantu Bank',
        accountHeader: null,
        order: ['date', 'description', 'evidence', AMOUNTS, 'balance'],
      },
      heading,
    ),
    bookTable(
      books.tax,
      { name: 'Pajak', title: 'Buku Pembantu Pajak', accountHeader: 'Pajak' },
      heading,
    ),
    bookTable(
      books.panjar,
      {
        name: 'Panjar',
        title: 'Buku Pembantu Panjar',
        accountHeader: 'Penerima',
        order: ['date', 'evidence', 'description', 'account', AMOUNTS, 'balance'],
      },
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
          order: [
            'date',
            'account',
            'description',
            'fromTreasurer',
            'community',
            'evidence',
            AMOUNTS,
            'balance',
          ],
          balanceHeader: 'Saldo Kas (Rp)',
        },
        heading,
      ),
    ),
  ];
}
