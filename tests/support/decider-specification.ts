import type { z } from 'zod';
import type { Decider } from '../../src/domain/shared/decider';
import { DomainError } from '../../src/domain/shared/domain-error';
import type { Actor, CommandEnvelope, DomainEvent } from '../../src/domain/shared/envelope';
import type { Tracked } from '../../src/domain/shared/idempotency';
import { parseCommand } from '../../src/domain/shared/parse-command';
import type { RuleId } from '../../src/domain/shared/rules';

/**
 * Given/when/then for deciders, in the spirit of Emmett's
 * DeciderSpecification: given past events (or past commands, which must be
 * accepted), when a raw command (validated like at the API), then the new
 * events, a refusal naming rule, field and value, or nothing.
 */
export const TEST_ACTOR: Actor = {
  id: 'u-sekdes',
  role: 'sekretaris-desa',
  displayName: 'Siti Aminah',
};

export interface RawCommand {
  commandId: string;
  type: string;
  payload: unknown;
  actor: Actor;
}

let nextCommandNumber = 0;

export function command(type: string, payload: unknown, commandId?: string): RawCommand {
  nextCommandNumber += 1;
  return { commandId: commandId ?? `cmd-${nextCommandNumber}`, type, payload, actor: TEST_ACTOR };
}

/** The same command sent by someone else (the Kades approving, the treasurer paying, …). */
export function by(actor: Actor, raw: RawCommand): RawCommand {
  return { ...raw, actor };
}

export type ExpectedFact = { type: string; data: unknown };

export function deciderSpecification<C extends CommandEnvelope, S, E extends DomainEvent, Ctx>(
  decider: Decider<C, Tracked<S>, E, Ctx>,
  schemas: Record<string, z.ZodType>,
  context: Ctx,
) {
  const decide = (raw: RawCommand, state: Tracked<S>): E[] | DomainError => {
    const parsed = parseCommand(schemas, raw);
    return parsed instanceof DomainError ? parsed : decider.decide(parsed as C, state, context);
  };
  const fold = (state: Tracked<S>, events: E[]) => events.reduce(decider.evolve, state);

  const whenFrom = (state: Tracked<S>) => ({
    when(raw: RawCommand) {
      const decision = decide(raw, state);
      const accepted = (): E[] => {
        if (decision instanceof DomainError)
          throw new Error(`expected events, got ${decision.message}`);
        return decision;
      };
      return {
        then(expected: ExpectedFact[]) {
          expect(accepted().map(({ type, data }) => ({ type, data }))).toEqual(expected);
        },
        thenTypes(...types: string[]) {
          expect(accepted().map((event) => event.type)).toEqual(types);
        },
        thenNothing() {
          expect(accepted()).toEqual([]);
        },
        thenRejects(rule: RuleId, field?: string, value?: string) {
          expect(decision).toBeInstanceOf(DomainError);
          const error = decision as DomainError;
          expect({ rule: error.rule, field: error.field, value: error.value }).toEqual({
            rule,
            field: field ?? error.field,
            value: value ?? error.value,
          });
          return error;
        },
        /** The state after the new events, for assertions on what they imply. */
        thenState(): S {
          return fold(state, accepted()).domain;
        },
        events: accepted,
      };
    },
  });

  return {
    given(events: E[] = []) {
      return whenFrom(fold(decider.initialState, events));
    },
    /** History built by earlier commands, each of which must be accepted. */
    givenCommands(history: RawCommand[]) {
      return whenFrom(replay(history));
    },
    replay,
    decide,
  };

  function replay(history: RawCommand[]): Tracked<S> {
    return history.reduce((state, raw) => {
      const decision = decide(raw, state);
      if (decision instanceof DomainError)
        throw new Error(`given command ${raw.type} refused: ${decision.message}`);
      return fold(state, decision);
    }, decider.initialState);
  }
}
