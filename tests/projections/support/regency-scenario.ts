import { appendFileSync, cpSync } from 'node:fs';
import { join } from 'node:path';
import type { Ledger } from '../../../src/app/ledger';
import {
  DEFAULT_REFERENCE_ROOT,
  loadReferenceData,
  ReferenceCatalog,
} from '../../../src/app/load-reference-data';
import { rupiah, toAmountText } from '../../../src/domain/shared/money';
import {
  allocationCommand,
  draftLineCommand,
  spendingLineCommand,
  enactmentCommands,
  perbup,
  rkpdesActivityCommand,
} from '../../../src/scenario/budget-commands';
import { transferCommand } from '../../../src/scenario/execution-commands';
import { commandDraft } from '../../../src/scenario/scenario-step';
import { runDrafts } from '../../support/scenario-driver';
import { tempDir } from '../../support/temp-dir';
import { REGENCY, YEAR } from '../../support/village-fixtures';

export const VILLAGE_COUNT = 20;
const DISTRICTS = ['35.10.01', '35.10.02', '35.10.03'];

/** The demo reference data with 13 more (invented) villages: 20 in three districts. */
export const twentyVillageReference = () => regencyReference(13);

/** The demo reference data with `extra` more (invented) villages spread over three districts. */
export function regencyReference(extra: number) {
  const temp = tempDir('kasdesa-reference-');
  cpSync(DEFAULT_REFERENCE_ROOT, temp.dir, { recursive: true });
  const regions = join(temp.dir, `${YEAR}/regencies/${REGENCY}/regions.jsonl`);
  for (let index = 0; index < extra; index += 1) {
    const district = DISTRICTS[index % DISTRICTS.length]!;
    const row = {
      level: 'village',
      code: `${district}.${2100 + index}`,
      name: `Desa Contoh ${index + 1}`,
      status: 'berkembang',
      demo: true,
    };
    appendFileSync(regions, `${JSON.stringify(row)}\n`);
  }
  const reference = loadReferenceData(YEAR, REGENCY, temp.dir);
  return {
    reference,
    catalog: new ReferenceCatalog(temp.dir),
    dir: temp.dir,
    remove: temp.remove,
  };
}

const MILLION = 1_000_000n;
const amount = (rupiahs: bigint) => toAmountText(rupiah(rupiahs.toString()));

/** What village number `index` budgets, receives and when it enacts: deterministic, varied. */
export function villagePlan(index: number) {
  const dds = (600n + 10n * BigInt(index)) * MILLION;
  const blt = 100n * MILLION;
  return {
    allocations: {
      DDS: amount(dds),
      ADD: amount((300n + 5n * BigInt(index)) * MILLION),
      PBH: amount((40n + BigInt(index)) * MILLION),
    },
    blt: amount(blt),
    road: amount(dds - blt),
    transfers: [
      ...(index % 3 !== 2
        ? [{ source: 'DDS', stage: 1, amount: amount(150n * MILLION), date: '2025-03-14' }]
        : []),
      ...(index % 2 === 0
        ? [{ source: 'ADD', stage: 1, amount: amount(75n * MILLION), date: '2025-02-10' }]
        : []),
    ],
    /** null: never enacted. */
    enactedOn: index % 7 === 6 ? null : index % 5 === 4 ? '2025-01-20' : '2024-12-20',
  };
}

/** Allocations, transfers, the plan and (usually) an enacted APBDes for one village. */
export async function generateVillage(
  ledger: Ledger,
  villageCode: string,
  index: number,
): Promise<void> {
  const plan = villagePlan(index);
  const legalReference = perbup('5 Tahun 2024', '2024-11-29');
  await runDrafts(ledger, villageCode, 'regency', 'allocations', [
    ...Object.entries(plan.allocations).map(([source, value]) =>
      allocationCommand(villageCode, source, value, legalReference),
    ),
    commandDraft('PlanDanaDesaStages', 'stages', {
      villageCode,
      source: 'DDS',
      earmarks: [
        { earmark: 'non-earmarked', amount: plan.road },
        { earmark: 'blt', amount: plan.blt },
      ],
    }),
    ...plan.transfers.map((t) =>
      transferCommand({ villageCode, ...t, reference: `SP2D ${villageCode}/${t.source}` }),
    ),
  ]);
  const activity = (activityId: string, kegiatanCode: string, source: string, cost: string) =>
    rkpdesActivityCommand({
      activityId,
      kegiatanCode,
      name: `Kegiatan ${activityId}`,
      hamlet: 'Krajan',
      beneficiaries: { description: 'Warga', count: 100 },
      estimatedCosts: [{ source, amount: cost }],
    });
  const line = (kind: 'revenue', lineId: string, account: string, source: string, amount: string) =>
    draftLineCommand({ kind, lineId, account, source, amount, description: lineId });
  const spend = (
    lineId: string,
    activityId: string,
    account: string,
    source: string,
    value: string,
    earmark?: string,
  ) =>
    spendingLineCommand({
      lineId,
      activityId,
      account,
      source,
      earmark,
      volume: '1',
      unit: 'paket',
      unitPrice: value,
    });
  const { DDS, ADD, PBH } = plan.allocations;
  const lifecycle = enactmentCommands(villageCode, 'awal', {
    dates: ['2024-10-10', '2024-10-20', '2024-10-22', '2024-11-12', plan.enactedOn ?? '', ''],
    numbers: [`BA/${index}`, `EV/${index}`, `${index + 1} Tahun 2024`, ''],
  });
  await runDrafts(ledger, villageCode, 'village', 'budget', [
    commandDraft('OpenVillageFiscalYear', 'open', {
      openingBalances: { cashOnHand: '0', bank: '0' },
      silpa: [],
    }),
    activity('jalan', '02.03.10', 'DDS', plan.road),
    activity('blt', '05.03.01', 'DDS', plan.blt),
    activity('siltap', '01.01.01', 'ADD', ADD),
    activity('kantor', '01.02.02', 'PBH', PBH),
    commandDraft('StartApbdesDraft', 'draft', {}),
    line('revenue', 'r-dds', '4.2.1.01', 'DDS', DDS),
    line('revenue', 'r-add', '4.2.3.01', 'ADD', ADD),
    line('revenue', 'r-pbh', '4.2.2.01', 'PBH', PBH),
    spend('s-jalan', 'jalan', '5.3.5.03', 'DDS', plan.road, 'non-earmarked'),
    spend('s-blt', 'blt', '5.4.1.01', 'DDS', plan.blt, 'blt'),
    spend('s-siltap', 'siltap', '5.1.1.01', 'ADD', ADD),
    spend('s-kantor', 'kantor', '5.2.6.04', 'PBH', PBH),
    // The BPD, the camat and (unless never enacted) the Perdes; no Penjabaran here.
    ...lifecycle.slice(0, plan.enactedOn ? 5 : 4),
  ]);
}
