import type { ProjectChannel } from '../../domain/projects/project-commands';
import type { ProgressBand } from './progress-bands';

/*
 * The map's GeoJSON properties: shared by the server that writes them and
 * the browser script that reads them, so this file imports types only.
 */

/** What the map shows of a project beside its geometry; the script reads nothing else. */
export interface ProjectFeatureProperties {
  projectId: string;
  title: string;
  villageCode: string;
  villageName: string;
  fiscalYear: number;
  channel: ProjectChannel;
  fundSources: string[];
  volume: string;
  unit: string;
  /** The last reported percent; null before the first report. */
  percent: number | null;
  band: ProgressBand;
  /** Whether a duplicate suspicion of the project is still open. */
  suspected: boolean;
  url: string;
}

export interface VillageFeatureProperties {
  code: string;
  name: string;
}
