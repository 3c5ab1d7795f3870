import type { ProjectSummary } from '../../app/project-read-side';
import { PROJECT_CHANNELS } from '../../domain/projects/project-commands';
import { ColumnHeads } from '../column-heads';
import { formatRupiah } from '../format';
import { Layout } from '../layout';
import type { PageSession } from '../session/web-session';
import { CHANNEL_LABELS, filterQuery, type ProjectFilter } from './project-filters';
import type { MapTiles } from './map-tiles';
import { hasOpenSuspicion } from './project-geojson';
import {
  FILTER_FIELDS,
  LEAFLET_ASSETS_PATH,
  MAP_SCRIPT_PATH,
  PROJECT_MAP_PATH,
  projectPath,
  projectsGeoJsonPath,
  VILLAGES_GEOJSON_PATH,
} from './project-paths';
import { PROGRESS_BANDS, progressBand, SUSPECTED_STYLE } from './progress-bands';
import { DOWNLOAD_FORMATS, withQuery } from '../books/report-paths';
import { MONITORING_ROLES, regencyDownloadPath } from '../regency/regency-paths';

export interface MapView {
  signedIn: PageSession;
  /** The user's scope as it reads: "Kabupaten …", "Kecamatan …", "Desa …". */
  scopeName: string;
  filter: ProjectFilter;
  years: readonly number[];
  fundSources: readonly string[];
  /** The districts the user may narrow to; none for a district or village user. */
  districts: readonly { code: string; name: string }[];
  rows: readonly ProjectSummary[];
  /** How many projects passed the filter; more than `rows` when the table is cut at its limit. */
  matched: number;
  villageName: (code: string) => string;
  /** The configured basemap tile URL template (KASDESA_MAP_TILES); none: the map draws villages only. */
  tiles?: MapTiles;
}

/** The table's columns: each heading, and on a phone each card line's label. */
const HEADERS = {
  project: 'Proyek',
  village: 'Desa',
  year: 'Tahun',
  budget: 'Anggaran per sumber',
  progress: 'Kemajuan',
  suspicion: 'Dugaan duplikasi',
} as const;

function Select({
  label,
  name,
  options,
  chosen,
}: {
  label: string;
  name: string;
  options: readonly { value: string; text: string }[];
  chosen: string | undefined;
}) {
  return (
    <label>
      {label}
      <select name={name}>
        <option value="">— semua —</option>
        {options.map((option) => (
          <option key={option.value} value={option.value} selected={option.value === chosen}>
            {option.text}
          </option>
        ))}
      </select>
    </label>
  );
}

/** A legend swatch: an SVG attribute colours it, no inline style for the CSP to refuse. */
function Swatch({ colour, dashed }: { colour: string; dashed?: boolean }) {
  return (
    <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true">
      <circle
        cx="7"
        cy="7"
        r="5"
        fill={dashed ? 'none' : colour}
        stroke={colour}
        stroke-width="2"
        stroke-dasharray={dashed ? '3 2' : undefined}
      />
    </svg>
  );
}

function ProjectRow({
  summary,
  villageName,
}: {
  summary: ProjectSummary;
  villageName: (code: string) => string;
}) {
  const { project } = summary;
  const open = summary.suspicions.filter((suspicion) => suspicion.status === 'open').length;
  return (
    <tr data-project={project.projectId}>
      <td data-label={HEADERS.project}>
        <div>
          <a href={projectPath(project.projectId)}>{project.title}</a>
          <small class="line">
            {project.kegiatanCode} · {CHANNEL_LABELS[project.channel]}
          </small>
        </div>
      </td>
      <td data-label={HEADERS.village}>
        <div>
          {villageName(project.villageCode)} <small>{project.villageCode}</small>
          <small class="line">Dusun {project.location.dusun}</small>
        </div>
      </td>
      <td data-label={HEADERS.year}>{project.fiscalYear}</td>
      <td data-label={HEADERS.budget}>
        <div>
          {project.budget.map((line) => (
            <span key={line.fundSource} class="line">
              {line.fundSource}: {formatRupiah(line.amount)}
            </span>
          ))}
        </div>
      </td>
      <td data-label={HEADERS.progress} data-band={progressBand(summary.percent)}>
        {summary.percent === undefined ? 'belum dilaporkan' : `${summary.percent}%`}
      </td>
      <td data-label={HEADERS.suspicion} data-suspected={hasOpenSuspicion(summary)}>
        {open > 0 ? `${open} terbuka` : '–'}
      </td>
    </tr>
  );
}

/**
 * The projects of the user's scope as a table filtered by a plain GET form;
 * with the script, a map of the same projects above it.
 */
export function MapPage(view: MapView) {
  const { signedIn, filter, rows, matched } = view;
  const { user, session } = signedIn;
  const query = filterQuery(filter);
  return (
    <Layout user={user} csrfToken={session.csrfToken}>
      <link rel="stylesheet" href={`${LEAFLET_ASSETS_PATH}/leaflet.css`} />
      <script src={MAP_SCRIPT_PATH} defer />
      <h1>Peta proyek</h1>
      <p>
        {view.scopeName}: {matched} proyek.
      </p>
      <form method="get" action={PROJECT_MAP_PATH} class="report-form">
        <Select
          label="Tahun anggaran"
          name={FILTER_FIELDS.year}
          options={view.years.map((year) => ({ value: String(year), text: String(year) }))}
          chosen={query[FILTER_FIELDS.year]}
        />
        <Select
          label="Sumber dana"
          name={FILTER_FIELDS.fundSource}
          options={view.fundSources.map((source) => ({ value: source, text: source }))}
          chosen={filter.fundSource}
        />
        <Select
          label="Jalur"
          name={FILTER_FIELDS.channel}
          options={PROJECT_CHANNELS.map((channel) => ({
            value: channel,
            text: CHANNEL_LABELS[channel],
          }))}
          chosen={filter.channel}
        />
        {view.districts.length > 0 && (
          <Select
            label="Kecamatan"
            name={FILTER_FIELDS.district}
            options={view.districts.map((district) => ({
              value: district.code,
              text: district.name,
            }))}
            chosen={filter.district}
          />
        )}
        <button type="submit">Tampilkan</button>
      </form>
      {MONITORING_ROLES.includes(user.role) && (
        <p class="downloads">
          Unduh realisasi keluaran, proyek terlambat dan foto belum ada:
          {DOWNLOAD_FORMATS.map((format) => (
            <span key={format}>
              {' '}
              <a
                href={regencyDownloadPath('project-outputs', format, {
                  ...(filter.fiscalYear !== undefined && { tahun: String(filter.fiscalYear) }),
                  ...(filter.district !== undefined && { kecamatan: filter.district }),
                })}
                download
              >
                {format.toUpperCase()}
              </a>
            </span>
          ))}
        </p>
      )}
      <div
        id="peta-proyek"
        class="project-map"
        hidden
        data-projects={projectsGeoJsonPath(query)}
        data-villages={withQuery(
          VILLAGES_GEOJSON_PATH,
          filter.district ? { [FILTER_FIELDS.district]: filter.district } : {},
        )}
        data-tiles={view.tiles?.url ?? ''}
        data-attribution={view.tiles?.attribution ?? ''}
      />
      <ul class="map-legend" aria-label="Keterangan warna">
        {Object.entries(PROGRESS_BANDS).map(([band, { label, colour }]) => (
          <li key={band}>
            <Swatch colour={colour} /> {label}
          </li>
        ))}
        <li>
          <Swatch colour={SUSPECTED_STYLE.colour} dashed /> {SUSPECTED_STYLE.label}
        </li>
      </ul>
      {rows.length < matched && (
        <p class="notice">
          Tabel menampilkan {rows.length} dari {matched} proyek; persempit pilihan di atas.
        </p>
      )}
      {rows.length === 0 ? (
        <p>Belum ada proyek yang cocok dengan pilihan ini.</p>
      ) : (
        <div class="report-table">
          <table class="cards projects">
            <ColumnHeads labels={HEADERS} />
            <tbody>
              {rows.map((summary) => (
                <ProjectRow
                  key={summary.project.projectId}
                  summary={summary}
                  villageName={view.villageName}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}
