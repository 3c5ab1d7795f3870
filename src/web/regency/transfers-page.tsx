import { formatDate, formatRupiah } from '../format';
import { stageName } from '../forms/regency-choices';
import type { PageSession } from '../session/web-session';
import { MoneyPageFrame } from './money-nav';
import { TRANSFERS_PATH } from './regency-paths';
import type { Reconciliation, TransferRow } from './transfer-rows';
import { ColumnHeads } from '../column-heads';

const HEADERS = {
  village: 'Desa',
  stage: 'Tahap',
  transferred: 'Dikirim kabupaten',
  received: 'Dicatat diterima desa',
  reconciliation: 'Kecocokan',
} as const;

/** Each outcome in words, so a mismatch reads without colour. */
const RECONCILIATION_WORDS: Record<Reconciliation, string> = {
  matched: 'Cocok',
  amountDiffers: 'Selisih jumlah',
  notReceived: 'Belum diterima desa',
  notSent: 'Diterima tanpa transfer',
};

/** What the regency sent beside what each village recorded receiving, mismatches marked. */
export function TransfersPage({
  signedIn,
  regencyName,
  years,
  fiscalYear,
  rows,
  mayTransfer,
}: {
  signedIn: PageSession;
  regencyName: string;
  years: readonly number[];
  fiscalYear: number;
  rows: readonly TransferRow[];
  mayTransfer: boolean;
}) {
  const mismatched = rows.filter((row) => row.reconciliation !== 'matched').length;
  return (
    <MoneyPageFrame
      signedIn={signedIn}
      path={TRANSFERS_PATH}
      title="Transfer & penerimaan"
      intro={`${regencyName}: ${rows.length} tahap tercatat, ${mismatched} tidak cocok.`}
      years={years}
      fiscalYear={fiscalYear}
      {...(mayTransfer && { form: { type: 'SendTransfer', label: 'Catat transfer ke desa' } })}
    >
      <div class="report-table">
        <table class="cards transfers">
          <ColumnHeads labels={HEADERS} />
          <tbody>
            {rows.map((row) => (
              <tr
                key={`${row.villageCode}|${row.source}|${row.stage}`}
                data-village={row.villageCode}
                data-source={row.source}
                data-stage={row.stage}
                data-reconciliation={row.reconciliation}
                class={row.reconciliation === 'matched' ? undefined : 'mismatch'}
              >
                <td data-label={HEADERS.village}>
                  {row.villageName} <small>{row.villageCode}</small>
                  <small class="line">{row.source}</small>
                </td>
                <td data-label={HEADERS.stage}>{stageName(row.stage)}</td>
                <td data-label={HEADERS.transferred}>
                  <div>
                    {formatRupiah(row.transferred)}
                    {row.transfers.map((transfer) => (
                      <small key={transfer.reference} class="line">
                        {formatDate(transfer.date)} · {formatRupiah(transfer.amount)} ·{' '}
                        {transfer.reference}
                      </small>
                    ))}
                  </div>
                </td>
                <td data-label={HEADERS.received} class="amount">
                  {row.received === null ? 'belum ada buku desa' : formatRupiah(row.received)}
                </td>
                <td data-label={HEADERS.reconciliation}>
                  {row.reconciliation === 'matched' ? (
                    RECONCILIATION_WORDS.matched
                  ) : (
                    <strong class="mismatch-word">
                      {RECONCILIATION_WORDS[row.reconciliation]}
                    </strong>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </MoneyPageFrame>
  );
}
