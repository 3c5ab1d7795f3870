import type { Figures } from '../../reports/realisation/figures';
import { formatDate, formatRupiah } from '../format';
import { Layout } from '../layout';
import { PUBLIC_PATH, publicYearPath } from './public-paths';
import type { PublicRow, PublicYear } from './public-year';

/** A percentage the Indonesian way: `12,50%`; none when nothing was budgeted. */
const percentText = (percent: string | null) =>
  percent === null ? '–' : `${percent.replace('.', ',')}%`;

/** The realised share as a bar drawn by the browser (no style attribute: the CSP forbids it) and as text. */
function Progress({ percent, label }: { percent: string | null; label: string }) {
  return (
    <span class="progress">
      <meter min={0} max={100} value={percent === null ? 0 : Number(percent)} aria-label={label} />
      <span>{percentText(percent)}</span>
    </span>
  );
}

function Money({ value, label }: { value: string; label: string }) {
  return (
    <td class="amount" data-label={label}>
      {formatRupiah(value)}
    </td>
  );
}

/** Budget, realised and the bar of each row, and the section's total. */
function RealisationTable({
  heading,
  rowName,
  rows,
  total,
}: {
  heading: string;
  rowName: string;
  rows: PublicRow[];
  total: Figures;
}) {
  return (
    <section>
      <h2>{heading}</h2>
      {rows.length === 0 ? (
        <p>Belum ada anggaran.</p>
      ) : (
        <table class="cards">
          <thead>
            <tr>
              <th>{rowName}</th>
              <th>Anggaran</th>
              <th>Realisasi</th>
              <th>Capaian</th>
            </tr>
          </thead>
          <tbody>
            {[...rows, { code: '', name: 'Jumlah', ...total }].map((row) => (
              <tr key={row.code} data-code={row.code || undefined}>
                <th scope="row">{row.name}</th>
                <Money value={row.budget} label="Anggaran" />
                <Money value={row.realised} label="Realisasi" />
                <td data-label="Capaian">
                  <Progress percent={row.percent} label={`Capaian ${row.name}`} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function Activities({ year }: { year: PublicYear }) {
  return (
    <section>
      <h2>Kegiatan</h2>
      {year.activities.length === 0 ? (
        <p>Belum ada kegiatan yang dianggarkan.</p>
      ) : (
        <table class="cards">
          <thead>
            <tr>
              <th>Kegiatan</th>
              <th>Lokasi (dusun)</th>
              <th>Anggaran</th>
              <th>Sisa anggaran</th>
              <th>Keadaan</th>
            </tr>
          </thead>
          <tbody>
            {year.activities.map((activity, index) => (
              <tr key={index}>
                <th scope="row">{activity.name}</th>
                <td data-label="Lokasi (dusun)">{activity.hamlet}</td>
                <Money value={activity.budget} label="Anggaran" />
                <Money value={activity.remaining} label="Sisa anggaran" />
                <td data-label="Keadaan">{activity.finished ? 'Selesai' : 'Belum selesai'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p>
        Sisa anggaran seluruh kegiatan: <strong>{formatRupiah(year.remaining)}</strong>
      </p>
    </section>
  );
}

/** The village's year for anyone, without login: where the money comes from and where it goes. */
export function PublicPage({ year, years }: { year: PublicYear; years: readonly number[] }) {
  const { identity } = year;
  return (
    <Layout>
      <h1>
        Transparansi APBDes {identity.villageName} {identity.fiscalYear}
      </h1>
      <p>
        Desa {identity.villageName}, Kecamatan {identity.districtName}.{' '}
        {year.budgetLabel ? `APBDes yang berlaku: ${year.budgetLabel}. ` : 'Belum ada APBDes. '}
        Realisasi sampai {formatDate(year.until)}.
      </p>
      <RealisationTable
        heading="Pendapatan per jenis"
        rowName="Jenis pendapatan"
        rows={year.revenue}
        total={year.revenueTotal}
      />
      <RealisationTable
        heading="Belanja per bidang"
        rowName="Bidang"
        rows={year.bidang}
        total={year.spendingTotal}
      />
      <Activities year={year} />
      <section>
        <h2>Pengaduan</h2>
        <p>
          Pengaduan: hubungi kantor desa {identity.villageName} atau Badan Permusyawaratan Desa
          (BPD).
        </p>
      </section>
      <nav aria-label="Tahun lain dan desa lain">
        {years
          .filter((other) => other !== identity.fiscalYear)
          .map((other) => (
            <a key={other} href={publicYearPath(identity.villageCode, other)}>
              Tahun {other}
            </a>
          ))}{' '}
        <a href={PUBLIC_PATH}>Semua desa</a>
      </nav>
    </Layout>
  );
}
