import type { Role } from '../../src/access/roles';
import type { Ledger } from '../../src/app/ledger';
import type { Actor } from '../../src/domain/shared/envelope';
import {
  scenarioSteps,
  type CommandDraft,
  type ScenarioPhase,
  type ScenarioStep,
} from '../../src/scenario/scenario-step';
import { TEST_ACTOR } from './decider-specification';
import { KADES, KAUR, PKA, REGENCY, YEAR } from './village-fixtures';

const TEST_PERSON = (id: string, role: string, displayName: string): Actor => ({
  id,
  role,
  displayName,
});

/** Who issues a scenario step in the tests, by the role the step names. */
export const TEST_ACTORS: Record<Role, Actor> = {
  treasurer: KAUR,
  activityExecutor: PKA,
  secretary: TEST_ACTOR,
  villageHead: KADES,
  districtHead: TEST_PERSON('u-camat', 'camat', 'Drs. Hadi Purnomo'),
  regencyFinance: TEST_PERSON('u-dpmd', 'dpmd', 'Staf Keuangan DPMD'),
  auditor: TEST_PERSON('u-inspektorat', 'auditor', 'Inspektorat'),
  administrator: TEST_PERSON('u-admin', 'administrator', 'Administrator'),
};

/** The raw command of a step, as the test actor of its role. */
export const rawOf = ({ commandId, type, payload, role }: ScenarioStep) => ({
  commandId,
  type,
  payload,
  actor: TEST_ACTORS[role],
});

/** Runs scenario steps of one village through the ledger, in order; returns each outcome. */
export async function runSteps(
  ledger: Ledger,
  villageCode: string,
  steps: readonly ScenarioStep[],
) {
  const outcomes = [];
  for (const step of steps)
    outcomes.push(
      step.stream === 'regency'
        ? await ledger.executeRegencyCommand(REGENCY, YEAR, rawOf(step))
        : await ledger.executeVillageCommand(villageCode, YEAR, rawOf(step)),
    );
  return outcomes;
}

/** Command drafts made into steps of a village (ids `villageCode:key`) and run. */
export const runDrafts = (
  ledger: Ledger,
  villageCode: string,
  stream: ScenarioStep['stream'],
  phase: ScenarioPhase,
  drafts: readonly CommandDraft[],
) => runSteps(ledger, villageCode, scenarioSteps(stream, phase, villageCode, drafts));
