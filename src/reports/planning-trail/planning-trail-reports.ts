import { villageLedger } from '../../../projections/read-models/village-ledger';
import { villageModel } from '../../../projections/read-models/village-stream-projection';
import { ReportSubjectMissingError } from '../parameters';
import { FINANCE_READERS, rendered, type ReportDefinition } from '../report-definition';
import { completeTrail } from './planning-trail-report';
import { planningTrailTable } from './planning-trail-tables';

export const PLANNING_TRAIL_REPORT: ReportDefinition = {
  name: 'planning-trail',
  scope: 'village',
  title: {
    id: 'Jejak perencanaan RKPDes → APBDes → SPP',
    en: 'planning trail RKPDes → APBDes → SPP',
  },
  readModels: ['planningTrail', 'villageLedger'],
  readers: FINANCE_READERS,
  parameters: [],
  async build(target, _params, read) {
    const trail = villageModel(await read('planningTrail'), target.code, target.fiscalYear);
    if (!trail)
      throw new ReportSubjectMissingError(
        'villageCode/fiscalYear',
        `${target.code}/${target.fiscalYear}`,
      );
    const ledger = villageLedger(await read('villageLedger'), target.code, target.fiscalYear);
    return rendered(
      `planning-trail-${target.code}`,
      completeTrail(trail, ledger?.fold),
      (model) => [planningTrailTable(model)],
    );
  },
};
