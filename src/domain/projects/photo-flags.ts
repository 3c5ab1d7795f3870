import type { ProjectGeometry } from './geometry';
import { metresToGeometry } from './geometry-distance';
import type { MonitoringPolicy } from './policy';
import type { PhotoEvidence } from './project-commands';
import type { PhotoFlag, ReportedPhoto } from './project-events';

const DAY_MS = 86_400_000;

/** Whole days from the photo's local date to the report's date (negative: taken after it). */
function daysBefore(takenAt: string, reportDate: string): number {
  return Math.round((Date.parse(reportDate) - Date.parse(takenAt.slice(0, 10))) / DAY_MS);
}

/**
 * What deserves a second look about a photo: taken far from the project,
 * long before (or after) the report, without the EXIF to tell, or already
 * shown with an earlier report (the same picture for 0 % and 100 %).
 * Flagged, not refused: a phone without GPS should not stop a village's report.
 */
export function flagPhoto(
  photo: PhotoEvidence,
  geometry: ProjectGeometry,
  reportDate: string,
  policy: MonitoringPolicy,
  earlier: ReadonlySet<string>,
): ReportedPhoto {
  const flags: PhotoFlag[] = [];
  let distanceMetres: string | undefined;
  if (photo.position) {
    const metres = metresToGeometry(photo.position, geometry);
    distanceMetres = (Math.round(metres * 10) / 10).toFixed(1);
    if (metres > policy.photoDistanceMaxMetres) flags.push('far');
  } else flags.push('no-position');
  if (photo.takenAt) {
    const days = daysBefore(photo.takenAt, reportDate);
    if (days >= policy.photoAgeMaxDays) flags.push('old');
    if (days < 0) flags.push('after-report');
  } else flags.push('no-time');
  if (earlier.has(photo.sha256)) flags.push('reused');
  return { ...photo, ...(distanceMetres === undefined ? {} : { distanceMetres }), flags };
}
