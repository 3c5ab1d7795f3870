import type { ProjectSummary } from '../../app/project-read-side';
import { PROJECT_CHANNELS, type ProjectChannel } from '../../domain/projects/project-commands';
import { isRegionCode, isWithinRegion, regencyOf } from '../../domain/shared/region-codes';
import { HttpProblem } from '../../http/problem';
import { FILTER_FIELDS } from './project-paths';

/** What the table and the map are narrowed to; each absent field lets every project through. */
export interface ProjectFilter {
  fiscalYear?: number;
  fundSource?: string;
  channel?: ProjectChannel;
  district?: string;
}

/** How each channel reads on the page. */
export const CHANNEL_LABELS: Record<ProjectChannel, string> = {
  apbdes: 'APBDes (desa)',
  apbd: 'APBD (kabupaten)',
  aspiration: 'Aspirasi DPRD',
};

const FUND_SOURCE = /^[A-Za-z0-9.-]{1,20}$/;

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

function refuse(field: string, value: string, id: string, en: string): never {
  throw new HttpProblem('QUERY_PARAMETER', field, value, { detail: { id, en } });
}

/**
 * The filter a page or the map's data was asked for (`?tahun=&sumber=&jalur=&kecamatan=`);
 * a value that cannot be one is refused with a 400 naming the field.
 */
export function readFilter(query: Readonly<Record<string, unknown>>, scope: string): ProjectFilter {
  const filter: ProjectFilter = {};
  const year = text(query[FILTER_FIELDS.year]);
  if (year) {
    if (!/^\d{4}$/.test(year))
      refuse(
        FILTER_FIELDS.year,
        year,
        'tahun empat angka, mis. 2025',
        'a four-digit year, e.g. 2025',
      );
    filter.fiscalYear = Number(year);
  }
  const fundSource = text(query[FILTER_FIELDS.fundSource]);
  if (fundSource) {
    if (!FUND_SOURCE.test(fundSource))
      refuse(
        FILTER_FIELDS.fundSource,
        fundSource,
        'kode sumber dana, mis. DDS',
        'a fund source code, e.g. DDS',
      );
    filter.fundSource = fundSource;
  }
  const channel = text(query[FILTER_FIELDS.channel]);
  if (channel) {
    const known = PROJECT_CHANNELS.find((candidate) => candidate === channel);
    if (!known)
      refuse(
        FILTER_FIELDS.channel,
        channel,
        `salah satu dari ${PROJECT_CHANNELS.join(', ')}`,
        `one of ${PROJECT_CHANNELS.join(', ')}`,
      );
    filter.channel = known;
  }
  const district = text(query[FILTER_FIELDS.district]);
  if (district) {
    const regency = regencyOf(scope);
    if (!isRegionCode(district, 'district') || regencyOf(district) !== regency)
      refuse(
        FILTER_FIELDS.district,
        district,
        `kecamatan di kabupaten ${regency}`,
        `a district of the regency ${regency}`,
      );
    filter.district = district;
  }
  return filter;
}

/** Whether the project passes every field of the filter. */
export function passes({ project }: ProjectSummary, filter: ProjectFilter): boolean {
  return (
    (filter.fiscalYear === undefined || project.fiscalYear === filter.fiscalYear) &&
    (filter.fundSource === undefined ||
      project.budget.some((line) => line.fundSource === filter.fundSource)) &&
    (filter.channel === undefined || project.channel === filter.channel) &&
    (filter.district === undefined || isWithinRegion(project.villageCode, filter.district))
  );
}

/** The filter as the query that asks for it again: the map's data link, the form's values. */
export function filterQuery(filter: ProjectFilter): Record<string, string> {
  return {
    ...(filter.fiscalYear !== undefined && { [FILTER_FIELDS.year]: String(filter.fiscalYear) }),
    ...(filter.fundSource !== undefined && { [FILTER_FIELDS.fundSource]: filter.fundSource }),
    ...(filter.channel !== undefined && { [FILTER_FIELDS.channel]: filter.channel }),
    ...(filter.district !== undefined && { [FILTER_FIELDS.district]: filter.district }),
  };
}
