import type { VillageFundFlowReport } from '../../reports/fund-flow/fund-flow-report';
import { formatRupiah } from '../format';
import { Layout } from '../layout';
import { ROLE_NAMES } from '../role-names';
import type { PageSession } from '../session/web-session';

/** What the treasurer's home shows: the village's fund-flow report of the year, as the catalogue builds it. */
export interface TreasurerFigures {
  fiscalYear: number;
  report: VillageFundFlowReport;
}

/** `label` repeats the column's heading for phones, where each row stands as a card. */
function Amount({ value, label }: { value: string | undefined; label: string }) {
  return (
    <td class="amount" data-label={label}>
      {value === undefined ? '–' : formatRupiah(value)}
    </td>
  );
}

function FundSources({ fiscalYear, report }: TreasurerFigures) {
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

/** The home of a signed-in user: role and region; the treasurer also sees the cash per fund source. */
export function HomePage({
  signedIn,
  figures,
}: {
  signedIn: PageSession;
  figures?: TreasurerFigures;
}) {
  const { user, session } = signedIn;
  return (
    <Layout user={user} csrfToken={session.csrfToken}>
      <h1>Beranda</h1>
      <p>
        {ROLE_NAMES[user.role]} · wilayah {user.scope}
      </p>
      {figures && <FundSources {...figures} />}
    </Layout>
  );
}
