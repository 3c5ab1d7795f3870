import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { VillageIdentity } from '../../projections/folds/reference-lookup';
import type { Figures } from '../../src/reports/realisation/figures';
import { apbdesPoster } from '../../src/web/public/apbdes-poster';
import type { PublicRow, PublicYear } from '../../src/web/public/public-year';
import { testNeedingTool } from '../support/test-needing-tool';

const figures = (budget: string, realised: string, percent: string): Figures => ({
  budget,
  realised,
  difference: '0.00',
  percent,
});

const rows = (count: number, name: string): PublicRow[] =>
  Array.from({ length: count }, (_, index) => ({
    code: `${index + 1}`,
    name: `${name} ${index + 1}`,
    ...figures('1000000.00', '250000.00', '25.00'),
  }));

/** A village with every revenue type and bidang, each bidang's name as long as the longest. */
const crowdedYear: PublicYear = {
  identity: {
    villageCode: '35.10.01.2001',
    villageName: 'Kandangan',
    districtName: 'Pesanggaran',
    fiscalYear: 2025,
  } as VillageIdentity,
  budgetLabel: 'APBDes Perubahan',
  until: '2025-12-31',
  revenueTotal: figures('10000000.00', '2500000.00', '25.00'),
  spendingTotal: figures('5000000.00', '1250000.00', '25.00'),
  financingReceipts: figures('0.00', '0.00', '0.00'),
  financingExpenditures: figures('0.00', '0.00', '0.00'),
  silpa: figures('5000000.00', '1250000.00', '25.00'),
  revenue: rows(10, 'Jenis pendapatan'),
  bidang: rows(5, 'Penanggulangan Bencana, Keadaan Darurat dan Mendesak Desa'),
  activities: [],
  remaining: '0.00',
  fundFlow: [],
};

describe('APBDes poster', () => {
  testNeedingTool('pdfinfo', 'reading the page count and size of the APBDes poster')(
    'every revenue type, every bidang and a 300-character complaints contact fit one A1 page',
    async () => {
      const pdf = await apbdesPoster(
        crowdedYear,
        'Inspektorat Kabupaten '.repeat(14).slice(0, 300),
      );
      const folder = mkdtempSync(join(tmpdir(), 'kasdesa-poster-'));
      try {
        const file = join(folder, 'baliho.pdf');
        writeFileSync(file, pdf);
        const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
        expect(info).toMatch(/Pages:\s+1\n/);
        expect(info).toMatch(/Page size:\s+1683\.78 x 2383\.94 pts \(A1\)/);
        expect(info).toMatch(/Title:\s+APBDes Desa Kandangan Tahun 2025\n/);
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    },
  );
});
