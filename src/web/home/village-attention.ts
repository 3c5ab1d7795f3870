import type { EventStore } from '../../eventstore/port';
import { villageYearExceptions } from '../../import/siskeudes/imported-exceptions';
import type { ReaderSources } from '../../reports/state-reader';
import { villageOpenSuspicions } from '../../../projections/read-models/project-outputs';
import type { Attention } from './attention-section';

/** The year's open duplicate suspicions (none without read models) and its flagged imported rows. */
export async function villageAttention(
  sources: ReaderSources | undefined,
  store: EventStore,
  villageCode: string,
  fiscalYear: number,
): Promise<Attention> {
  const projects = sources?.models.state(sources.projections.projectOutputs);
  return {
    villageCode,
    suspicions: projects ? villageOpenSuspicions(projects, villageCode, fiscalYear) : [],
    exceptions: await villageYearExceptions(store, villageCode, fiscalYear),
  };
}
