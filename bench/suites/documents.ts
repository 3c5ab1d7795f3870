import { createWriteStream, statSync } from 'node:fs';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { villageLedger } from '../../projections/read-models/village-ledger';
import { fundFlowReport } from '../../src/reports/fund-flow/fund-flow-report';
import { fundFlowTables } from '../../src/reports/fund-flow/fund-flow-tables';
import { renderCsv } from '../../src/reports/render/csv';
import type { ReportDocument } from '../../src/reports/render/document';
import { writePdf } from '../../src/reports/render/pdf';
import type { ReportTable } from '../../src/reports/render/table';
import { writeWorkbook } from '../../src/reports/render/xlsx';
import { startHarness } from '../../tests/projections/support/harness';
import {
  generateVillage,
  regencyReference,
} from '../../tests/projections/support/regency-scenario';
import { openRegency } from '../../tests/support/realistic-village';
import { tempDir } from '../../tests/support/temp-dir';
import { YEAR } from '../../tests/support/village-fixtures';
import { median, printTable, round } from '../stats';

/**
 * The regency fund-flow report of 200 villages as a document: its xlsx (with
 * print setup and signature block) and its PDF, each timed from the built
 * tables to the last byte on disk. Baselines in the same run: the same
 * tables as CSV (no layout at all) and as the xlsx without the document
 * frame, so a slower machine moves both sides.
 */
const VILLAGES = 200;
/** The demo regency's own villages; the scenario invents the rest. */
const DEMO_VILLAGES = 7;
const ROUNDS = Number(process.env.BENCH_DOCUMENT_ROUNDS ?? 5);
const LIMITS = { xlsxMs: 2_000, pdfMs: 5_000 };

const DOCUMENT: ReportDocument = {
  paper: 'F4',
  place: 'Sukamakmur',
  date: `${YEAR}-12-31`,
  signatories: [
    {
      heading: '',
      title: 'Kepala Badan Pengelolaan Keuangan dan Aset Daerah Kabupaten Sukamakmur',
      name: 'Pejabat Bench',
    },
  ],
};

async function timed(rounds: number, run: (round: number) => Promise<void>) {
  const times: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    const started = process.hrtime.bigint();
    await run(round);
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return { medianMs: round(median(times), 0), maxMs: round(Math.max(...times), 0) };
}

async function regencyTables(): Promise<ReportTable[]> {
  const generated = regencyReference(VILLAGES - DEMO_VILLAGES);
  const harness = await startHarness(generated.reference, generated.catalog);
  try {
    await openRegency(harness.ledger);
    const codes = [...generated.reference.villages.keys()];
    for (const [index, code] of codes.entries()) await generateVillage(harness.ledger, code, index);
    await harness.settle();
    const { engine, projections } = harness;
    const ledgers = engine.state(projections.villageLedger);
    return fundFlowTables(
      fundFlowReport(
        engine.state(projections.fundFlow),
        generated.reference,
        (code) => villageLedger(ledgers, code, YEAR)?.fold,
      ),
    );
  } finally {
    await harness.stop();
    generated.remove();
  }
}

export async function documentsBench(): Promise<Record<string, unknown>> {
  const temp = tempDir('kasdesa-documents-');
  try {
    const tables = await regencyTables();
    const rows = tables.reduce((sum, table) => sum + table.rows.length, 0);
    const file = (name: string) => join(temp.dir, name);
    const csv = await timed(ROUNDS, async (n) => {
      const out = createWriteStream(file(`plain-${n}.csv`));
      out.end(tables.map(renderCsv).join('\r\n'));
      await finished(out);
    });
    const plainXlsx = await timed(ROUNDS, (n) =>
      writeWorkbook(tables, { filename: file(`plain-${n}.xlsx`) }),
    );
    const xlsx = await timed(ROUNDS, (n) =>
      writeWorkbook(tables, { filename: file(`document-${n}.xlsx`) }, DOCUMENT),
    );
    const pdf = await timed(ROUNDS, (n) =>
      writePdf(tables, createWriteStream(file(`document-${n}.pdf`)), DOCUMENT),
    );
    const figures = {
      villages: VILLAGES,
      sheets: tables.length,
      rows,
      rounds: ROUNDS,
      baselineCsv: csv,
      baselineXlsxWithoutDocument: plainXlsx,
      xlsx: {
        ...xlsx,
        bytes: statSync(file('document-0.xlsx')).size,
        target: `≤ ${LIMITS.xlsxMs} ms`,
        met: xlsx.maxMs <= LIMITS.xlsxMs,
      },
      pdf: {
        ...pdf,
        bytes: statSync(file('document-0.pdf')).size,
        target: `≤ ${LIMITS.pdfMs} ms`,
        met: pdf.maxMs <= LIMITS.pdfMs,
      },
    };
    printTable([
      { figure: 'rows (all sheets)', value: rows },
      { figure: 'CSV median ms (baseline)', value: csv.medianMs },
      { figure: 'xlsx without document median ms (baseline)', value: plainXlsx.medianMs },
      { figure: 'xlsx document median / max ms', value: `${xlsx.medianMs} / ${xlsx.maxMs}` },
      { figure: 'PDF median / max ms', value: `${pdf.medianMs} / ${pdf.maxMs}` },
    ]);
    return figures;
  } finally {
    temp.remove();
  }
}
