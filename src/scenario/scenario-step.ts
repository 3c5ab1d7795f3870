import { rolesFor } from '../access/command-permissions';
import type { Role } from '../access/roles';

/** A command of the scenario before it has its stream and actor: the key makes its command id. */
export interface CommandDraft {
  type: string;
  key: string;
  payload: Record<string, unknown>;
  /** A step on the regency's year amid the village's (the camat's evaluation of its APBDes). */
  regency?: true;
}

export const commandDraft = (
  type: string,
  key: string,
  payload: Record<string, unknown>,
): CommandDraft => ({ type, key, payload });

/**
 * Where a step sits in the village's year: the regency's allocations, the
 * village's plan and APBDes, the regency's transfers, the year's execution.
 * A driver running many villages runs one phase of all before the next.
 */
export type ScenarioPhase = 'allocations' | 'budget' | 'transfers' | 'year';

/** One command of a village year: the stream it goes to, who issues it, and a fixed id. */
export interface ScenarioStep {
  stream: 'village' | 'regency';
  phase: ScenarioPhase;
  /** The first role the permission table allows for the command. */
  role: Role;
  type: string;
  payload: Record<string, unknown>;
  /** Fixed per village and step, so a repeated run is answered from the streams. */
  commandId: string;
}

/** The role a scenario issues a command as: the first the permission table names. */
export function roleFor(type: string): Role {
  const role = rolesFor(type)[0];
  if (!role) throw new Error(`no role may issue ${type}`);
  return role;
}

/** Drafts made steps of one stream and phase; command ids are `scope:key`. */
export function scenarioSteps(
  stream: ScenarioStep['stream'],
  phase: ScenarioPhase,
  scope: string,
  drafts: readonly CommandDraft[],
): ScenarioStep[] {
  return drafts.map(({ type, key, payload, regency }) => ({
    stream: regency ? 'regency' : stream,
    phase,
    role: roleFor(type),
    type,
    payload,
    commandId: `${scope}:${key}`,
  }));
}
