import type { ListedSuspicion, ProjectSummary } from '../../app/project-read-side';
import type { PhotoFlag } from '../../domain/projects/project-events';
import { formatDate, formatRupiah } from '../format';
import { Layout } from '../layout';
import type { PageSession } from '../session/web-session';
import type { ProgressEntry } from './progress-history';
import { CHANNEL_LABELS } from './project-filters';
import { PROJECT_MAP_PATH, projectPath, projectPhotoPath } from './project-paths';

export interface ProjectView {
  signedIn: PageSession;
  summary: ProjectSummary;
  villageName: string;
  history: readonly ProgressEntry[];
}

/** Why a photo deserves a second look, as the page says it. */
const FLAG_TEXT: Record<PhotoFlag, string> = {
  far: 'diambil jauh dari lokasi proyek',
  old: 'diambil jauh sebelum tanggal laporan',
  'after-report': 'diambil sesudah tanggal laporan',
  'no-time': 'tanpa waktu pengambilan (EXIF)',
  'no-position': 'tanpa posisi GPS (EXIF)',
  reused: 'sudah dipakai di laporan sebelumnya',
};

const STATUS_TEXT: Record<ListedSuspicion['status'], string> = {
  open: 'Terbuka',
  cleared: 'Dinyatakan bukan duplikat',
  confirmed: 'Dikonfirmasi duplikat',
};

const PROCUREMENT_TEXT = { swakelola: 'Swakelola', penyedia: 'Penyedia' } as const;

/** A decimal quantity the Indonesian way: "2,5". */
const quantity = (value: string) => value.replace('.', ',');

function Facts({ summary, villageName }: { summary: ProjectSummary; villageName: string }) {
  const { project } = summary;
  const facts: [string, string][] = [
    ['Kegiatan', project.kegiatanCode],
    ['Keluaran', `${project.outputType} (${project.outputFamily})`],
    ['Volume', `${quantity(project.volume)} ${project.unit}`],
    [
      'Lokasi',
      `Desa ${villageName}, Dusun ${project.location.dusun}${project.location.rt ? `, RT ${project.location.rt}` : ''}`,
    ],
    ['Jalur', CHANNEL_LABELS[project.channel]],
    ['Pelaksana', project.implementer],
    ['Cara pengadaan', PROCUREMENT_TEXT[project.procurementMethod]],
    ['Rencana mulai', formatDate(project.plannedStart)],
    ['Rencana selesai', formatDate(project.plannedEnd)],
    ['Tahun anggaran', String(project.fiscalYear)],
    [
      'Kemajuan terakhir',
      summary.percent === undefined
        ? 'belum dilaporkan'
        : `${summary.percent}% · ${quantity(summary.realisedVolume ?? '0')} ${project.unit}`,
    ],
  ];
  return (
    <dl class="facts">
      {facts.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
      <div>
        <dt>Anggaran</dt>
        <dd>
          {project.budget.map((line) => (
            <span key={line.fundSource} class="line" data-source={line.fundSource}>
              {line.fundSource}: {formatRupiah(line.amount)}
            </span>
          ))}
        </dd>
      </div>
    </dl>
  );
}

function Entry({
  entry,
  projectId,
  unit,
}: {
  entry: ProgressEntry;
  projectId: string;
  unit: string;
}) {
  return (
    <li class="progress-entry" data-kind={entry.kind}>
      <h3>
        {formatDate(entry.reportDate)} · {entry.percent}%
        {entry.kind === 'correction' && ` (koreksi dari ${entry.previousPercent ?? '–'}%)`}
      </h3>
      <p>
        Volume terealisasi {quantity(entry.realisedVolume)} {unit}
        {entry.workers !== undefined &&
          ` · ${entry.workers} pekerja, ${entry.workingDays ?? 0} hari kerja`}
      </p>
      {entry.reason && <p>Alasan: {entry.reason}</p>}
      {entry.photos.length > 0 && (
        <ul class="photos">
          {entry.photos.map((photo) => (
            <li key={photo.sha256} data-photo={photo.sha256}>
              <a href={projectPhotoPath(projectId, photo.sha256)}>
                <img
                  src={projectPhotoPath(projectId, photo.sha256)}
                  alt={`Foto kemajuan ${entry.percent}% tanggal ${formatDate(entry.reportDate)}`}
                  loading="lazy"
                  width="240"
                />
              </a>
              <small class="line">
                {photo.takenAt ? `Diambil ${formatDate(photo.takenAt)}` : 'Waktu tidak diketahui'}
                {photo.distanceMetres !== undefined &&
                  ` · ${quantity(photo.distanceMetres)} m dari lokasi`}
              </small>
              {photo.flags.length > 0 && (
                <ul class="flags" aria-label="Catatan foto">
                  {photo.flags.map((flag) => (
                    <li key={flag} data-flag={flag}>
                      {FLAG_TEXT[flag]}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

function Suspicion({ suspicion, projectId }: { suspicion: ListedSuspicion; projectId: string }) {
  const { evidence } = suspicion;
  const other = evidence.project.projectId === projectId ? evidence.other : evidence.project;
  return (
    <li class="suspicion" data-status={suspicion.status}>
      <strong>{STATUS_TEXT[suspicion.status]}:</strong>{' '}
      <a href={projectPath(other.projectId)}>{other.title}</a> (desa {other.villageCode},{' '}
      {other.fiscalYear}, {CHANNEL_LABELS[other.channel]};{' '}
      {other.budget.map((line) => `${line.fundSource} ${formatRupiah(line.amount)}`).join(', ')})
      <small class="line">
        {evidence.kind === 'overlap'
          ? `Tumpang tindih ${quantity(evidence.overlapPercent ?? '0')}% dalam ${quantity(evidence.thresholdMetres)} m`
          : `Berjarak ${quantity(evidence.distanceMetres)} m (batas ${quantity(evidence.thresholdMetres)} m)`}
      </small>
      {suspicion.reason && <small class="line">Alasan: {suspicion.reason}</small>}
    </li>
  );
}

function Suspicions({
  suspicions,
  projectId,
}: {
  suspicions: readonly ListedSuspicion[];
  projectId: string;
}) {
  return (
    <ul>
      {suspicions.map((suspicion) => (
        <Suspicion key={suspicion.suspicionId} suspicion={suspicion} projectId={projectId} />
      ))}
    </ul>
  );
}

/** One project: what was registered, its progress with photos in time order, and its suspicions. */
export function ProjectPage({ signedIn, summary, villageName, history }: ProjectView) {
  const { user, session } = signedIn;
  const { project } = summary;
  const open = summary.suspicions.filter((suspicion) => suspicion.status === 'open');
  const decided = summary.suspicions.filter((suspicion) => suspicion.status !== 'open');
  return (
    <Layout user={user} csrfToken={session.csrfToken}>
      <p>
        <a href={PROJECT_MAP_PATH}>← Peta proyek</a>
      </p>
      <h1>{project.title}</h1>
      {open.length > 0 && (
        <section class="notice suspicions" aria-labelledby="dugaan-terbuka">
          <h2 id="dugaan-terbuka">Dugaan duplikasi terbuka</h2>
          <Suspicions suspicions={open} projectId={project.projectId} />
        </section>
      )}
      <Facts summary={summary} villageName={villageName} />
      <h2>Laporan kemajuan</h2>
      {history.length === 0 ? (
        <p>Belum ada laporan kemajuan.</p>
      ) : (
        <ol class="progress">
          {history.map((entry, index) => (
            <Entry key={index} entry={entry} projectId={project.projectId} unit={project.unit} />
          ))}
        </ol>
      )}
      {decided.length > 0 && (
        <>
          <h2>Dugaan duplikasi yang sudah diputus</h2>
          <Suspicions suspicions={decided} projectId={project.projectId} />
        </>
      )}
    </Layout>
  );
}
