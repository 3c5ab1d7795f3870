import type {
  DistrictFlowReport,
  FlowTotals,
  FundFlowReport,
} from '../../projections/fund-flow-report';
import { FUND_ORIGINS } from '../../projections/fund-flow-report';
import { ORIGIN_LABELS } from './labels';
import { refsTo, sumOf, type Column, type Formula, type ReportTable, type TableRow } from './table';

const SUMMARY = 'Ringkasan';

function columnsFor(stageNumbers: number[]): Column[] {
  const amount = (key: string, header: string): Column => ({
    key,
    header,
    kind: 'amount',
    width: 18,
  });
  return [
    { key: 'code', header: 'Kode', kind: 'text', width: 16 },
    { key: 'description', header: 'Uraian', kind: 'text', width: 32 },
    { key: 'source', header: 'Sumber Dana', kind: 'text', width: 12 },
    { key: 'origin', header: 'Asal Dana', kind: 'text', width: 20 },
    amount('allocation', 'Pagu Alokasi (Rp)'),
    ...stageNumbers.flatMap((stage) => [
      amount(`planned${stage}`, `Rencana Tahap ${stage} (Rp)`),
      amount(`transferred${stage}`, `Disalurkan Tahap ${stage} (Rp)`),
    ]),
    amount('transferred', 'Jumlah Disalurkan (Rp)'),
    amount('remaining', 'Sisa Pagu Belum Disalurkan (Rp)'),
    amount('received', 'Diterima Desa (Rp)'),
    amount('budgeted', 'Dianggarkan Belanja (Rp)'),
    amount('spent', 'Dibelanjakan (Rp)'),
    amount('cashRemaining', 'Sisa Kas (Rp)'),
    amount('openingSilpa', 'SiLPA Tahun Lalu (Rp)'),
  ];
}

function amountCells(totals: FlowTotals): TableRow['cells'] {
  const cells: TableRow['cells'] = {
    allocation: totals.allocation,
    transferred: totals.transferred,
    remaining: totals.remaining,
    received: totals.received,
    budgeted: totals.budgeted,
    spent: totals.spent,
    cashRemaining: totals.cashRemaining,
    openingSilpa: totals.openingSilpa,
  };
  for (const stage of totals.stages) {
    cells[`planned${stage.stage}`] = stage.planned;
    cells[`transferred${stage.stage}`] = stage.transferred;
  }
  return cells;
}

function everyAmount(columns: Column[], formula: Formula): Record<string, Formula> {
  return Object.fromEntries(
    columns.filter((c) => c.kind === 'amount').map((c) => [c.key, formula]),
  );
}

/**
 * The regency fund-flow workbook, allocation → transferred: a summary sheet
 * (districts, sources, origins) and one sheet per district (villages × sources).
 */
export function fundFlowTables(report: FundFlowReport): ReportTable[] {
  const columns = columnsFor(report.stageNumbers);
  const districts = report.districts.map((district) => districtTable(district, report, columns));
  return [summaryTable(report, columns), ...districts];
}

const sourceRowId = (source: string) => `source:${source}`;

function districtTable(
  district: DistrictFlowReport,
  report: FundFlowReport,
  columns: Column[],
): ReportTable {
  const rows: TableRow[] = [];
  const idsBySource = new Map<string, string[]>();
  for (const village of district.villages) {
    for (const flow of village.sources) {
      const id = `${village.villageCode}|${flow.source}`;
      rows.push({
        id,
        style: 'detail',
        cells: {
          code: village.villageCode,
          description: village.villageName,
          source: flow.source,
          origin: ORIGIN_LABELS[flow.origin],
          ...amountCells(flow),
        },
      });
      idsBySource.set(flow.source, [...(idsBySource.get(flow.source) ?? []), id]);
    }
  }
  const sourceIds = Object.entries(district.bySource).map(([source, totals]) => {
    rows.push({
      id: sourceRowId(source),
      style: 'group',
      cells: { description: `Jumlah ${source}`, source, ...amountCells(totals) },
      formulas: everyAmount(columns, sumOf(idsBySource.get(source) ?? [])),
    });
    return sourceRowId(source);
  });
  rows.push({
    id: 'total',
    style: 'total',
    cells: {
      code: district.districtCode,
      description: `Jumlah Kecamatan ${district.districtName}`,
      ...amountCells(district.totals),
    },
    formulas: everyAmount(columns, sumOf(sourceIds)),
  });
  return {
    name: district.districtName,
    title: [
      'Aliran Dana APBN/APBD ke Desa',
      `Kecamatan ${district.districtName}, ${report.regency.name} — Tahun Anggaran ${report.fiscalYear}`,
    ],
    columns,
    rows,
    landscape: true,
  };
}

function summaryTable(report: FundFlowReport, columns: Column[]): ReportTable {
  const rows: TableRow[] = [];
  const districtIds = report.districts.map((district) => {
    const id = `district:${district.districtCode}`;
    rows.push({
      id,
      style: 'detail',
      cells: {
        code: district.districtCode,
        description: `Kecamatan ${district.districtName}`,
        ...amountCells(district.totals),
      },
      formulas: everyAmount(columns, { sum: [{ table: district.districtName, rowId: 'total' }] }),
    });
    return id;
  });
  rows.push({
    id: 'total',
    style: 'total',
    cells: {
      code: report.regency.code,
      description: `Jumlah ${report.regency.name}`,
      ...amountCells(report.totals),
    },
    formulas: everyAmount(columns, sumOf(districtIds)),
  });
  rows.push({ style: 'heading', cells: { description: 'Per Sumber Dana' } });
  const idsByOrigin = new Map<string, string[]>();
  for (const [source, totals] of Object.entries(report.bySource)) {
    const origin = report.sourceOrigins[source];
    rows.push({
      id: sourceRowId(source),
      style: 'detail',
      cells: {
        description: source,
        source,
        origin: origin ? ORIGIN_LABELS[origin] : null,
        ...amountCells(totals),
      },
      formulas: everyAmount(columns, {
        sum: report.districts.map((d) => ({ table: d.districtName, rowId: sourceRowId(source) })),
      }),
    });
    if (origin) idsByOrigin.set(origin, [...(idsByOrigin.get(origin) ?? []), sourceRowId(source)]);
  }
  rows.push({ style: 'heading', cells: { description: 'Per Asal Dana' } });
  const originIds = FUND_ORIGINS.map((origin) => {
    const id = `origin:${origin}`;
    rows.push({
      id,
      style: 'detail',
      cells: {
        description: ORIGIN_LABELS[origin],
        origin: ORIGIN_LABELS[origin],
        ...amountCells(report.byOrigin[origin]),
      },
      formulas: everyAmount(columns, { sum: refsTo(idsByOrigin.get(origin) ?? []) }),
    });
    return id;
  });
  rows.push({
    id: 'origins-total',
    style: 'total',
    cells: { description: 'Jumlah Semua Asal Dana', ...amountCells(report.totals) },
    formulas: everyAmount(columns, sumOf(originIds)),
  });
  return {
    name: SUMMARY,
    title: [
      'Aliran Dana APBN/APBD ke Desa',
      `${report.regency.name} — Tahun Anggaran ${report.fiscalYear}`,
    ],
    columns,
    rows,
    landscape: true,
  };
}
