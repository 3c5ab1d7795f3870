import { rolesFor } from '../../access/command-permissions';
import { budgetStepsWaiting } from '../../domain/village/queries/budget-steps';
import { latestVersion, type BudgetState } from '../../domain/village/state';
import { ROLE_NAMES } from '../role-names';
import { budgetStepText, STAGE_NAMES } from './budget-step-texts';

/**
 * Where the APBDes stands: the version in preparation and its stage, or the
 * latest enacted one; and the next step with who takes it, whoever is looking.
 */
export function BudgetStage({ budget }: { budget: BudgetState }) {
  const { draft } = budget;
  const latest = latestVersion(budget);
  const next = budgetStepsWaiting(budget);
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
      {next.length > 0 && (
        <ul class="next-steps">
          {next.map((step) => (
            <li key={step.step} data-step={step.step}>
              Langkah berikutnya: {budgetStepText(step)} ·{' '}
              {rolesFor(step.step)
                .map((role) => ROLE_NAMES[role])
                .join(', ')}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
