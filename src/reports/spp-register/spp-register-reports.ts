import { villageIdentity } from '../../../projections/folds/reference-lookup';
import { month, monthWithin } from '../parameters';
import { FINANCE_READERS, type ReportDefinition } from '../report-definition';
import { renderJson } from '../render/json';
import { ledgerOf } from '../village-ledgers';
import { sppRegisterTable } from './spp-register-tables';

export const SPP_REGISTER_REPORT: ReportDefinition = {
  name: 'spp-register',
  scope: 'village',
  title: { id: 'Register SPP', en: 'register of payment requests (SPP)' },
  readModels: ['villageLedger'],
  readers: FINANCE_READERS,
  parameters: [month(false)],
  async build(target, params, read) {
    const monthOfYear = monthWithin(params, target.fiscalYear);
    const { fold } = await ledgerOf(target, read);
    const identity = villageIdentity(target.reference, target.code, target.fiscalYear);
    const table = sppRegisterTable(fold, identity, monthOfYear);
    return {
      name: `spp-register-${target.code}`,
      json: () =>
        renderJson({ identity, month: monthOfYear ?? null, rows: table.rows.map((r) => r.cells) }),
      tables: () => [table],
    };
  },
};
