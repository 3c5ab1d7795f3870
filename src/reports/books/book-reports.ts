import { monthBooks, type MonthBooks } from './books-report';
import { monthBookTables } from './book-tables';
import { month, monthWithin } from '../parameters';
import { FINANCE_READERS, type ReportDefinition } from '../report-definition';
import { renderJson } from '../render/json';
import { ledgerOf } from '../village-ledgers';

type BookKey = keyof Omit<MonthBooks, 'identity' | 'month' | 'activities'> | 'activities';

/** The monthly books: their key in the month's books and their place among its tables. */
const BOOKS: readonly { name: string; key: BookKey; index: number; title: string }[] = [
  { name: 'bku', key: 'bku', index: 0, title: 'Buku Kas Umum' },
  { name: 'bank', key: 'bank', index: 1, title: 'Buku Bank Desa' },
  { name: 'tax', key: 'tax', index: 2, title: 'Buku Pembantu Pajak' },
  { name: 'panjar', key: 'panjar', index: 3, title: 'Buku Pembantu Panjar' },
  { name: 'revenue-detail', key: 'revenueDetail', index: 4, title: 'Buku Rincian Pendapatan' },
  { name: 'kegiatan', key: 'activities', index: 5, title: 'Buku Pembantu Kegiatan' },
];

export const BOOK_REPORTS: readonly ReportDefinition[] = BOOKS.map(
  ({ name, key, index, title }): ReportDefinition => ({
    name,
    scope: 'village',
    title: { id: title, en: `${name} book of a month` },
    readModels: ['villageLedger'],
    readers: FINANCE_READERS,
    parameters: [month(true)],
    async build(target, params, read) {
      const monthOfYear = monthWithin(params, target.fiscalYear)!;
      const books = monthBooks(await ledgerOf(target, read), target.reference, monthOfYear);
      const tables = monthBookTables(books);
      return {
        name: `${name}-${target.code}-${monthOfYear}`,
        json: () => renderJson({ identity: books.identity, month: monthOfYear, [key]: books[key] }),
        tables: () => (key === 'activities' ? tables.slice(index) : [tables[index]!]),
      };
    },
  }),
);
