import { createAccessService } from '../access/access-service';
import { createLedger, type Ledger } from '../app/ledger';
import { ReferenceCatalog } from '../app/load-reference-data';
import type { ReferenceData } from '../domain/reference/reference-data';
import { segments } from '../domain/shared/dotted-codes';
import { rupiah } from '../domain/shared/money';
import type { EventStore } from '../eventstore/port';
import type { DemoCommand } from './demo-command';
import { DEMO_REGENCY, DEMO_SEED, DEMO_YEAR } from './demo-regions';
import { demoActors, demoUsers, registerDemoUsers, type ActorFor } from './demo-users';
import { seededRandom } from './random';
import { villageBudget, type VillageBudget } from './village-budget';
import { allocationCommands, amendment, originalBudgetCommands } from './village-plan';
import { loadVillageTemplate } from './village-template';
import { plannedTransfers, villageYear } from './village-year';

export interface SeedOptions {
  /** Villages given a plan and an enacted APBDes (at most the regency's 200). */
  villages: number;
  /** Of those, how many also run their whole year (receipts to closing). */
  fullYear: number;
  /** Villages written at the same time: their appends share the store's group commits. */
  concurrency?: number;
  onProgress?: (progress: SeedProgress) => void;
  reference?: ReferenceCatalog;
}

export interface SeedProgress {
  phase: 'users' | 'allocations' | 'budgets' | 'transfers' | 'year';
  done: number;
  total: number;
}

export interface SeedSummary {
  regencyCode: string;
  fiscalYear: number;
  villages: number;
  fullYear: number;
  commands: number;
}

/** Every fourth village with a full year also amends its APBDes. */
const AMENDING_EVERY = 4;

async function forEachConcurrently<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** Villages spread over the districts: the first twenty are one per district. */
function spreadVillages(reference: ReferenceData, count: number) {
  const rank = (code: string) => `${segments(code).at(-1)}/${code}`;
  return [...reference.villages.values()]
    .sort((a, b) => rank(a.code).localeCompare(rank(b.code)))
    .slice(0, count);
}

/** Issues demo commands through the ledger's command handlers as the demo user each role names. */
class DemoWriter {
  commands = 0;

  constructor(
    private readonly ledger: Ledger,
    private readonly actorFor: ActorFor,
  ) {}

  villageCommandId(villageCode: string, command: DemoCommand): string {
    return `demo:${villageCode}:${command.key}`;
  }

  async village(villageCode: string, commands: readonly DemoCommand[]): Promise<void> {
    for (const command of commands) {
      const { type, payload } = command;
      const actor = this.actorFor(type, villageCode);
      const commandId = this.villageCommandId(villageCode, command);
      await this.ledger.executeVillageCommand(villageCode, DEMO_YEAR, {
        commandId,
        type,
        payload,
        actor,
      });
      this.commands += 1;
    }
  }

  async regency(villageCode: string, commands: readonly DemoCommand[]): Promise<void> {
    for (const { type, key, payload } of commands) {
      const actor = this.actorFor(type, villageCode);
      const raw = { commandId: `demo:${key}`, type, payload, actor };
      await this.ledger.executeRegencyCommand(DEMO_REGENCY.code, DEMO_YEAR, raw);
      this.commands += 1;
    }
  }
}

/**
 * Seeds the demo regency: users for every role, allocations, each village's
 * plan and APBDes, and for `fullYear` villages the transfers, receipts, SPPs,
 * taxes, an amendment in some, monthly closings and the year's closing —
 * all as commands through the ledger, like users issue them. Deterministic;
 * repeating it (after an interruption) resumes without writing twice.
 */
export async function seedDemo(store: EventStore, options: SeedOptions): Promise<SeedSummary> {
  const catalog = options.reference ?? new ReferenceCatalog();
  const reference = catalog.get(DEMO_YEAR, DEMO_REGENCY.code);
  const template = loadVillageTemplate(DEMO_YEAR);
  const villages = spreadVillages(reference, options.villages);
  const full = villages.slice(0, Math.min(options.fullYear, villages.length));
  const progress = options.onProgress ?? (() => undefined);
  const concurrency = options.concurrency ?? 16;

  const users = demoUsers(DEMO_REGENCY.code, [...reference.districts.keys()], villages);
  // The administrator comes last: its presence marks a finished seeding (demoSeeded).
  const administrators = users.filter((user) => user.role === 'administrator');
  const access = createAccessService({ store, regencyCode: DEMO_REGENCY.code });
  progress({ phase: 'users', done: 0, total: users.length });
  await registerDemoUsers(
    access,
    users.filter((user) => !administrators.includes(user)),
  );
  progress({ phase: 'users', done: users.length, total: users.length });

  const ledger = createLedger({ store, reference: catalog });
  const writer = new DemoWriter(ledger, demoActors(users));
  const budgets = new Map<string, VillageBudget>(
    villages.map((village, index) => [
      village.code,
      villageBudget(template, reference, seededRandom(DEMO_SEED + index)),
    ]),
  );
  const step = (phase: SeedProgress['phase'], total: number) => {
    let done = 0;
    progress({ phase, done, total });
    return () => progress({ phase, done: ++done, total });
  };

  await writer.regency(villages[0]!.code, [
    { type: 'OpenRegencyFiscalYear', key: 'open-regency', payload: {} },
  ]);
  let tick = step('allocations', villages.length);
  for (const village of villages) {
    await writer.regency(
      village.code,
      allocationCommands(village.code, budgets.get(village.code)!),
    );
    tick();
  }
  tick = step('budgets', villages.length);
  await forEachConcurrently(villages, concurrency, async (village) => {
    await writer.village(
      village.code,
      originalBudgetCommands(village.name, budgets.get(village.code)!),
    );
    tick();
  });

  tick = step('transfers', full.length);
  const years = [];
  for (const [index, village] of full.entries()) {
    const budget = budgets.get(village.code)!;
    const random = seededRandom(DEMO_SEED * 7 + index);
    const change =
      index % AMENDING_EVERY === AMENDING_EVERY - 1
        ? amendment(village.code, budget, rupiah((5_000_000 * (1 + random.below(9))).toString()))
        : undefined;
    const transfers = plannedTransfers(
      village.code,
      budget,
      await ledger.regencyState(DEMO_REGENCY.code, DEMO_YEAR),
      DEMO_YEAR,
    );
    await writer.regency(village.code, [
      ...transfers.map((t) => ({
        type: 'SendTransfer',
        key: `transfer-${village.code}-${t.source}-${t.stage}`,
        payload: {
          villageCode: village.code,
          source: t.source,
          stage: t.stage,
          amount: t.amount,
          date: t.date,
          reference: t.reference,
        },
      })),
      ...(change ? [change.allocation] : []),
    ]);
    years.push({
      village,
      operations: villageYear(budget, transfers, random, DEMO_YEAR, change?.village),
    });
    tick();
  }
  tick = step('year', full.length);
  await forEachConcurrently(years, concurrency, async ({ village, operations }) => {
    for (const operation of operations) {
      // Steps read the books when their day comes; on a repeated run, skip those already written.
      const { state } = await ledger.loadVillage(village.code, DEMO_YEAR);
      const pending = operation
        .commands(state.domain)
        .filter((command) => !state.commands.has(writer.villageCommandId(village.code, command)));
      await writer.village(village.code, pending);
    }
    tick();
  });
  await registerDemoUsers(access, administrators);
  return {
    regencyCode: DEMO_REGENCY.code,
    fiscalYear: DEMO_YEAR,
    villages: villages.length,
    fullYear: full.length,
    commands: writer.commands,
  };
}
