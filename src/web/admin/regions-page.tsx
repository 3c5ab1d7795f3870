import { villageStatusSchema } from '../../domain/reference/row-schemas';
import type { ListedRegion } from '../../http/region-routes';
import { Layout } from '../layout';
import type { PageSession } from '../session/web-session';
import { AdminForm, type AdminFormState, type AdminInput } from './admin-fields';
import { REGIONS_PATH } from './regions-paths';

/** The form's inputs; each name is the API body's field, except `centre`, typed as "lat, lon". */
export const REGION_INPUTS: AdminInput[] = [
  {
    name: 'level',
    label: 'Tingkat',
    kind: 'choice',
    choices: [
      { value: 'district', label: 'Kecamatan' },
      { value: 'village', label: 'Desa' },
    ],
  },
  {
    name: 'code',
    label: 'Kode Kemendagri',
    kind: 'text',
    hint: 'Kecamatan seperti 35.10.09, desa seperti 35.10.09.2004 (kecamatannya harus sudah dikenal).',
  },
  { name: 'name', label: 'Nama', kind: 'text' },
  {
    name: 'status',
    label: 'Status IDM (desa, boleh kosong)',
    kind: 'choice',
    choices: [
      { value: '', label: '—' },
      ...villageStatusSchema.options.map((status) => ({
        value: status,
        label: status,
      })),
    ],
  },
  {
    name: 'centre',
    label: 'Titik tengah (boleh kosong)',
    kind: 'text',
    hint: 'Lintang, bujur (WGS84), mis. -8.62, 114.31. Batas wilayah GeoJSON: lewat API atau CLI.',
  },
];

const LEVEL_NAMES = { district: 'Kecamatan', village: 'Desa' } as const;
const SOURCE_NAMES = { reference: 'Data referensi', registered: 'Didaftarkan' } as const;

export function RegionsPage({
  signedIn,
  regions,
  nonce,
  state,
  registered,
}: {
  signedIn: PageSession;
  regions: readonly ListedRegion[];
  nonce: string;
  state: AdminFormState;
  registered: string | undefined;
}) {
  const { user, session } = signedIn;
  return (
    <Layout user={user} csrfToken={session.csrfToken}>
      <h1>Wilayah kabupaten</h1>
      {registered && (
        <p class="notice" role="status">
          Wilayah {registered} terdaftar.
        </p>
      )}
      <AdminForm
        id="daftar-wilayah"
        action={REGIONS_PATH}
        title="Daftarkan kecamatan atau desa"
        csrfToken={session.csrfToken}
        nonce={nonce}
        inputs={REGION_INPUTS}
        state={state}
        submit="Daftarkan"
      />
      <table class="cards">
        <caption>Kecamatan dan desa</caption>
        <thead>
          <tr>
            <th scope="col">Kode</th>
            <th scope="col">Nama</th>
            <th scope="col">Tingkat</th>
            <th scope="col">Sumber</th>
          </tr>
        </thead>
        <tbody>
          {regions.map((region) => (
            <tr key={region.code}>
              <td data-label="Kode">{region.code}</td>
              <td data-label="Nama">{region.name}</td>
              <td data-label="Tingkat">{LEVEL_NAMES[region.level]}</td>
              <td data-label="Sumber">{SOURCE_NAMES[region.source]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Layout>
  );
}
