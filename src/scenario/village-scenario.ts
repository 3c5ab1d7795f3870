import type { ReferenceData } from '../domain/reference/reference-data';
import { rupiah } from '../domain/shared/money';
import {
  allocationCommands,
  amendment,
  originalBudgetCommands,
  planCommands,
} from './budget-commands';
import { transferCommand } from './execution-commands';
import { seededRandom } from './random';
import { Rehearsal } from './rehearsal';
import {
  scenarioSteps,
  type CommandDraft,
  type ScenarioPhase,
  type ScenarioStep,
} from './scenario-step';
import { villageBudget, type VillageBudget } from './village-budget';
import type { VillageTemplate } from './village-template';
import { plannedTransfers, yearOperations } from './year-commands';

/**
 * How far into the year the scenario goes: the RKPDes only, the APBDes awal
 * enacted, the whole year (transfers, receipts, SPPs LS and panjar, taxes,
 * bank fees, month closings, the year's closing), or that year with a
 * Perubahan APBDes after the regency raises an allocation.
 */
export type ScenarioExtent = 'plan' | 'budget' | 'year' | 'amendment';

export interface VillageScenarioOptions {
  villageCode: string;
  villageName: string;
  fiscalYear: number;
  reference: ReferenceData;
  template: VillageTemplate;
  /** Seeds the drawn amounts and the year's dates: the same seed, the same year. */
  seed: number;
  /** `drawn`: the template scaled to allocations drawn from its ranges; `template`: its own amounts. */
  amounts: 'drawn' | 'template';
  extent: ScenarioExtent;
  /** Of the opening SiLPA, how much is cash on hand (the rest is in the bank); none by default. */
  cashOnHand?: string;
}

export interface VillageScenario {
  budget: VillageBudget;
  /** In the order they are issued; each regency step before the village steps that need it. */
  steps: ScenarioStep[];
}

/** A village's year as ordered steps, deterministic for its options; command ids are `villageCode:key`. */
export function villageScenario(options: VillageScenarioOptions): VillageScenario {
  const { villageCode, fiscalYear, reference, extent } = options;
  const random = seededRandom(options.seed);
  const budget = villageBudget(
    options.template,
    reference,
    options.amounts === 'drawn' ? random : undefined,
  );
  const rehearsal = new Rehearsal(villageCode, fiscalYear, reference);
  const steps: ScenarioStep[] = [];
  const add = (stream: ScenarioStep['stream'], phase: ScenarioPhase, drafts: CommandDraft[]) => {
    for (const step of scenarioSteps(stream, phase, villageCode, drafts)) {
      rehearsal.run(step);
      steps.push(step);
    }
  };

  add('regency', 'allocations', allocationCommands(villageCode, budget, fiscalYear));
  add(
    'village',
    'budget',
    planCommands(options.villageName, budget, rupiah(options.cashOnHand ?? '0')),
  );
  if (extent === 'plan') return { budget, steps };
  add('village', 'budget', originalBudgetCommands(villageCode, budget, fiscalYear));
  if (extent === 'budget') return { budget, steps };

  const change =
    extent === 'amendment'
      ? amendment(
          villageCode,
          budget,
          rupiah((5_000_000 * (1 + random.below(9))).toString()),
          fiscalYear,
        )
      : undefined;
  const transfers = plannedTransfers(villageCode, budget, rehearsal.regencyState, fiscalYear);
  add('regency', 'transfers', [
    ...transfers.map((transfer) => transferCommand(transfer)),
    ...(change ? [change.allocation] : []),
  ]);
  for (const operation of yearOperations(budget, transfers, random, fiscalYear, change?.village))
    add('village', 'year', operation.commands(rehearsal.villageState));
  return { budget, steps };
}
