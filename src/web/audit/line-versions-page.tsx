import type { LineVersions } from '../../audit/history';
import type { BudgetLine } from '../../domain/village/lines';
import type { AuditTarget } from '../../http/audit-endpoints';
import { formatRupiah } from '../format';
import { Layout } from '../layout';
import type { PageSession } from '../session/web-session';
import { villageAuditPath } from './audit-paths';

const shownLine = (line: BudgetLine | null) =>
  line ? `${formatRupiah(line.amount)} (${line.account}, ${line.source})` : 'tidak ada';

/** One budget line in every enacted APBDes version, and in the draft, side by side. */
export function LineVersionsPage({
  signedIn,
  target,
  versions,
}: {
  signedIn: PageSession;
  target: AuditTarget;
  versions: LineVersions;
}) {
  const { user, session } = signedIn;
  const { villageCode, fiscalYear } = target;
  return (
    <Layout user={user} csrfToken={session.csrfToken}>
      <h1>Baris {versions.lineId} di setiap versi APBDes</h1>
      <table class="cards">
        <thead>
          <tr>
            <th scope="col">Versi</th>
            <th scope="col">Ditetapkan dengan</th>
            <th scope="col">Baris</th>
          </tr>
        </thead>
        <tbody>
          {versions.versions.map((version) => (
            <tr key={version.sequence}>
              <td data-label="Versi">{version.label}</td>
              <td data-label="Ditetapkan dengan">{version.enactedBy.number}</td>
              <td data-label="Baris">{shownLine(version.line)}</td>
            </tr>
          ))}
          {versions.draft && (
            <tr>
              <td data-label="Versi">Rancangan ({versions.draft.stage})</td>
              <td data-label="Ditetapkan dengan">—</td>
              <td data-label="Baris">{shownLine(versions.draft.line)}</td>
            </tr>
          )}
        </tbody>
      </table>
      <p>
        <a
          href={villageAuditPath(villageCode, fiscalYear, 'riwayat', {
            jenis: 'budget-line',
            id: versions.lineId,
          })}
        >
          Riwayat baris ini
        </a>
      </p>
    </Layout>
  );
}
