import { regencyOf } from '../domain/shared/region-codes';
import type { ReferenceData } from '../domain/reference/reference-data';
import { regencyCommandSchemas } from '../domain/regency/commands';
import { regencyDecider } from '../domain/regency/decider';
import type { RegencyState } from '../domain/regency/state';
import { NO_SHARE, villageShares } from '../domain/regency/village-shares';
import type { Decider } from '../domain/shared/decider';
import { DomainError } from '../domain/shared/domain-error';
import type { CommandEnvelope, DomainEvent } from '../domain/shared/envelope';
import { parseCommand } from '../domain/shared/parse-command';
import { evaluationsNotTakenIn } from '../domain/village/apbdes-evaluation';
import { villageCommandSchemas } from '../domain/village/commands';
import { villageDecider } from '../domain/village/decider';
import type { VillageState } from '../domain/village/state';
import type { ScenarioStep } from './scenario-step';

/**
 * The scenario's steps run through the pure deciders as they are made: the
 * steps that depend on the books (tax deposits, month closings, transfers by
 * the stage plan) read this state, and a step the ledger would refuse fails
 * here, naming the step, instead of in every driver.
 */
export class Rehearsal {
  private regency = regencyDecider.initialState;
  private village = villageDecider.initialState;

  constructor(
    private readonly villageCode: string,
    private readonly fiscalYear: number,
    private readonly reference: ReferenceData,
  ) {
    this.run({
      stream: 'regency',
      phase: 'allocations',
      role: 'regencyFinance',
      type: 'OpenRegencyFiscalYear',
      payload: {},
      commandId: 'rehearsal:open-regency',
    });
  }

  get regencyState(): RegencyState {
    return this.regency.domain;
  }

  get villageState(): VillageState {
    return this.village.domain;
  }

  run(step: ScenarioStep): void {
    const raw = {
      commandId: step.commandId,
      type: step.type,
      payload: step.payload,
      actor: { id: `rehearsal-${step.role}`, role: step.role, displayName: step.role },
    };
    if (step.stream === 'village') {
      this.runVillage(raw);
      return;
    }
    const context = {
      regencyCode: regencyOf(this.villageCode),
      fiscalYear: this.fiscalYear,
      reference: this.reference,
      evaluatedBudget: this.village.domain.budget,
    };
    this.regency = decided(regencyDecider, regencyCommandSchemas, raw, this.regency, context);
    // As the ledger does where the village's books are kept: the village takes the evaluation in.
    for (const { reference } of evaluationsNotTakenIn(
      this.share().evaluations,
      this.villageState.budget,
    ))
      this.runVillage({
        ...raw,
        commandId: `${raw.commandId}:taken-in`,
        type: 'ReceiveApbdesEvaluation',
        payload: { reference },
      });
  }

  private share() {
    return villageShares(this.regency.domain).get(this.villageCode) ?? NO_SHARE;
  }

  private runVillage(raw: CommandEnvelope<string, unknown>): void {
    const context = {
      villageCode: this.villageCode,
      fiscalYear: this.fiscalYear,
      reference: this.reference,
      ...this.share(),
    };
    this.village = decided(villageDecider, villageCommandSchemas, raw, this.village, context);
  }
}

function decided<C extends CommandEnvelope, S, E extends DomainEvent, Ctx>(
  decider: Decider<C, S, E, Ctx>,
  schemas: Parameters<typeof parseCommand>[0],
  raw: CommandEnvelope,
  state: S,
  context: Ctx,
): S {
  const command = parseCommand(schemas, raw);
  const events =
    command instanceof DomainError ? command : decider.decide(command as C, state, context);
  if (events instanceof DomainError)
    throw new Error(`scenario step ${raw.commandId} (${raw.type}) refused: ${events.message}`);
  return events.reduce(decider.evolve, state);
}
