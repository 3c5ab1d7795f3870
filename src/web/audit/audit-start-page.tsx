import type { Named, Village } from '../../domain/reference/reference-data';
import { villageStreamId } from '../../domain/village/decider';
import { Layout } from '../layout';
import type { PageSession } from '../session/web-session';
import { AUDIT_PATH, evidencePath, verifyPath, villageAuditPath } from './audit-paths';

export interface District extends Named {
  villages: Village[];
}

/** The auditor's start: a village and a year of the regency, and what can be looked into there. */
export function AuditStartPage({
  signedIn,
  districts,
  years,
  chosen,
}: {
  signedIn: PageSession;
  districts: District[];
  years: readonly number[];
  chosen: { village: Village; fiscalYear: number } | undefined;
}) {
  const { user, session } = signedIn;
  return (
    <Layout user={user} csrfToken={session.csrfToken}>
      <h1>Audit</h1>
      <p>Semua halaman audit hanya membaca: tidak ada yang diubah di buku desa.</p>
      {chosen === undefined ? (
        <p>Belum ada tahun anggaran dengan data referensi untuk kabupaten Anda.</p>
      ) : (
        <>
          <form method="get" action={AUDIT_PATH} class="audit-form">
            <label>
              Desa
              <select name="desa">
                {districts.map((district) => (
                  <optgroup key={district.code} label={`Kecamatan ${district.name}`}>
                    {district.villages.map((village) => (
                      <option
                        key={village.code}
                        value={village.code}
                        selected={village.code === chosen.village.code}
                      >
                        {village.name} ({village.code})
                      </option>
                    ))}
                  </optgroup>
                ))}
              </select>
            </label>
            <label>
              Tahun anggaran
              <select name="tahun">
                {years.map((year) => (
                  <option key={year} value={year} selected={year === chosen.fiscalYear}>
                    {year}
                  </option>
                ))}
              </select>
            </label>
            <button type="submit">Pilih</button>
          </form>
          <h2>
            Desa {chosen.village.name}, tahun {chosen.fiscalYear}
          </h2>
          <ul class="audit-links">
            <li>
              <a href={villageAuditPath(chosen.village.code, chosen.fiscalYear, 'keadaan')}>
                Buku pada dua jam
              </a>
              <p>
                Angka buku per tanggal bisnis dan seperti diketahui pada suatu waktu, berdampingan;
                dari sana riwayat setiap entri dan baris anggaran.
              </p>
            </li>
            <li>
              <a href={villageAuditPath(chosen.village.code, chosen.fiscalYear, 'riwayat')}>
                Riwayat angka
              </a>
              <p>Siapa, kapan, mengapa, perintah dan peristiwa di balik satu angka.</p>
            </li>
            <li>
              <a href={verifyPath(villageStreamId(chosen.village.code, chosen.fiscalYear))}>
                Periksa rantai hash desa ini
              </a>
              <p>
                Hitung ulang rantai hash dan jangkar; hasilnya ok atau mata rantai pertama yang
                putus.
              </p>
            </li>
            <li>
              <a href={verifyPath()}>Periksa rantai hash seluruh cakupan Anda</a>
            </li>
            <li>
              <a href={evidencePath(chosen.village.code, chosen.fiscalYear)} download>
                Unduh berkas bukti (evidence bundle)
              </a>
              <p>
                Satu berkas zip berisi semua peristiwa desa dan kabupaten tahun ini, jangkar, data
                referensi, angka laporan dan manifest bersegel SHA-256, sama dengan hasil{' '}
                <code>kasdesa export-evidence</code>. Periksa tanpa server dengan{' '}
                <code>
                  kasdesa verify-evidence bukti-{chosen.village.code}-{chosen.fiscalYear}.zip
                </code>
                : hasilnya OK, atau setiap berkas dan mata rantai yang tidak cocok.
              </p>
            </li>
          </ul>
        </>
      )}
    </Layout>
  );
}
