import type { VillageIdentity } from '../../../projections/folds/reference-lookup';
import { Layout } from '../layout';
import { publicYearPath } from './public-paths';

/** A village with a recorded year, and the years it has. */
export interface ListedVillage {
  identity: VillageIdentity;
  years: number[];
}

/** The villages by district, each linked to its public page of the latest year. */
export function VillageDirectory({ villages }: { villages: readonly ListedVillage[] }) {
  const districts = new Map<string, ListedVillage[]>();
  for (const village of villages) {
    const name = village.identity.districtName;
    districts.set(name, [...(districts.get(name) ?? []), village]);
  }
  return (
    <Layout>
      <h1>Transparansi keuangan desa</h1>
      <p>APBDes dan realisasinya untuk setiap desa, terbuka untuk semua warga.</p>
      {villages.length === 0 && <p>Belum ada desa yang mencatat tahun anggaran.</p>}
      {[...districts].map(([district, listed]) => (
        <section key={district}>
          <h2>Kecamatan {district}</h2>
          <ul>
            {listed.map(({ identity, years }) => (
              <li key={identity.villageCode}>
                <a href={publicYearPath(identity.villageCode, Math.max(...years))}>
                  {identity.villageName}
                </a>{' '}
                ({years.join(', ')})
              </li>
            ))}
          </ul>
        </section>
      ))}
    </Layout>
  );
}
