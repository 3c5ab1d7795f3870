import { PERIOD_PARAMETERS, periodWithin } from '../parameters';
import { FINANCE_READERS, rendered, type ReportDefinition } from '../report-definition';
import { ledgerOf } from '../village-ledgers';
import { activityRealisation, danaDesaAbsorption } from './activity-realisation';
import { activityRealisationTable } from './activity-realisation-tables';

export const ACTIVITY_REALISATION_REPORT: ReportDefinition = {
  name: 'activity-realisation',
  scope: 'village',
  title: { id: 'Laporan Realisasi Kegiatan', en: 'realisation per activity' },
  readModels: ['villageLedger'],
  readers: FINANCE_READERS,
  parameters: PERIOD_PARAMETERS,
  async build(target, params, read) {
    const report = activityRealisation(
      (await ledgerOf(target, read)).fold,
      target.reference,
      periodWithin(params, target.fiscalYear),
    );
    return rendered(`activity-realisation-${target.code}`, report, (model) => [
      activityRealisationTable(model),
    ]);
  },
};

export const DANA_DESA_ABSORPTION_REPORT: ReportDefinition = {
  name: 'dana-desa-absorption',
  scope: 'village',
  title: {
    id: 'Laporan Realisasi Penyerapan dan Capaian Keluaran Dana Desa',
    en: 'Dana Desa absorption and outputs',
  },
  readModels: ['villageLedger'],
  readers: FINANCE_READERS,
  parameters: PERIOD_PARAMETERS,
  async build(target, params, read) {
    const report = danaDesaAbsorption(
      (await ledgerOf(target, read)).fold,
      target.reference,
      periodWithin(params, target.fiscalYear),
    );
    return rendered(`dana-desa-absorption-${target.code}`, report, (model) => [
      activityRealisationTable(model, true),
    ]);
  },
};
