import { createAccessService } from '../access/access-service';
import { createLedger, type Ledger } from '../app/ledger';
import { ReferenceCatalog } from '../app/load-reference-data';
import type { ReferenceData } from '../domain/reference/reference-data';
import { segments } from '../domain/shared/dotted-codes';

import type { EventStore } from '../eventstore/port';
import type { ScenarioPhase, ScenarioStep } from '../scenario/scenario-step';
import { villageScenario, type ScenarioExtent } from '../scenario/village-scenario';
import { loadVillageTemplate, type VillageTemplate } from '../scenario/village-template';
import { DEMO_REGENCY, DEMO_SEED, DEMO_YEAR } from './demo-regions';
import { demoActors, demoUsers, registerDemoUsers, type ActorFor } from './demo-users';

export interface SeedOptions {
  /** Villages given a plan and an enacted APBDes (at most the regency's 200 less the empty ones). */
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
  /** Villages with their four users and nothing else: a year to start from nothing. */
  emptyVillages: string[];
  commands: number;
}

/** How many villages the demo leaves without a plan or APBDes. */
export const DEMO_EMPTY_VILLAGES = 3;

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

/**
 * Villages spread over the districts (the first twenty are one per district),
 * and apart the last DEMO_EMPTY_VILLAGES of that order: always the same ones,
 * whatever the number seeded, so the README can name them.
 */
function spreadVillages(reference: ReferenceData, count: number) {
  const rank = (code: string) => `${segments(code).at(-1)}/${code}`;
  const spread = [...reference.villages.values()].sort((a, b) =>
    rank(a.code).localeCompare(rank(b.code)),
  );
  const empty = spread.slice(-DEMO_EMPTY_VILLAGES);
  return { seeded: spread.slice(0, -DEMO_EMPTY_VILLAGES).slice(0, count), empty };
}

/** Runs scenario steps through the ledger's command handlers as the demo user each role names. */
class DemoWriter {
  commands = 0;
  /**
   * The regency stream takes one command at a time: the camat's evaluations
   * come amid villages' budgets written side by side. At most one waiter per
   * village worker (the seeding's concurrency).
   */
  private regencyTurn: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly ledger: Ledger,
    private readonly actorFor: ActorFor,
  ) {}

  async run(villageCode: string, steps: readonly ScenarioStep[]): Promise<void> {
    for (const { stream, type, payload, commandId } of steps) {
      const raw = {
        commandId: `demo:${commandId}`,
        type,
        payload,
        actor: this.actorFor(type, villageCode),
      };
      if (stream === 'regency') {
        const turn = this.regencyTurn.then(() =>
          this.ledger.executeRegencyCommand(DEMO_REGENCY.code, DEMO_YEAR, raw),
        );
        this.regencyTurn = turn.catch(() => undefined);
        await turn;
      } else await this.ledger.executeVillageCommand(villageCode, DEMO_YEAR, raw);
      this.commands += 1;
    }
  }
}

/**
 * The demo's year of its village number `index` (in the seeding order: the
 * first twenty one per district), as far as `extent`. The same seed draws
 * the same budget whatever the extent, so a test can take the steps past
 * what was seeded (e.g. the Perubahan of a village seeded to its APBDes).
 */
export function demoVillageScenario(
  reference: ReferenceData,
  template: VillageTemplate,
  village: { code: string; name: string },
  index: number,
  extent: ScenarioExtent,
) {
  return villageScenario({
    villageCode: village.code,
    villageName: village.name,
    fiscalYear: DEMO_YEAR,
    reference,
    template,
    seed: DEMO_SEED + index,
    amounts: 'drawn',
    extent,
  });
}

/**
 * Seeds the demo regency: users for every role, allocations, each village's
 * plan and APBDes (but DEMO_EMPTY_VILLAGES villages get only their users), and for `fullYear` villages the transfers, receipts, SPPs,
 * taxes, an amendment in some, monthly closings and the year's closing —
 * all as commands through the ledger, like users issue them. Deterministic;
 * repeating it (after an interruption) resumes without writing twice.
 */
export async function seedDemo(store: EventStore, options: SeedOptions): Promise<SeedSummary> {
  const catalog = options.reference ?? new ReferenceCatalog();
  const reference = catalog.get(DEMO_YEAR, DEMO_REGENCY.code);
  const template = loadVillageTemplate(DEMO_YEAR);
  const { seeded: villages, empty } = spreadVillages(reference, options.villages);
  const full = villages.slice(0, Math.min(options.fullYear, villages.length));
  const progress = options.onProgress ?? (() => undefined);
  const concurrency = options.concurrency ?? 16;

  const users = demoUsers(
    DEMO_REGENCY.code,
    [...reference.districts.keys()],
    [...villages, ...empty],
  );
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
  const extentOf = (index: number): ScenarioExtent =>
    index >= full.length
      ? 'budget'
      : index % AMENDING_EVERY === AMENDING_EVERY - 1
        ? 'amendment'
        : 'year';
  const scenarios = villages.map((village, index) => ({
    village,
    steps: demoVillageScenario(reference, template, village, index, extentOf(index)).steps,
  }));
  const stepsOf = (phase: ScenarioPhase) =>
    scenarios
      .map(({ village, steps }) => ({ village, steps: steps.filter((s) => s.phase === phase) }))
      .filter(({ steps }) => steps.length > 0);
  // The regency stream takes one village at a time; village streams are written side by side.
  const phases: [SeedProgress['phase'], ScenarioPhase, number][] = [
    ['allocations', 'allocations', 1],
    ['budgets', 'budget', concurrency],
    ['transfers', 'transfers', 1],
    ['year', 'year', concurrency],
  ];

  await writer.run(villages[0]!.code, [
    {
      stream: 'regency',
      phase: 'allocations',
      role: 'regencyFinance',
      type: 'OpenRegencyFiscalYear',
      payload: {},
      commandId: 'open-regency',
    },
  ]);
  for (const [progressPhase, phase, parallel] of phases) {
    const work = stepsOf(phase);
    let done = 0;
    progress({ phase: progressPhase, done, total: work.length });
    await forEachConcurrently(work, parallel, async ({ village, steps }) => {
      await writer.run(village.code, steps);
      progress({ phase: progressPhase, done: ++done, total: work.length });
    });
  }
  await registerDemoUsers(access, administrators);
  return {
    regencyCode: DEMO_REGENCY.code,
    fiscalYear: DEMO_YEAR,
    villages: villages.length,
    fullYear: full.length,
    emptyVillages: empty.map((village) => village.code),
    commands: writer.commands,
  };
}
