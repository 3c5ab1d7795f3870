import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createLedger, type Ledger } from '../../src/app/ledger';
import { DEFAULT_REFERENCE_ROOT, ReferenceCatalog } from '../../src/app/load-reference-data';
import { type ProjectService } from '../../src/app/project-service';
import { monitoringPolicySchema } from '../../src/domain/projects/policy';
import { createMemoryStore } from '../../src/eventstore/memory';
import { villageRoad, projectServiceOver } from '../support/project-fixtures';
import {
  draftSpp,
  REGENCY,
  VILLAGE,
  YEAR,
  roadFirstTranchePaid,
  roadLines,
} from '../support/village-fixtures';

const TPK = { id: 'tpk', role: 'activityExecutor', displayName: 'TPK' };
const REGENCY_FINANCE = { id: 'bpkad', role: 'regencyFinance', displayName: 'BPKAD' };

const apbdRoad = villageRoad({
  villageCode: VILLAGE,
  projectId: 'aspal-krajan-apbd-2025',
  channel: 'apbd',
  kegiatanCode: '1.03.10',
  title: 'Pengaspalan jalan Krajan (APBD)',
  budget: [{ fundSource: 'APBD', amount: '250000000.00' }],
});

/**
 * A village whose road activity (kegiatan 02.03.10) has its first tranche
 * paid, and the road's project; `before` registers projects ahead of it.
 */
async function villageWithRoad(
  policy: object | undefined,
  before: (projects: ProjectService) => Promise<unknown> = async () => undefined,
  reference = new ReferenceCatalog(),
) {
  const store = createMemoryStore();
  const projects = projectServiceOver(store, {
    reference,
    ...(policy ? { policy: monitoringPolicySchema.parse({ photoSteps: [], ...policy }) } : {}),
  });
  const ledger = createLedger({ store, reference, projects });
  await roadFirstTranchePaid(ledger);
  await before(projects);
  const project = villageRoad({ villageCode: VILLAGE, kegiatanCode: '02.03.10' });
  await projects.handle(TPK, 'register', 'RegisterVillageProject', project);
  return { ledger, projects, projectId: project.projectId };
}

const report = (projects: ProjectService, projectId: string, percent: number, day: number) =>
  projects.handle(TPK, `report-${percent}`, 'ReportProgress', {
    projectId,
    reportDate: `2025-04-${String(day).padStart(2, '0')}`,
    percent,
    realisedVolume: String(percent),
    workers: 5,
    workingDays: 3,
  });

const secondTranche = (ledger: Ledger) =>
  ledger.executeVillageCommand(
    VILLAGE,
    YEAR,
    draftSpp('SPP-2', 'LS', 'road', roadLines('1000000')),
  );

describe('the ledger reads the project read side for the disbursement gate', () => {
  it('drafts a later tranche as before when the policy sets no gate', async () => {
    const { ledger } = await villageWithRoad({});
    const outcome = await secondTranche(ledger);
    expect(outcome.events.map((event) => event.type)).toEqual(['PaymentRequestDrafted']);
  });

  it('refuses a later tranche until the project has reported the step, then drafts it', async () => {
    const { ledger, projects, projectId } = await villageWithRoad({
      disbursementGate: { percent: 50 },
    });
    await report(projects, projectId, 30, 10);
    await expect(secondTranche(ledger)).rejects.toMatchObject({
      rule: 'PAYMENT_PROJECT_PROGRESS',
      field: 'activityId',
      value: 'road',
      messages: {
        id: expect.stringContaining(
          'proyek rabat-krajan-2025 "Rabat beton jalan Dusun Krajan": kemajuan 30 %, tahap berikutnya memerlukan 50 %',
        ),
      },
    });
    await report(projects, projectId, 50, 20);
    const outcome = await secondTranche(ledger);
    expect(outcome.events.map((event) => event.type)).toEqual(['PaymentRequestDrafted']);
  });
});

describe('the ledger holds the payments of the later project of an open suspicion', () => {
  const registerApbd = (projects: ProjectService) =>
    projects.handle(REGENCY_FINANCE, 'register-apbd', 'RegisterRegencyProject', apbdRoad);

  it('refuses the village road registered after the regency asphalted it, until the suspicion is cleared', async () => {
    const { ledger, projects, projectId } = await villageWithRoad(
      { suspicionBlocksPayment: true },
      registerApbd,
    );
    const suspicionId = `${projectId}~${apbdRoad.projectId}`;
    await expect(secondTranche(ledger)).rejects.toMatchObject({
      rule: 'PAYMENT_SUSPICION_OPEN',
      messages: {
        id: expect.stringContaining(
          `dugaan duplikasi ${suspicionId}: proyek ${projectId} "Rabat beton jalan Dusun Krajan" diduga sama dengan proyek aspal-krajan-apbd-2025 "Pengaspalan jalan Krajan (APBD)"`,
        ),
      },
    });
    await projects.handle(REGENCY_FINANCE, 'clear', 'ClearDuplicateSuspicion', {
      projectId,
      suspicionId,
      reason: 'Segmen berbeda: APBD km 0-1, Dana Desa km 1-1,25',
    });
    const outcome = await secondTranche(ledger);
    expect(outcome.events.map((event) => event.type)).toEqual(['PaymentRequestDrafted']);
  });

  it('pays the earlier project of the pair', async () => {
    const { ledger, projects } = await villageWithRoad({ suspicionBlocksPayment: true });
    await registerApbd(projects);
    expect((await projects.get(apbdRoad.projectId))?.suspicions).toEqual([
      expect.objectContaining({ status: 'open' }),
    ]);
    const outcome = await secondTranche(ledger);
    expect(outcome.events.map((event) => event.type)).toEqual(['PaymentRequestDrafted']);
  });
});

describe("the gates follow the fiscal year's reference policy when no override is set", () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(path.join(tmpdir(), 'kasdesa-ref-'));
    cpSync(DEFAULT_REFERENCE_ROOT, root, { recursive: true });
    const row = { parameter: 'monitoring', photoSteps: [], disbursementGate: { percent: 60 } };
    appendFileSync(
      path.join(root, `${YEAR}/regencies/${REGENCY}/policy.jsonl`),
      `${JSON.stringify(row)}\n`,
    );
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('refuses a later tranche below the step the policy row of the year names', async () => {
    const { ledger, projects, projectId } = await villageWithRoad(
      undefined,
      undefined,
      new ReferenceCatalog(root),
    );
    await report(projects, projectId, 50, 10);
    await expect(secondTranche(ledger)).rejects.toMatchObject({
      rule: 'PAYMENT_PROJECT_PROGRESS',
      messages: { en: expect.stringContaining('progress 50 %, the next tranche needs 60 %') },
    });
  });

  it('keeps the defaults with the shipped reference data, which has no monitoring row', async () => {
    const { ledger, projects, projectId } = await villageWithRoad(undefined);
    // The default photo step at 0 % applies, and no payment gate.
    await expect(report(projects, projectId, 0, 10)).rejects.toMatchObject({
      rule: 'PROGRESS_PHOTOS_REQUIRED',
    });
    const outcome = await secondTranche(ledger);
    expect(outcome.events.map((event) => event.type)).toEqual(['PaymentRequestDrafted']);
  });
});
