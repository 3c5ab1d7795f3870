import { FINANCE_READERS, rendered, type ReportDefinition } from '../report-definition';
import { villageStatesOf } from '../village-ledgers';
import { monitoringReport } from './monitoring-report';
import { monitoringTables } from './monitoring-tables';

export const MONITORING_REPORT: ReportDefinition = {
  name: 'monitoring',
  scope: 'regency',
  title: { id: 'Pemantauan desa se-kabupaten', en: "monitoring of the regency's villages" },
  readModels: ['villageLedger', 'regencyMonitoring', 'projectOutputs'],
  readers: FINANCE_READERS,
  parameters: [],
  async build(target, params, read) {
    const asOf = params.asOf ?? target.today;
    const villages = villageStatesOf(await read('villageLedger'), target.fiscalYear);
    const report = monitoringReport(
      await read('regencyMonitoring'),
      target.reference,
      asOf,
      undefined,
      villages,
      await read('projectOutputs'),
    );
    return rendered(`monitoring-${target.code}-${target.fiscalYear}`, report, monitoringTables);
  },
};
