import { hash } from 'node:crypto';
import { stringify } from 'safe-stable-stringify';
import { DomainError } from './domain-error';
import { apply, dispatch, type CoreDecider, type Decider } from './decider';
import type { CommandEnvelope, DomainEvent } from './envelope';
import { PersistentMap } from './persistent-map';

export interface CommandRecord {
  fingerprint: string;
  /** Stream revisions (0-based) of the events the command produced. */
  firstRevision: number;
  lastRevision: number;
}

/** A stream's domain state plus what idempotency needs: the commands already handled. */
export interface Tracked<S> {
  domain: S;
  commands: PersistentMap<CommandRecord>;
  /** Number of events folded so far, i.e. the next event's revision. */
  eventCount: number;
}

/** Same content means same type and payload; who sends it again does not matter. */
export function commandFingerprint(command: CommandEnvelope): string {
  const canonical = stringify({ type: command.type, payload: command.payload }) ?? '';
  return hash('sha256', canonical, 'hex');
}

/**
 * Wraps a core decider: stamps metadata on every fact, answers a repeated
 * command with no events and refuses a reused id with different content.
 */
export function withIdempotency<C extends CommandEnvelope, S, E extends DomainEvent, Ctx>(
  core: CoreDecider<C, S, E, Ctx>,
): Decider<C, Tracked<S>, E, Ctx> {
  return {
    initialState: { domain: core.initialState, commands: PersistentMap.empty(), eventCount: 0 },
    decide(command, state, context) {
      const fingerprint = commandFingerprint(command);
      const seen = state.commands.get(command.commandId);
      if (seen) {
        return seen.fingerprint === fingerprint
          ? []
          : new DomainError('COMMAND_ID_CONFLICT', 'commandId', command.commandId);
      }
      const facts = dispatch(core, command, state.domain, context);
      if (facts instanceof DomainError) return facts;
      return facts.map(
        ({ type, data, businessDate }) =>
          ({
            type,
            data,
            metadata: {
              schemaVersion: core.events[type as E['type']].version,
              commandId: command.commandId,
              commandFingerprint: fingerprint,
              actor: command.actor,
              ...(businessDate === undefined ? {} : { businessDate }),
            },
          }) as E,
      );
    },
    evolve(state, event) {
      return {
        domain: apply(core, state.domain, event),
        commands: recordCommand(state, event),
        eventCount: state.eventCount + 1,
      };
    },
  };
}

function recordCommand<S>(state: Tracked<S>, event: DomainEvent): PersistentMap<CommandRecord> {
  const { commandId, commandFingerprint: fingerprint } = event.metadata;
  const previous = state.commands.get(commandId);
  const record: CommandRecord = {
    fingerprint,
    firstRevision: previous?.firstRevision ?? state.eventCount,
    lastRevision: state.eventCount,
  };
  return state.commands.set(commandId, record);
}
