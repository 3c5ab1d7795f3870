import { DomainError } from './domain-error';
import type { CommandEnvelope, DomainEvent, Fact } from './envelope';
import type { EventSpec } from './schema-types';

export type CommandHandlers<C extends CommandEnvelope, S, E extends DomainEvent, Ctx> = {
  [K in C['type']]: (
    command: Extract<C, { type: K }>,
    state: S,
    context: Ctx,
  ) => Fact<E>[] | DomainError;
};

export type EventEvolvers<E extends DomainEvent, S> = {
  [K in E['type']]: (state: S, event: Extract<E, { type: K }>) => S;
};

/** The handlers of one area (a part of a stream's commands). */
export type AreaHandlers<
  C extends CommandEnvelope,
  S,
  E extends DomainEvent,
  Ctx,
  K extends C['type'],
> = Pick<CommandHandlers<C, S, E, Ctx>, K>;

export type AreaEvolvers<E extends DomainEvent, S, K extends E['type']> = Pick<
  EventEvolvers<E, S>,
  K
>;

/** The pure core of a stream: per-area handlers and evolvers merged into one table each. */
export interface CoreDecider<C extends CommandEnvelope, S, E extends DomainEvent, Ctx> {
  initialState: S;
  handlers: CommandHandlers<C, S, E, Ctx>;
  evolvers: EventEvolvers<E, S>;
  events: Record<E['type'], EventSpec>;
}

/** decide(command, state, context) → events | error; evolve(state, event) → state. */
export interface Decider<C extends CommandEnvelope, S, E extends DomainEvent, Ctx> {
  initialState: S;
  decide(command: C, state: S, context: Ctx): E[] | DomainError;
  evolve(state: S, event: E): S;
}

export function dispatch<C extends CommandEnvelope, S, E extends DomainEvent, Ctx>(
  core: CoreDecider<C, S, E, Ctx>,
  command: C,
  state: S,
  context: Ctx,
): Fact<E>[] | DomainError {
  const handler = core.handlers[command.type as C['type']] as (
    command: C,
    state: S,
    context: Ctx,
  ) => Fact<E>[] | DomainError;
  return handler(command, state, context);
}

export function apply<C extends CommandEnvelope, S, E extends DomainEvent, Ctx>(
  core: CoreDecider<C, S, E, Ctx>,
  state: S,
  event: E,
): S {
  const evolver = core.evolvers[event.type as E['type']] as (state: S, event: E) => S;
  return evolver(state, event);
}

/** A typed constructor of facts for one stream's event union. */
export function factBuilder<E extends DomainEvent>() {
  return <T extends E['type']>(
    type: T,
    data: Extract<E, { type: T }>['data'],
    businessDate?: string,
  ): Fact<E> =>
    ({ type, data, ...(businessDate === undefined ? {} : { businessDate }) }) as unknown as Fact<E>;
}

/** Runs a handler only when a precondition on the state holds, handing it what the check found. */
export function requiring<S, Ctx, R>(precondition: (state: S, context: Ctx) => R | DomainError) {
  return <C, D>(handler: (command: C, state: S, found: R, context: Ctx) => D) =>
    (command: C, state: S, context: Ctx): D | DomainError => {
      const found = precondition(state, context);
      return found instanceof DomainError ? found : handler(command, state, found, context);
    };
}

/** Hands a handler the opened fiscal year of its stream, or refuses with FISCAL_YEAR_OPEN. */
export function whenFiscalYearOpen<S, Ctx extends { fiscalYear: number }, O>(
  opened: (state: S) => O | undefined,
) {
  return requiring<S, Ctx, O>(
    (state, context) =>
      opened(state) ??
      new DomainError('FISCAL_YEAR_OPEN', 'fiscalYear', String(context.fiscalYear)),
  );
}
