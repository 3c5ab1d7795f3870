import { Fragment } from 'preact';
import { rupiah } from '../../domain/shared/money';
import { STATUS_LABELS } from '../../reports/render/labels';
import { YearField } from '../books/report-form';
import { AbsorptionChart } from '../charts/absorption-chart';
import { DOWNLOAD_FORMATS, reportPath } from '../books/report-paths';
import { formatDate, formatDateTime, formatRupiah } from '../format';
import type { TimeZone } from '../../domain/shared/local-date';
import { Layout } from '../layout';
import { evaluationPath } from '../district/district-paths';
import type { PageSession } from '../session/web-session';
import { MoneyNav } from './money-nav';
import { SORT_ORDERS, type MonitoringRow, type SortOrder } from './monitoring-rows';
import { DISTRICT_FIELD, MONITORING_PATH, regencyDownloadPath, SORT_FIELD } from './regency-paths';
import { ColumnHeads } from '../column-heads';

/** The regency reports offered as files beside the table. */
const DOWNLOADS = [
  { name: 'realisation', text: 'Realisasi APBDes' },
  { name: 'fund-flow', text: 'Aliran dana APBN/APBD' },
  { name: 'monitoring', text: 'Pemantauan penetapan APBDes' },
] as const;

export interface MonitoringView {
  signedIn: PageSession;
  regencyName: string;
  years: readonly number[];
  chosen: number;
  asOf: string;
  /** The districts the user may choose among; one when the user's scope is a district. */
  districts: readonly { code: string; name: string }[];
  district: string | undefined;
  order: SortOrder;
  rows: MonitoringRow[];
  /** The villages with a node: its last sync, null when it never synced. */
  lastSync: ReadonlyMap<string, string | null>;
  timeZone: TimeZone;
  /** Villages whose APBDes draft waits for the district head's evaluation; undefined for other roles. */
  evaluations: MonitoringRow[] | undefined;
}

/** The table's columns: each heading, and on a phone each card line's label. */
const HEADERS = {
  village: 'Desa',
  apbdes: 'APBDes',
  absorption: 'Serapan',
  monthsOpen: 'Bulan belum ditutup',
  tax: 'Pajak belum disetor',
  panjar: 'Panjar terbuka',
  late: 'Laporan terlambat',
  lastSync: 'Sinkronisasi terakhir',
  findings: 'Proyek & temuan',
  books: 'Buku & laporan',
} as const;

const percentText = (percent: string | null) =>
  percent === null ? '–' : `${percent.replace('.', ',')}%`;

/** A village's projects and what the regency should look at; a dash when there is nothing. */
function findingsText({ projects, importedExceptions }: MonitoringRow): string[] {
  const parts: [number, string][] = [
    [projects.registered, 'proyek'],
    [projects.behindSchedule, 'terlambat'],
    [projects.withoutPhotos, 'tanpa foto'],
    [projects.openSuspicions, 'dugaan duplikasi'],
    [importedExceptions, 'pengecualian impor'],
  ];
  return parts.filter(([count]) => count > 0).map(([count, text]) => `${count} ${text}`);
}

/** A village's last sync: none without a node, "never" for a node that has not synced yet. */
function syncText(lastSync: string | null | undefined, timeZone: TimeZone): string {
  if (lastSync === undefined) return 'tanpa simpul';
  return lastSync === null ? 'belum pernah' : formatDateTime(lastSync, timeZone);
}

function VillageRow({ row, year, sync }: { row: MonitoringRow; year: number; sync: string }) {
  const village = { tahun: String(year), desa: row.villageCode };
  const findings = findingsText(row);
  return (
    <tr data-village={row.villageCode}>
      <td data-label={HEADERS.village}>
        <div>
          {row.villageName} <small>{row.villageCode}</small>
          <small class="line">Kec. {row.districtName}</small>
        </div>
      </td>
      <td data-label={HEADERS.apbdes} data-status={row.status}>
        <div>
          {STATUS_LABELS[row.status]}
          {row.enactedOn && <small class="line">{formatDate(row.enactedOn)}</small>}
        </div>
      </td>
      <td data-label={HEADERS.absorption}>
        <div>
          {row.absorption.length === 0
            ? '–'
            : row.absorption.map((entry) => (
                <span key={entry.source} class="line">
                  {entry.source}: {formatRupiah(entry.realised)} dari {formatRupiah(entry.budget)} (
                  {percentText(entry.percent)})
                </span>
              ))}
          {row.absorbed !== null && (
            <strong class="line">Jumlah: {percentText(row.absorbed)}</strong>
          )}
        </div>
      </td>
      <td data-label={HEADERS.monthsOpen} class="amount">
        {row.monthsOpen ?? '–'}
      </td>
      <td data-label={HEADERS.tax} class="amount">
        <div>
          {formatRupiah(row.taxPayable)}
          {!rupiah(row.taxOverdue).isZero() && (
            <small class="line">lewat jatuh tempo {formatRupiah(row.taxOverdue)}</small>
          )}
        </div>
      </td>
      <td data-label={HEADERS.panjar} class="amount">
        {row.panjarCount > 0 ? `${row.panjarCount} · ${formatRupiah(row.panjarAmount)}` : '–'}
      </td>
      <td data-label={HEADERS.late}>{row.semesterReportLate ? 'Semester I' : '–'}</td>
      <td data-label={HEADERS.findings}>
        {findings.length === 0 ? (
          '–'
        ) : (
          <div>
            {findings.map((text) => (
              <span key={text} class="line">
                {text}
              </span>
            ))}
          </div>
        )}
      </td>
      <td data-label={HEADERS.lastSync}>{sync}</td>
      <td data-label={HEADERS.books}>
        {row.hasLedger ? (
          <div>
            <a href={reportPath('bku', village)}>BKU</a>{' '}
            <a href={reportPath('realisation', village)}>Realisasi</a>
          </div>
        ) : (
          'belum ada buku'
        )}
      </td>
    </tr>
  );
}

/** The villages of the regency or of one district, as a table to sort and filter without script. */
export function MonitoringPage(view: MonitoringView) {
  const { signedIn, years, chosen, districts, district, order, rows, evaluations } = view;
  const { user, session } = signedIn;
  const shown = districts.find((candidate) => candidate.code === district);
  const fileQuery = { tahun: String(chosen), ...(district && { [DISTRICT_FIELD]: district }) };
  return (
    <Layout user={user} csrfToken={session.csrfToken}>
      <MoneyNav role={user.role} current={MONITORING_PATH} />
      <h1>Pemantauan desa · {chosen}</h1>
      <p>
        {shown ? `Kecamatan ${shown.name}, ` : ''}
        {view.regencyName} — keadaan {formatDate(view.asOf)}, {rows.length} desa.
      </p>
      <form method="get" action={MONITORING_PATH} class="report-form">
        <YearField years={years} chosen={chosen} />
        {districts.length > 1 && (
          <label>
            Kecamatan
            <select name={DISTRICT_FIELD}>
              <option value="">— semua —</option>
              {districts.map((candidate) => (
                <option
                  key={candidate.code}
                  value={candidate.code}
                  selected={candidate.code === district}
                >
                  {candidate.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          Urutkan
          <select name={SORT_FIELD}>
            {Object.entries(SORT_ORDERS).map(([value, text]) => (
              <option key={value} value={value} selected={value === order}>
                {text}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">Tampilkan</button>
      </form>
      {evaluations && (
        <section class="evaluations">
          <h2>APBDes menunggu evaluasi</h2>
          {evaluations.length === 0 ? (
            <p>Tidak ada rancangan APBDes yang menunggu evaluasi Anda.</p>
          ) : (
            <ul>
              {evaluations.map((row) => (
                <li key={row.villageCode}>
                  <a href={evaluationPath(row.villageCode, chosen)}>
                    Evaluasi APBDes {row.villageName}
                  </a>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      <p class="downloads">
        Unduh:
        {DOWNLOADS.map(({ name, text }) => (
          <span key={name}>
            {' '}
            {text}
            {DOWNLOAD_FORMATS.map((format) => (
              <Fragment key={format}>
                {' '}
                <a href={regencyDownloadPath(name, format, fileQuery)} download>
                  {format.toUpperCase()}
                </a>
              </Fragment>
            ))}
          </span>
        ))}
      </p>
      <AbsorptionChart rows={rows} year={chosen} />
      <div class="report-table">
        <table class="cards monitoring">
          <ColumnHeads labels={HEADERS} />
          <tbody>
            {rows.map((row) => (
              <VillageRow
                key={row.villageCode}
                row={row}
                year={chosen}
                sync={syncText(view.lastSync.get(row.villageCode), view.timeZone)}
              />
            ))}
          </tbody>
        </table>
      </div>
    </Layout>
  );
}
