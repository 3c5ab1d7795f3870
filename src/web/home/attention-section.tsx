import type { ImportedException } from '../../import/siskeudes/imported-exceptions';
import type { TrackedSuspicion } from '../../../projections/read-models/project-outputs';
import { formatDate } from '../format';
import { projectPath } from '../projects/project-paths';

/** What the regency watches in the village's year: open duplicate suspicions and imported exceptions. */
export interface Attention {
  /** The village whose page this is: its own projects are linked, another village's may be out of the reader's scope. */
  villageCode: string;
  suspicions: TrackedSuspicion[];
  exceptions: ImportedException[];
}

const KIND_TEXT: Record<TrackedSuspicion['kind'], string> = {
  near: 'berdekatan',
  overlap: 'bertumpang tindih',
};

function ProjectName({
  side,
  villageCode,
}: {
  side: TrackedSuspicion['later'];
  villageCode: string;
}) {
  const text = `${side.title} (desa ${side.villageCode}, ${side.fiscalYear})`;
  return side.villageCode === villageCode ? (
    <a href={projectPath(side.projectId)}>{text}</a>
  ) : (
    <>{text}</>
  );
}

/** "Perhatian": nothing at all when the year has neither. */
export function AttentionSection({ attention }: { attention: Attention }) {
  const { suspicions, exceptions, villageCode } = attention;
  if (suspicions.length === 0 && exceptions.length === 0) return null;
  return (
    <section aria-labelledby="perhatian">
      <h2 id="perhatian">Perhatian</h2>
      {suspicions.length > 0 && (
        <>
          <h3>Dugaan duplikasi proyek terbuka</h3>
          <ul>
            {suspicions.map((suspicion) => (
              <li key={suspicion.suspicionId}>
                <ProjectName side={suspicion.later} villageCode={villageCode} /> ↔{' '}
                <ProjectName side={suspicion.earlier} villageCode={villageCode} />:{' '}
                {KIND_TEXT[suspicion.kind]}, jarak {suspicion.distanceMetres} m
              </li>
            ))}
          </ul>
        </>
      )}
      {exceptions.length > 0 && (
        <>
          <h3>Pengecualian impor Siskeudes</h3>
          <ul>
            {exceptions.map((exception) => (
              <li key={`${exception.table}:${exception.row}`}>
                Tabel {exception.table}, baris {exception.row}
                {exception.date && ` (${formatDate(exception.date)})`}:{' '}
                {exception.exceptions.map((flag) => flag.messages.id).join('; ')}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
