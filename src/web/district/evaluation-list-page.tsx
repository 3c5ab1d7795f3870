import { Layout } from '../layout';
import type { PageSession } from '../session/web-session';
import { evaluationPath } from './district-paths';
import type { DistrictVillage } from './evaluation-view';

/** The APBDes drafts of the district's villages that wait for the camat's evaluation. */
export function EvaluationListPage({
  signedIn,
  waiting,
  villageCount,
}: {
  signedIn: PageSession;
  waiting: DistrictVillage[];
  /** How many villages of the district were looked at. */
  villageCount: number;
}) {
  const { user, session } = signedIn;
  return (
    <Layout user={user} csrfToken={session.csrfToken}>
      <h1>Evaluasi rancangan APBDes</h1>
      <p>
        Kecamatan {user.scope} · {villageCount} desa · {waiting.length} rancangan menunggu evaluasi
        Anda.
      </p>
      {waiting.length === 0 ? (
        <p>Tidak ada rancangan APBDes yang menunggu evaluasi Anda.</p>
      ) : (
        <table class="cards evaluations">
          <thead>
            <tr>
              <th scope="col">Desa</th>
              <th scope="col">Kode</th>
              <th scope="col">Tahun anggaran</th>
            </tr>
          </thead>
          <tbody>
            {waiting.map((village) => (
              <tr key={village.villageCode} data-village={village.villageCode}>
                <td data-label="Desa">
                  <a href={evaluationPath(village.villageCode, village.fiscalYear)}>
                    {village.villageName}
                  </a>
                </td>
                <td data-label="Kode">{village.villageCode}</td>
                <td data-label="Tahun anggaran">{village.fiscalYear}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
}
