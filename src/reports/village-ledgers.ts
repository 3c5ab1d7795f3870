import {
  villageLedger,
  type VillageLedger,
  type VillageLedgerState,
} from '../../projections/read-models/village-ledger';
import type { VillageView } from '../../projections/folds/village-books';
import { ReportSubjectMissingError } from './parameters';
import type { ReportTarget } from './report-definition';
import type { ReportReader } from './state-reader';

/** The target village's ledger of the year, or a refusal naming the village and year. */
export async function ledgerOf(target: ReportTarget, read: ReportReader): Promise<VillageLedger> {
  const ledger = villageLedger(await read('villageLedger'), target.code, target.fiscalYear);
  if (!ledger)
    throw new ReportSubjectMissingError(
      'villageCode/fiscalYear',
      `${target.code}/${target.fiscalYear}`,
    );
  return ledger;
}

/** Each village's ledger state of the year, by village code (undefined: none yet). */
export const villageStatesOf =
  (state: VillageLedgerState, fiscalYear: number) =>
  (villageCode: string): VillageView | undefined =>
    villageLedger(state, villageCode, fiscalYear)?.fold;
