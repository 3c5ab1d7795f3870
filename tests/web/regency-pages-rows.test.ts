import type { ExecutionMonitoring } from '../../src/reports/monitoring/execution-monitoring';
import type {
  MonitoringReport,
  VillageMonitoringRow,
} from '../../src/reports/monitoring/monitoring-report';
import { NO_PROJECTS } from '../../src/reports/monitoring/project-counts';
import { monitoringRows } from '../../src/web/regency/monitoring-rows';

const AS_OF = '2025-08-01';

function execution(overrides: Partial<ExecutionMonitoring>): ExecutionMonitoring {
  return {
    absorption: [],
    monthsClosed: [],
    closingsDue: 7,
    closingsDone: 7,
    semesterReport: { due: '2025-07-14', ready: true },
    overdueTax: [],
    overduePanjar: [],
    ...overrides,
  };
}

function village(
  code: string,
  name: string,
  run: ExecutionMonitoring | null,
): VillageMonitoringRow {
  return {
    identity: {
      villageCode: code,
      villageName: name,
      districtCode: code.slice(0, 8),
      districtName: code.startsWith('35.10.01') ? 'Pesanggaran' : 'Bangorejo',
      fiscalYear: 2025,
    },
    apbdesDeadline: '2024-12-31',
    apbdes: null,
    changes: [],
    importedExceptions: 0,
    status: 'overdue',
    execution: run,
    projects: NO_PROJECTS,
  };
}

const panjar = (amount: string) => ({
  sppId: 'SPP-1',
  paymentId: 'P-1',
  paidOn: '2025-06-01',
  dueOn: '2025-06-15',
  amount,
});

/** Three villages worked out by hand: A absorbed 50 %, B 25 % (two sources), C has no ledger yet. */
const A = village(
  '35.10.01.2001',
  'Kandangan',
  execution({
    absorption: [
      {
        source: 'DDS',
        budget: '1000.00',
        realised: '500.00',
        difference: '500.00',
        percent: '50.00',
      },
    ],
    closingsDone: 5,
    overdueTax: [{ tax: 'PPh21', payable: '300.00', overdue: '100.00' }],
    overduePanjar: [panjar('200.00')],
  }),
);
const B = village(
  '35.10.02.2001',
  'Sambirejo',
  execution({
    absorption: [
      {
        source: 'DDS',
        budget: '600.00',
        realised: '200.00',
        difference: '400.00',
        percent: '33.33',
      },
      { source: 'ADD', budget: '200.00', realised: '0.00', difference: '200.00', percent: '0.00' },
    ],
    semesterReport: { due: '2025-07-14', ready: false },
    overdueTax: [
      { tax: 'PPh21', payable: '150.00', overdue: '0.00' },
      { tax: 'PPN', payable: '250.50', overdue: '250.50' },
    ],
    overduePanjar: [panjar('100.00'), panjar('50.00')],
  }),
);
const C = village('35.10.01.2002', 'Sumberagung', null);

const report: MonitoringReport = {
  regency: { code: '35.10', name: 'Kabupaten Banyuwangi' },
  fiscalYear: 2025,
  asOf: AS_OF,
  districts: [
    {
      districtCode: '35.10.01',
      districtName: 'Pesanggaran',
      villages: [C, A],
      counts: { villages: 2, onTime: 0, late: 0, pending: 0, overdue: 2 },
    },
    {
      districtCode: '35.10.02',
      districtName: 'Bangorejo',
      villages: [B],
      counts: { villages: 1, onTime: 0, late: 0, pending: 0, overdue: 1 },
    },
  ],
  counts: { villages: 3, onTime: 0, late: 0, pending: 0, overdue: 3 },
};

const codes = (order: Parameters<typeof monitoringRows>[2], district?: string) =>
  monitoringRows(report, district, order).map((row) => row.villageName);

describe('monitoring rows', () => {
  test('each village’s figures are summed from the report', () => {
    const [a, c, b] = monitoringRows(report, undefined, 'kode');
    expect(a).toMatchObject({
      villageName: 'Kandangan',
      absorbed: '50.00',
      monthsOpen: 2,
      taxPayable: '300.00',
      taxOverdue: '100.00',
      panjarCount: 1,
      panjarAmount: '200.00',
      semesterReportLate: false,
      hasLedger: true,
    });
    // B: 200 of 800 realised = 25 %; 150 + 250,50 withheld; 100 + 50 panjar; June not closed after 14 July.
    expect(b).toMatchObject({
      absorbed: '25.00',
      monthsOpen: 0,
      taxPayable: '400.50',
      taxOverdue: '250.50',
      panjarCount: 2,
      panjarAmount: '150.00',
      semesterReportLate: true,
    });
    expect(c).toMatchObject({
      absorbed: null,
      monthsOpen: null,
      taxPayable: '0.00',
      panjarCount: 0,
      hasLedger: false,
    });
  });

  test('sorted by each order; villages without figures last; filtered by district', () => {
    expect(codes('kode')).toEqual(['Kandangan', 'Sumberagung', 'Sambirejo']);
    expect(codes('serapan')).toEqual(['Sambirejo', 'Kandangan', 'Sumberagung']);
    expect(codes('bulan')).toEqual(['Kandangan', 'Sambirejo', 'Sumberagung']);
    expect(codes('pajak')).toEqual(['Sambirejo', 'Kandangan', 'Sumberagung']);
    expect(codes('panjar')).toEqual(['Kandangan', 'Sambirejo', 'Sumberagung']);
    expect(codes('kode', '35.10.01')).toEqual(['Kandangan', 'Sumberagung']);
  });
});
