import { DISTRICT_PARAMETER, PERIOD_PARAMETERS, periodWithin, districtWithin } from '../parameters';
import {
  cachedRendering,
  FINANCE_READERS,
  rendered,
  type ReportDefinition,
} from '../report-definition';
import { ledgerOf, villageStatesOf } from '../village-ledgers';
import { regencyRealisation } from './regency-realisation';
import { regencyRealisationTables, villageRealisationTable } from './realisation-tables';
import { villageRealisation } from './village-realisation';

const TITLE = { id: 'Laporan Realisasi Pelaksanaan APBDes', en: 'realisation of the APBDes' };

export const VILLAGE_REALISATION_REPORT: ReportDefinition = {
  name: 'realisation',
  scope: 'village',
  title: TITLE,
  readModels: ['villageLedger'],
  readers: FINANCE_READERS,
  parameters: PERIOD_PARAMETERS,
  async build(target, params, read) {
    const report = villageRealisation(
      (await ledgerOf(target, read)).fold,
      target.reference,
      periodWithin(params, target.fiscalYear),
    );
    return rendered(`realisation-${target.code}`, report, (model) => [
      villageRealisationTable(model),
    ]);
  },
};

export const REGENCY_REALISATION_REPORT: ReportDefinition = {
  name: 'realisation',
  scope: 'regency',
  title: {
    id: `${TITLE.id} per kecamatan dan kabupaten`,
    en: `${TITLE.en}, per district and regency`,
  },
  readModels: ['villageLedger'],
  readers: FINANCE_READERS,
  parameters: [...PERIOD_PARAMETERS, DISTRICT_PARAMETER],
  async build(target, params, read) {
    const district = districtWithin(target.reference, target.code, params.district);
    const ledgers = await read('villageLedger');
    const period = periodWithin(params, target.fiscalYear);
    const name = `realisation-${district ?? target.code}-${target.fiscalYear}`;
    return cachedRendering(
      read,
      name,
      [ledgers],
      `${name}:${period.from}:${period.to}`,
      () =>
        regencyRealisation(
          villageStatesOf(ledgers, target.fiscalYear),
          target.reference,
          period,
          district,
        ),
      regencyRealisationTables,
    );
  },
};
