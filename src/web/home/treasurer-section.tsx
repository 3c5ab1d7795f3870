import type { VillageFundFlowReport } from '../../reports/fund-flow/fund-flow-report';
import { formatRupiah } from '../format';
import type { BidangFigures } from './budget-by-bidang';

/** What the treasurer's home shows besides what waits for him. */
export interface TreasurerFigures {
  fiscalYear: number;
  cashOnHand: string;
  bank: string;
  /** The village fund-flow report of the year, as the catalogue builds it; none without read models. */
  fundFlow: VillageFundFlowReport | undefined;
  /** From the village realisation report; none without read models. */
  bidang: BidangFigures[] | undefined;
}

/** `label` repeats the column's heading for phones, where each row stands as a card. */
function Amount({ value, label }: { value: string | undefined; label: string }) {
  return (
    <td class="amount" data-label={label}>
      {value === undefined ? '–' : formatRupiah(value)}
    </td>
  );
}

function FundSources({
  fiscalYear,
  report,
}: {
  fiscalYear: number;
  report: VillageFundFlowReport;
}) {
  const { village } = report;
  return (
    <section>
      <h2>
        Kas per sumber dana {village.villageName} · {fiscalYear}
      </h2>
      <table class="cards">
        <thead>
          <tr>
            <th>Sumber dana</th>
            <th>Diterima</th>
            <th>Dibelanjakan</th>
            <th>Sisa kas</th>
          </tr>
        </thead>
        <tbody>
          {village.sources.map((source) => (
            <tr key={source.source} data-source={source.source}>
              <th scope="row">{source.sourceName}</th>
              <Amount value={source.village?.received} label="Diterima" />
              <Amount value={source.village?.spent} label="Dibelanjakan" />
              <Amount value={source.village?.cashRemaining} label="Sisa kas" />
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function BudgetLeft({ rows }: { rows: BidangFigures[] }) {
  return (
    <section>
      <h2>Sisa anggaran belanja per bidang</h2>
      {rows.length === 0 ? (
        <p>Belum ada anggaran belanja.</p>
      ) : (
        <table class="cards">
          <thead>
            <tr>
              <th>Bidang</th>
              <th>Anggaran</th>
              <th>Realisasi</th>
              <th>Sisa</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.code} data-bidang={row.code}>
                <th scope="row">
                  {row.code} {row.name}
                </th>
                <Amount value={row.budget} label="Anggaran" />
                <Amount value={row.realised} label="Realisasi" />
                <Amount value={row.left} label="Sisa" />
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export function TreasurerSection({ figures }: { figures: TreasurerFigures }) {
  const { fiscalYear, cashOnHand, bank, fundFlow, bidang } = figures;
  return (
    <>
      <section>
        <h2>Saldo kas · {fiscalYear}</h2>
        <dl class="balances">
          <dt>Kas tunai</dt>
          <dd data-balance="cashOnHand">{formatRupiah(cashOnHand)}</dd>
          <dt>Bank</dt>
          <dd data-balance="bank">{formatRupiah(bank)}</dd>
        </dl>
      </section>
      {fundFlow && <FundSources fiscalYear={fiscalYear} report={fundFlow} />}
      {bidang && <BudgetLeft rows={bidang} />}
    </>
  );
}
