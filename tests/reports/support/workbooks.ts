import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { apbdesVersion } from '../../../projections/read-models/apbdes-documents';
import { diffVersions } from '../../../src/reports/apbdes/apbdes-diff';
import { monitoringReport } from '../../../src/reports/monitoring/monitoring-report';
import { villageModel } from '../../../projections/read-models/village-stream-projection';
import { apbdesTables, versionDiffTable } from '../../../src/reports/apbdes/apbdes-tables';
import {
  fundFlowTables,
  villageFundFlowTables,
} from '../../../src/reports/fund-flow/fund-flow-tables';
import { monitoringTables } from '../../../src/reports/monitoring/monitoring-tables';
import { planningTrailTable } from '../../../src/reports/planning-trail/planning-trail-tables';
import { createAccessService, SYSTEM_ACTOR } from '../../../src/access/access-service';
import type { ReferenceData } from '../../../src/domain/reference/reference-data';
import type { EventStore } from '../../../src/eventstore/port';
import type { ReportDocument } from '../../../src/reports/render/document';
import { reportDocument } from '../../../src/reports/signatories';
import type { ReportTable } from '../../../src/reports/render/table';
import { writeWorkbook } from '../../../src/reports/render/xlsx';
import { YEAR } from '../../support/village-fixtures';
import { startHarness } from '../../projections/support/harness';
import { monthBooks } from '../../../src/reports/books/books-report';
import {
  fundFlowReport,
  villageFundFlowReport,
} from '../../../src/reports/fund-flow/fund-flow-report';
import { fullYear, semesterOne } from '../../../src/reports/realisation/periods';
import { regencyRealisation } from '../../../src/reports/realisation/regency-realisation';
import { villageRealisation } from '../../../src/reports/realisation/village-realisation';
import {
  activityRealisation,
  danaDesaAbsorption,
} from '../../../src/reports/activity-realisation/activity-realisation';
import { villageLedger } from '../../../projections/read-models/village-ledger';
import { monthBookTables } from '../../../src/reports/books/book-tables';
import {
  regencyRealisationTables,
  villageRealisationTable,
} from '../../../src/reports/realisation/realisation-tables';
import { activityRealisationTable } from '../../../src/reports/activity-realisation/activity-realisation-tables';
import { sppRegisterTable } from '../../../src/reports/spp-register/spp-register-tables';
import { VILLAGE } from '../../support/village-fixtures';
import { runVillageFullYear } from '../../support/village-full-year';
import {
  generateVillage,
  twentyVillageReference,
} from '../../projections/support/regency-scenario';

export interface GeneratedWorkbook {
  file: string;
  tables: ReportTable[];
  document: ReportDocument;
}

/** A village's signature block with a name and a line to write one. */
export const VILLAGE_DOCUMENT: ReportDocument = {
  paper: 'A4',
  place: 'Sukamaju',
  date: '2025-07-15',
  signatories: [
    { heading: 'Mengetahui,', title: 'Kepala Desa Sukamaju', name: 'Sri Wahyuningsih' },
    { heading: '', title: 'Kaur Keuangan', name: null },
  ],
};
/** The regency's signing office as its policy rows title it (not the default written in code). */
export const REGENCY_SIGNATORY_TITLE =
  'Kepala Badan Pengelolaan Keuangan dan Aset Daerah Kabupaten Banyuwangi';
const REGENCY_SIGNING_DATE = '2025-08-01';

/**
 * The regency reports' frame as a report request makes it (reportDocument):
 * its paper (F4) and signing office from the policy, and the regency finance
 * officer the access stream records.
 */
async function regencyDocument(store: EventStore, reference: ReferenceData) {
  await createAccessService({ store, regencyCode: reference.regency.code }).execute(
    SYSTEM_ACTOR,
    'register-regency-finance',
    'RegisterUser',
    {
      userId: 'dpmd',
      username: 'dpmd',
      displayName: 'Hendra Kusuma',
      role: 'regencyFinance',
      scope: reference.regency.code,
      passwordHash: 'scrypt$1$2$3$c2FsdA$aGFzaA',
    },
  );
  const policy = {
    ...reference.policy,
    reportPaper: 'F4' as const,
    regencySignatoryTitle: REGENCY_SIGNATORY_TITLE,
  };
  return reportDocument(store, {
    scope: 'regency',
    code: reference.regency.code,
    reference: { ...reference, policy },
    date: REGENCY_SIGNING_DATE,
  });
}

const REGENCY_FILES = new Set(['fund-flow.xlsx', 'regency-realisation.xlsx', 'monitoring.xlsx']);

/**
 * The report workbooks of a 20-village regency whose first village lives the
 * full realistic year: the village's APBDes (Perubahan 1), the version
 * comparison and planning trail, its fund flow with every transfer receipt,
 * its books of March, SPP register and realisation reports; the regency fund
 * flow, realisation and monitoring.
 */
export async function generateWorkbooks(dir: string): Promise<GeneratedWorkbook[]> {
  const generated = twentyVillageReference();
  const { reference } = generated;
  const harness = await startHarness(reference, generated.catalog);
  try {
    const [realistic, ...others] = [...reference.villages.keys()];
    if (realistic !== VILLAGE)
      throw new Error(`the realistic village must come first: ${realistic}`);
    await runVillageFullYear(harness.ledger);
    for (const [index, code] of others.entries())
      await generateVillage(harness.ledger, code, index);
    await harness.settle();
    const { engine, projections } = harness;
    const version = (label: string) =>
      apbdesVersion(engine.state(projections.apbdesDocuments), realistic!, YEAR, label)!;
    const trail = villageModel(engine.state(projections.planningTrail), realistic!, YEAR)!;
    const identity = trail.identity;
    const ledgers = engine.state(projections.villageLedger);
    const ledger = villageLedger(ledgers, VILLAGE, YEAR)!;
    const villageStates = (code: string) => villageLedger(ledgers, code, YEAR)?.fold;
    const workbooks: Omit<GeneratedWorkbook, 'document'>[] = [
      {
        file: 'apbdes.xlsx',
        tables: [
          ...apbdesTables(version('Perubahan 1'), identity),
          versionDiffTable(diffVersions(version('APBDes awal'), version('Perubahan 1')), identity),
          planningTrailTable(trail),
        ],
      },
      {
        file: 'fund-flow.xlsx',
        tables: fundFlowTables(
          fundFlowReport(engine.state(projections.fundFlow), reference, villageStates),
        ),
      },
      {
        file: 'village-fund-flow.xlsx',
        tables: villageFundFlowTables(
          villageFundFlowReport(
            engine.state(projections.fundFlow),
            reference,
            VILLAGE,
            villageStates,
          )!,
        ),
      },
      {
        file: 'books.xlsx',
        tables: [
          ...monthBookTables(monthBooks(ledger, reference, `${YEAR}-03`)),
          sppRegisterTable(ledger.fold, identity, `${YEAR}-03`),
        ],
      },
      {
        file: 'village-realisation.xlsx',
        tables: [
          villageRealisationTable(villageRealisation(ledger.fold, reference, semesterOne(YEAR))),
          activityRealisationTable(activityRealisation(ledger.fold, reference, fullYear(YEAR))),
          activityRealisationTable(
            danaDesaAbsorption(ledger.fold, reference, semesterOne(YEAR)),
            true,
          ),
        ],
      },
      {
        file: 'regency-realisation.xlsx',
        tables: regencyRealisationTables(
          regencyRealisation(villageStates, reference, fullYear(YEAR)),
        ),
      },
      {
        file: 'monitoring.xlsx',
        tables: monitoringTables(
          monitoringReport(
            engine.state(projections.regencyMonitoring),
            reference,
            REGENCY_SIGNING_DATE,
            undefined,
            villageStates,
          ),
        ),
      },
    ];
    mkdirSync(dir, { recursive: true });
    const regency = await regencyDocument(harness.store, reference);
    const documented = workbooks.map((workbook) => ({
      ...workbook,
      document: REGENCY_FILES.has(workbook.file) ? regency : VILLAGE_DOCUMENT,
    }));
    for (const workbook of documented)
      await writeWorkbook(
        workbook.tables,
        { filename: join(dir, workbook.file) },
        workbook.document,
      );
    return documented;
  } finally {
    await harness.stop();
    generated.remove();
  }
}
