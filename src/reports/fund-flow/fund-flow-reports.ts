import { ReportSubjectMissingError } from '../parameters';
import {
  cachedRendering,
  FINANCE_READERS,
  rendered,
  type ReportDefinition,
} from '../report-definition';
import { villageStatesOf } from '../village-ledgers';
import { fundFlowReport, villageFundFlowReport } from './fund-flow-report';
import { fundFlowTables, villageFundFlowTables } from './fund-flow-tables';

const TITLE = { id: 'Laporan aliran dana APBN/APBD', en: 'APBN/APBD fund-flow report' };

export const VILLAGE_FUND_FLOW_REPORT: ReportDefinition = {
  name: 'fund-flow',
  scope: 'village',
  title: TITLE,
  readModels: ['villageLedger', 'fundFlow'],
  readers: FINANCE_READERS,
  parameters: [],
  async build(target, _params, read) {
    const ledgers = await read('villageLedger');
    const report = villageFundFlowReport(
      await read('fundFlow'),
      target.reference,
      target.code,
      villageStatesOf(ledgers, target.fiscalYear),
    );
    if (!report) throw new ReportSubjectMissingError('villageCode', target.code);
    return rendered(`fund-flow-${target.code}-${target.fiscalYear}`, report, villageFundFlowTables);
  },
};

export const REGENCY_FUND_FLOW_REPORT: ReportDefinition = {
  name: 'fund-flow',
  scope: 'regency',
  title: TITLE,
  readModels: ['villageLedger', 'fundFlow'],
  readers: FINANCE_READERS,
  parameters: [],
  async build(target, _params, read) {
    const ledgers = await read('villageLedger');
    const flow = await read('fundFlow');
    const name = `fund-flow-${target.code}-${target.fiscalYear}`;
    return cachedRendering(
      read,
      name,
      [ledgers, flow],
      name,
      () => fundFlowReport(flow, target.reference, villageStatesOf(ledgers, target.fiscalYear)),
      fundFlowTables,
    );
  },
};
