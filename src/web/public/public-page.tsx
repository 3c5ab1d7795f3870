import type { Figures } from '../../reports/realisation/figures';
import { BarChart, type ChartText } from '../charts/bar-chart';
import { percentText } from '../charts/chart-data';
import { formatDate, formatRupiah } from '../format';
import { Layout } from '../layout';
import { fundFlowChart, realisationChart } from './public-charts';
import { PUBLIC_PATH, publicPosterPath, publicYearPath } from './public-paths';
import type { PublicRow, PublicYear } from './public-year';

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

/** Budget and realised of each row as a chart, and below it the table with the section's total. */
function RealisationTable({
  heading,
  rowName,
  rows,
  total,
  chart,
}: {
  heading: string;
  rowName: string;
  rows: PublicRow[];
  total: Figures;
  chart: ChartText;
}) {
  return (
    <section>
      <h2>{heading}</h2>
      {rows.length === 0 ? (
        <p>Belum ada anggaran.</p>
      ) : (
        <BarChart text={chart} data={realisationChart(rows)} rowName={rowName}>
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
        </BarChart>
      )}
    </section>
  );
}

/** Each fund source from the regency's allocation to what the village still holds of it. */
function FundFlow({ year }: { year: PublicYear }) {
  return (
    <section>
      <h2>Aliran dana per sumber</h2>
      {year.fundFlow.length === 0 ? (
        <p>Belum ada dana yang dialokasikan atau diterima.</p>
      ) : (
        <BarChart
          text={{
            id: 'grafik-aliran-dana',
            title: `Aliran dana per sumber, ${year.identity.villageName} ${year.identity.fiscalYear}`,
            description:
              'Untuk setiap sumber dana: pagu dari kabupaten, yang diterima desa, yang dibelanjakan, dan sisanya (SiLPA).',
          }}
          data={fundFlowChart(year.fundFlow)}
          rowName="Sumber dana"
        />
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
export function PublicPage({
  year,
  years,
  complaintsContact,
}: {
  year: PublicYear;
  years: readonly number[];
  complaintsContact: string;
}) {
  const { identity } = year;
  const chartOf = (id: string, subject: string): ChartText => ({
    id,
    title: `Anggaran dan realisasi ${subject}, ${identity.villageName} ${identity.fiscalYear}`,
    description: `Batang muda: anggaran; batang tua: realisasi sampai ${formatDate(year.until)}. Angkanya ada di tabel di bawahnya.`,
  });
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
      <p>
        <a href={publicPosterPath(identity.villageCode, identity.fiscalYear)} download>
          Unduh baliho (PDF A1)
        </a>
      </p>
      <RealisationTable
        heading="Pendapatan per jenis"
        rowName="Jenis pendapatan"
        rows={year.revenue}
        total={year.revenueTotal}
        chart={chartOf('grafik-pendapatan', 'pendapatan per jenis')}
      />
      <RealisationTable
        heading="Belanja per bidang"
        rowName="Bidang"
        rows={year.bidang}
        total={year.spendingTotal}
        chart={chartOf('grafik-belanja', 'belanja per bidang')}
      />
      <FundFlow year={year} />
      <Activities year={year} />
      <section class="complaints">
        <h2>Pengaduan</h2>
        <p>
          Pertanyaan atau pengaduan tentang APBDes Desa {identity.villageName}: {complaintsContact}
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
