import along from '@turf/along';
import geojsonRbush from '@turf/geojson-rbush';
import length from '@turf/length';
import type { BBox, LineString, Polygon, Position } from 'geojson';
import { PROJECT_LINE_SAMPLES_MAX } from '../../limits';
import { boundsOf, linesOf, type ProjectGeometry } from './geometry';
import { metresToGeometry } from './geometry-distance';
import type { DuplicateThresholds } from './policy';
import type { DuplicateEvidence, RegisteredProject } from './project-events';

/** What duplicate detection needs of a project. */
export type ProjectFootprint = Pick<
  RegisteredProject,
  | 'projectId'
  | 'villageCode'
  | 'fiscalYear'
  | 'channel'
  | 'title'
  | 'budget'
  | 'outputFamily'
  | 'geometry'
>;

/** How the two geometries of a suspected pair meet. */
export type Closeness = Pick<DuplicateEvidence, 'kind' | 'distanceMetres' | 'overlapPercent'>;

const METRES_PER_DEGREE = 111_320;

/**
 * Positions every `step` metres along a line, both ends included, at most
 * PROJECT_LINE_SAMPLES_MAX of them: the step grows on long lines so a
 * 30 km canal costs the same as a 3 km road.
 */
function samplesAlong(line: LineString, stepMetres: number): Position[] {
  const total = length({ type: 'Feature', geometry: line, properties: {} }, { units: 'meters' });
  const step = Math.max(stepMetres, total / PROJECT_LINE_SAMPLES_MAX);
  const samples: Position[] = [];
  for (let at = 0; at < total; at += step)
    samples.push(along(line, at, { units: 'meters' }).geometry.coordinates);
  samples.push(line.coordinates.at(-1) ?? []);
  return samples;
}

/** The share (0–1) of `line`'s samples within `buffer` metres of `other`, and the nearest sample's distance. */
function shareWithin(
  lines: LineString[],
  other: ProjectGeometry,
  stepMetres: number,
  buffer: number,
): { share: number; nearest: number } {
  const distances = lines
    .flatMap((line) => samplesAlong(line, stepMetres))
    .map((sample) => metresToGeometry(sample, other));
  const within = distances.filter((d) => d <= buffer).length;
  return { share: within / distances.length, nearest: Math.min(...distances) };
}

/** The closest two geometries come, metres: through their positions and sampled lines. */
function nearestMetres(a: ProjectGeometry, b: ProjectGeometry, stepMetres: number): number {
  const fromPositions = (from: ProjectGeometry, to: ProjectGeometry) =>
    from.type === 'Point'
      ? metresToGeometry(from.coordinates, to)
      : Math.min(
          ...linesOf(from)
            .flatMap((line) => samplesAlong(line, stepMetres))
            .map((p) => metresToGeometry(p, to)),
        );
  return Math.min(fromPositions(a, b), fromPositions(b, a));
}

const oneDecimal = (value: number) => (Math.round(value * 10) / 10).toFixed(1);

/**
 * How two geometries meet when they are suspect, or undefined: two lines
 * when at least lineOverlapPercent of either lies within lineBufferMetres of
 * the other (a crossing road is not a duplicate); anything else when the two
 * come within pointMetres.
 */
export function closeness(
  a: ProjectGeometry,
  b: ProjectGeometry,
  thresholds: DuplicateThresholds,
): Closeness | undefined {
  if (!boxesMeet(a, b, Math.max(thresholds.pointMetres, thresholds.lineBufferMetres)))
    return undefined;
  const isLine = (g: ProjectGeometry) => g.type === 'LineString' || g.type === 'MultiLineString';
  if (isLine(a) && isLine(b)) {
    const { lineSampleMetres: step, lineBufferMetres: buffer } = thresholds;
    const ab = shareWithin(linesOf(a), b, step, buffer);
    const ba = shareWithin(linesOf(b), a, step, buffer);
    const overlap = Math.max(ab.share, ba.share) * 100;
    if (overlap < thresholds.lineOverlapPercent || overlap === 0) return undefined;
    return {
      kind: 'overlap',
      distanceMetres: oneDecimal(Math.min(ab.nearest, ba.nearest)),
      overlapPercent: oneDecimal(overlap),
    };
  }
  const nearest = nearestMetres(a, b, thresholds.lineSampleMetres);
  return nearest <= thresholds.pointMetres
    ? { kind: 'near', distanceMetres: oneDecimal(nearest) }
    : undefined;
}

/** Same output family, different projects, fiscal years within the window: worth measuring. */
export function comparable(
  a: ProjectFootprint,
  b: ProjectFootprint,
  thresholds: DuplicateThresholds,
): boolean {
  return (
    a.projectId !== b.projectId &&
    a.outputFamily === b.outputFamily &&
    Math.abs(a.fiscalYear - b.fiscalYear) <= thresholds.yearWindow
  );
}

const side = ({
  projectId,
  villageCode,
  fiscalYear,
  channel,
  title,
  budget,
}: ProjectFootprint) => ({
  projectId,
  villageCode,
  fiscalYear,
  channel,
  title,
  budget,
});

/** The evidence of `project` duplicating `other`, or undefined when they are not suspect. */
export function duplicateEvidence(
  project: ProjectFootprint,
  other: ProjectFootprint,
  thresholds: DuplicateThresholds,
): DuplicateEvidence | undefined {
  if (!comparable(project, other, thresholds)) return undefined;
  const found = closeness(project.geometry, other.geometry, thresholds);
  if (!found) return undefined;
  const threshold = found.kind === 'overlap' ? thresholds.lineBufferMetres : thresholds.pointMetres;
  return {
    ...found,
    thresholdMetres: oneDecimal(threshold),
    project: side(project),
    other: side(other),
  };
}

/** A bounding box grown by `metres` on every side (degrees of longitude shrink towards the poles). */
export function grownBox(geometry: ProjectGeometry, metres: number): BBox {
  const [west, south, east, north] = boundsOf(geometry);
  const latitudeDegrees = metres / METRES_PER_DEGREE;
  const widest = Math.max(Math.abs(south), Math.abs(north));
  const longitudeDegrees =
    metres / (METRES_PER_DEGREE * Math.max(Math.cos((widest * Math.PI) / 180), 0.01));
  return [
    west - longitudeDegrees,
    south - latitudeDegrees,
    east + longitudeDegrees,
    north + latitudeDegrees,
  ];
}

/** Whether the boxes of two geometries, one grown by `metres`, meet: a cheap no before any sampling. */
function boxesMeet(a: ProjectGeometry, b: ProjectGeometry, metres: number): boolean {
  const [west, south, east, north] = grownBox(a, metres);
  const [otherWest, otherSouth, otherEast, otherNorth] = boundsOf(b);
  return west <= otherEast && otherWest <= east && south <= otherNorth && otherSouth <= north;
}

const boxPolygon = ([west, south, east, north]: BBox): Polygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [west, south],
      [east, south],
      [east, north],
      [west, north],
      [west, south],
    ],
  ],
});

/**
 * The regency's projects in an R-tree of their boxes grown by the larger
 * threshold: a new project is measured only against those whose box meets
 * its own, not against every project of the province.
 */
export class FootprintIndex {
  private readonly tree = geojsonRbush<Polygon, { footprint: ProjectFootprint }>();
  private readonly margin: number;

  constructor(private readonly thresholds: DuplicateThresholds) {
    this.margin = Math.max(thresholds.pointMetres, thresholds.lineBufferMetres);
  }

  private feature(footprint: ProjectFootprint) {
    return {
      type: 'Feature' as const,
      geometry: boxPolygon(grownBox(footprint.geometry, this.margin)),
      properties: { footprint },
    };
  }

  /** Adds projects in one bulk load (faster than one by one for a whole regency). */
  load(footprints: readonly ProjectFootprint[]): void {
    this.tree.load(footprints.map((footprint) => this.feature(footprint)));
  }

  /** The indexed projects whose grown box meets `footprint`'s, comparable or not. */
  neighbours(footprint: ProjectFootprint): ProjectFootprint[] {
    return this.tree
      .search(this.feature(footprint))
      .features.map((feature) => feature.properties.footprint)
      .filter((other) => other.projectId !== footprint.projectId);
  }

  /** The evidence of every suspect pair in the index, each pair once. */
  suspectPairs(): DuplicateEvidence[] {
    const found: DuplicateEvidence[] = [];
    for (const feature of this.tree.all().features) {
      const project = feature.properties.footprint;
      for (const other of this.neighbours(project)) {
        if (other.projectId <= project.projectId) continue;
        const evidence = duplicateEvidence(project, other, this.thresholds);
        if (evidence) found.push(evidence);
      }
    }
    return found;
  }
}
