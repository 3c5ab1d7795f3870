import { projectAt } from '../../projections/engine/two-clocks';
import { readModelProjections } from '../../projections/read-models/read-models';
import { villageLedger } from '../../projections/read-models/village-ledger';
import { balanceOf } from '../../src/domain/village/books';
import { toAmountText } from '../../src/domain/shared/money';
import { importVillageYear, VILLAGE } from './support/import-village-year';
import { overspentVillageTables } from './support/siskeudes-zip';

describe('an imported Siskeudes year in the read models', () => {
  it('is folded by every read model, its records and flags included', async () => {
    const { store, reference } = await importVillageYear(overspentVillageTables());
    const projections = readModelProjections((year, regency) => reference.get(year, regency));
    for (const projection of Object.values(projections)) {
      const state = await projectAt(store, projection as never, {});
      (projection as { verify?: (state: unknown) => void }).verify?.(state);
    }
    const ledger = villageLedger(
      await projectAt(store, projections.villageLedger, {}),
      VILLAGE,
      2025,
    );
    // The PAUD line as imported: Rp 22,000,000 + Rp 110,000,000 realised of Rp 125,000,000.
    const books = ledger!.fold.whole().books;
    expect(toAmountText(balanceOf(books, 'line', '02.01.01/5.2.2.01/ADD'))).toBe('132000000.00');
  });
});
