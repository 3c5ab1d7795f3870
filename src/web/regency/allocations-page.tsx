import { formatDate, formatRupiah } from '../format';
import { commandFormPath } from '../paths';
import type { PageSession } from '../session/web-session';
import type { AllocationRow, SourceTotal } from './allocation-rows';
import { MoneyPageFrame } from './money-nav';
import { ALLOCATIONS_PATH } from './regency-paths';

const HEADERS = {
  village: 'Desa',
  source: 'Sumber dana',
  amount: 'Pagu',
  legal: 'Dasar hukum',
  change: 'Ubah',
} as const;

/** The SetAllocation form filled with the allocation as it stands, money and date as typed. */
const changePath = (row: AllocationRow, fiscalYear: number) =>
  commandFormPath('SetAllocation', {
    tahun: String(fiscalYear),
    villageCode: row.villageCode,
    source: row.source,
    amount: formatRupiah(row.amount),
    'legalReference.document': row.legalReference.document,
    'legalReference.number': row.legalReference.number,
    'legalReference.date': row.legalReference.date,
  });

/** Each village's pagu per fund source with its legal basis, and the totals per source. */
export function AllocationsPage({
  signedIn,
  regencyName,
  years,
  fiscalYear,
  rows,
  totals,
  mayChange,
}: {
  signedIn: PageSession;
  regencyName: string;
  years: readonly number[];
  fiscalYear: number;
  rows: readonly AllocationRow[];
  totals: readonly SourceTotal[];
  mayChange: boolean;
}) {
  return (
    <MoneyPageFrame
      signedIn={signedIn}
      path={ALLOCATIONS_PATH}
      title="Pagu desa"
      intro={`${regencyName} — ${rows.length} pagu.`}
      years={years}
      fiscalYear={fiscalYear}
      {...(mayChange && { form: { type: 'SetAllocation', label: 'Tetapkan pagu desa' } })}
    >
      <h2>Jumlah per sumber dana</h2>
      <table class="cards allocation-totals">
        <thead>
          <tr>
            <th scope="col">Sumber dana</th>
            <th scope="col">Desa</th>
            <th scope="col">Jumlah pagu</th>
          </tr>
        </thead>
        <tbody>
          {totals.map((total) => (
            <tr key={total.source} data-source={total.source}>
              <td data-label="Sumber dana">
                {total.source} · {total.sourceName}
              </td>
              <td data-label="Desa" class="amount">
                {total.villages}
              </td>
              <td data-label="Jumlah pagu" class="amount">
                {formatRupiah(total.amount)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Pagu per desa</h2>
      {rows.length === 0 ? (
        <p>Belum ada pagu yang ditetapkan untuk tahun ini.</p>
      ) : (
        <div class="report-table">
          <table class="cards allocations">
            <thead>
              <tr>
                {Object.values(HEADERS)
                  .filter((header) => mayChange || header !== HEADERS.change)
                  .map((header) => (
                    <th key={header} scope="col">
                      {header}
                    </th>
                  ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr
                  key={`${row.villageCode}|${row.source}`}
                  data-village={row.villageCode}
                  data-source={row.source}
                >
                  <td data-label={HEADERS.village}>
                    {row.villageName} <small>{row.villageCode}</small>
                  </td>
                  <td data-label={HEADERS.source}>{row.sourceName}</td>
                  <td data-label={HEADERS.amount} class="amount">
                    {formatRupiah(row.amount)}
                  </td>
                  <td data-label={HEADERS.legal}>
                    {row.legalReference.document} No. {row.legalReference.number} tanggal{' '}
                    {formatDate(row.legalReference.date)}
                  </td>
                  {mayChange && (
                    <td data-label={HEADERS.change}>
                      <a href={changePath(row, fiscalYear)}>Ubah pagu</a>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </MoneyPageFrame>
  );
}
