import type { Role } from '../../../src/access/roles';
import type { Ledger } from '../../../src/app/ledger';
import type { Actor } from '../../../src/domain/shared/envelope';
import { allocationCommand, perbup } from '../../../src/scenario/budget-commands';
import { command, type RawCommand } from '../decider-specification';
import {
  camatEvaluation,
  enactedExecutionBudget,
  fromDraft,
  REGENCY,
  YEAR,
} from '../village-fixtures';

export { REGENCY, YEAR };

/** Three villages of the demo regency's first district. */
export const VILLAGES = ['35.10.01.2001', '35.10.01.2002', '35.10.01.2003'] as const;

/** The village roles that run execution, and the regency's finance office. */
export const VILLAGE_ROLES = ['treasurer', 'activityExecutor', 'secretary', 'villageHead'] as const;
export type VillageRole = (typeof VILLAGE_ROLES)[number];

/** Opening balance of every village (enactedExecutionBudget's openYear): cash 250 000, bank 9 750 000. */
export const OPENING_CENTS = 10_000_000_00n;

/** Line budgets of enactedExecutionBudget, in cents. */
export const LINE_BUDGET_CENTS: Readonly<Record<string, bigint>> = {
  's-road': 110_000_000_00n,
  's-siltap': 48_000_000_00n,
  's-office': 6_000_000_00n,
  's-bankfee': 600_000_00n,
  'f-bumdes': 5_400_000_00n,
};

export function actorFor(village: string, role: Role): Actor {
  return { id: `${role}@${village}`, role, displayName: `${role} ${village}` };
}

/** The same raw command with a stable id and the given actor (fixtures number commands per process). */
export function stamped(raw: RawCommand, commandId: string, actor: Actor): RawCommand {
  return { ...raw, commandId, actor };
}

const REGENCY_ACTOR = actorFor(REGENCY, 'regencyFinance');

/** Opens the regency year with a Dana Desa allocation for each village. */
export async function setUpRegency(ledger: Ledger, villages: readonly string[]): Promise<void> {
  const raws = [
    command('OpenRegencyFiscalYear', {}),
    ...villages.map((villageCode) =>
      fromDraft(
        allocationCommand(villageCode, 'DDS', '100000000', perbup('5 Tahun 2024', '2024-11-29')),
      ),
    ),
  ];
  for (const [index, raw] of raws.entries())
    await ledger.executeRegencyCommand(
      REGENCY,
      YEAR,
      stamped(raw, `setup-regency-${index}`, REGENCY_ACTOR),
    );
}

/** Brings one village to an enacted APBDes it can pay from (see enactedExecutionBudget). */
export async function setUpVillage(ledger: Ledger, village: string): Promise<void> {
  for (const [index, raw] of enactedExecutionBudget().entries()) {
    const commandId = `setup-${village}-${index}`;
    // The camat's evaluation goes to the regency's year; the ledger has the village take it in.
    if (raw.type === 'ReceiveApbdesEvaluation')
      await ledger.executeRegencyCommand(
        REGENCY,
        YEAR,
        stamped(camatEvaluation(raw, village), commandId, actorFor(village, 'districtHead')),
      );
    else
      await ledger.executeVillageCommand(
        village,
        YEAR,
        stamped(raw, commandId, actorFor(village, 'secretary')),
      );
  }
}

export async function setUpVillages(ledger: Ledger, villages: readonly string[]): Promise<void> {
  await setUpRegency(ledger, villages);
  for (const village of villages) await setUpVillage(ledger, village);
}
