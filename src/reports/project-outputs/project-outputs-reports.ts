import { DISTRICT_PARAMETER, districtWithin } from '../parameters';
import { FINANCE_READERS, rendered, type ReportDefinition } from '../report-definition';
import { projectOutputsReport } from './project-outputs-report';
import { projectOutputsTables } from './project-outputs-tables';

export const PROJECT_OUTPUTS_REPORT: ReportDefinition = {
  name: 'project-outputs',
  scope: 'regency',
  title: {
    id: 'Realisasi keluaran proyek fisik',
    en: 'realisation of physical project outputs',
  },
  readModels: ['projectOutputs'],
  readers: FINANCE_READERS,
  parameters: [DISTRICT_PARAMETER],
  async build(target, params, read) {
    const district = districtWithin(target.reference, target.code, params.district);
    const report = projectOutputsReport(
      await read('projectOutputs'),
      target.reference,
      params.asOf ?? target.today,
      district,
    );
    const name = `project-outputs-${district ?? target.code}-${target.fiscalYear}`;
    return rendered(name, report, projectOutputsTables);
  },
};
