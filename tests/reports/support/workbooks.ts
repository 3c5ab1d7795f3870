import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { apbdesVersion } from '../../../projections/apbdes-documents';
import { diffVersions } from '../../../projections/apbdes-diff';
import { fundFlowReport } from '../../../projections/fund-flow-report';
import { monitoringReport } from '../../../projections/monitoring-report';
import { villageModel } from '../../../projections/village-stream-projection';
import { apbdesTables, versionDiffTable } from '../../../src/reports/apbdes-tables';
import { fundFlowTables } from '../../../src/reports/fund-flow-tables';
import { monitoringTables } from '../../../src/reports/monitoring-tables';
import { planningTrailTable } from '../../../src/reports/planning-trail-tables';
import type { ReportTable } from '../../../src/reports/table';
import { formulaCells, writeWorkbook } from '../../../src/reports/xlsx';
import { YEAR } from '../../support/village-fixtures';
import { startHarness } from '../../projections/support/harness';
import { openRegency, realisticVillage } from '../../projections/support/realistic-village';
import {
  generateVillage,
  twentyVillageReference,
} from '../../projections/support/regency-scenario';

export interface GeneratedWorkbook {
  file: string;
  tables: ReportTable[];
}

/**
 * The report workbooks of a 20-village regency whose first village lives the
 * realistic year: the village's APBDes (Perubahan 1), the version comparison
 * and planning trail; the regency fund flow and monitoring.
 */
export async function generateWorkbooks(dir: string): Promise<GeneratedWorkbook[]> {
  const generated = twentyVillageReference();
  const { reference } = generated;
  const harness = await startHarness(reference, generated.catalog);
  try {
    const [realistic, ...others] = [...reference.villages.keys()];
    await openRegency(harness.ledger);
    await realisticVillage(harness.ledger, realistic!);
    for (const [index, code] of others.entries())
      await generateVillage(harness.ledger, code, index);
    await harness.settle();
    const { engine, projections } = harness;
    const version = (label: string) =>
      apbdesVersion(engine.state(projections.apbdesDocuments), realistic!, YEAR, label)!;
    const trail = villageModel(engine.state(projections.planningTrail), realistic!, YEAR)!;
    const identity = trail.identity;
    const workbooks: GeneratedWorkbook[] = [
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
        tables: fundFlowTables(fundFlowReport(engine.state(projections.fundFlow), reference)),
      },
      {
        file: 'monitoring.xlsx',
        tables: monitoringTables(
          monitoringReport(engine.state(projections.regencyMonitoring), reference, '2025-02-01'),
        ),
      },
    ];
    mkdirSync(dir, { recursive: true });
    for (const workbook of workbooks)
      await writeWorkbook(workbook.tables, { filename: join(dir, workbook.file) });
    return workbooks;
  } finally {
    await harness.stop();
    generated.remove();
  }
}

/** What the LibreOffice check compares: every formula cell's expected value, per workbook. */
export function writeExpectations(dir: string, workbooks: GeneratedWorkbook[]): void {
  const expected = workbooks.map((workbook) => ({
    file: workbook.file,
    cells: formulaCells(workbook.tables),
  }));
  writeFileSync(join(dir, 'expected.json'), JSON.stringify(expected, null, 2));
}
