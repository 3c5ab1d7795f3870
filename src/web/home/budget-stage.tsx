import { latestVersion, type BudgetState } from '../../domain/village/state';
import { STAGE_NAMES } from './waiting-work';

/** Where the APBDes stands: the version in preparation and its stage, or the latest enacted one. */
export function BudgetStage({ budget }: { budget: BudgetState }) {
  const { draft } = budget;
  const latest = latestVersion(budget);
  return (
    <section>
      <h2>Tahap APBDes</h2>
      <p data-stage={draft?.stage ?? 'none'}>
        {draft
          ? `${draft.kind === 'amendment' ? 'Perubahan APBDes' : 'Rancangan APBDes'}: ${STAGE_NAMES[draft.stage]}`
          : latest
            ? `Tidak ada rancangan; berlaku ${latest.label}`
            : 'Belum ada rancangan APBDes'}
      </p>
    </section>
  );
}
