import type { Ledger } from '../../src/app/ledger';
import { command, type RawCommand } from './decider-specification';
import { REGENCY, VILLAGE, YEAR } from './village-fixtures';

/**
 * A realistic village (about the size of Ciktim 2024) as reusable phases, for
 * any village code of the regency: allocations, the APBDes awal (Rp 2.6 bn),
 * the Perubahan, the two Perkades changes. Shared by the budget, full-year,
 * read-model and report tests.
 */
export type SpendingRow = [
  source: string,
  earmark: string | undefined,
  account: string,
  volume: string,
  unit: string,
  unitPrice: string,
];
export type ActivityRow = [
  id: string,
  kegiatan: string,
  name: string,
  hamlet: string,
  lines: SpendingRow[],
];

export const ACTIVITIES: ActivityRow[] = [
  [
    'siltap-kades',
    '01.01.01',
    'Penghasilan tetap dan tunjangan Kepala Desa',
    'Krajan',
    [
      ['ADD', undefined, '5.1.1.01', '12', 'OB', '4200000'],
      ['ADD', undefined, '5.1.1.02', '12', 'OB', '1050000'],
    ],
  ],
  [
    'siltap-perangkat',
    '01.01.02',
    'Penghasilan tetap dan tunjangan perangkat desa',
    'Krajan',
    [
      ['ADD', undefined, '5.1.2.01', '12', 'OB', '36000000'],
      ['ADD', undefined, '5.1.2.02', '12', 'OB', '5400000'],
    ],
  ],
  [
    'jaminan-sosial',
    '01.01.03',
    'BPJS Kesehatan dan Ketenagakerjaan Kades dan perangkat',
    'Krajan',
    [
      ['ADD', undefined, '5.1.3.02', '12', 'OB', '2450000'],
      ['ADD', undefined, '5.1.3.04', '12', 'OB', '640000'],
    ],
  ],
  [
    'operasional-pemdes',
    '01.01.04',
    'Operasional pemerintah desa',
    'Krajan',
    [
      ['ADD', undefined, '5.2.1.01', '1', 'paket', '18500000'],
      ['ADD', undefined, '5.2.1.05', '1', 'paket', '6400000'],
      ['ADD', undefined, '5.2.5.01', '12', 'bulan', '1150000'],
      ['ADD', undefined, '5.2.2.06', '12', 'OB', '4500000'],
      ['ADD', undefined, '5.2.5.90', '12', 'bulan', '96275'],
    ],
  ],
  [
    'tunjangan-bpd',
    '01.01.05',
    'Tunjangan BPD',
    'Krajan',
    [['ADD', undefined, '5.1.4.01', '12', 'OB', '5850000']],
  ],
  [
    'operasional-bpd',
    '01.01.06',
    'Operasional BPD',
    'Krajan',
    [
      ['ADD', undefined, '5.2.1.06', '10', 'kali', '1250000'],
      ['ADD', undefined, '5.2.1.01', '1', 'paket', '3500000'],
    ],
  ],
  [
    'insentif-rtrw',
    '01.01.07',
    'Insentif RT/RW',
    'Semua dusun',
    [['ADD', undefined, '5.2.5.08', '12', 'bulan', '4800000']],
  ],
  [
    'operasional-dd',
    '01.01.08',
    'Operasional pemerintah desa dari Dana Desa (3%)',
    'Krajan',
    [['DDS', 'non-earmarked', '5.2.1.01', '1', 'paket', '34500000']],
  ],
  [
    'sarana-kantor',
    '01.02.01',
    'Pengadaan komputer dan mebel kantor desa',
    'Krajan',
    [
      ['PBH', undefined, '5.3.2.03', '4', 'unit', '9750000'],
      ['PBH', undefined, '5.3.2.04', '1', 'paket', '14500000'],
    ],
  ],
  [
    'rehab-kantor',
    '01.02.03',
    'Rehabilitasi kantor desa',
    'Krajan',
    [
      ['PBH', undefined, '5.3.4.02', '120', 'HOK', '125000'],
      ['PBH', undefined, '5.3.4.03', '1', 'paket', '62000000'],
    ],
  ],
  [
    'adminduk',
    '01.03.01',
    'Pelayanan administrasi umum dan kependudukan',
    'Krajan',
    [['PBH', undefined, '5.2.2.02', '12', 'OB', '2100000']],
  ],
  [
    'profil-desa',
    '01.03.02',
    'Pemutakhiran profil desa',
    'Krajan',
    [['PBH', undefined, '5.2.2.05', '1', 'paket', '7500000']],
  ],
  [
    'musrenbang',
    '01.04.01',
    'Musyawarah perencanaan desa',
    'Krajan',
    [
      ['PBH', undefined, '5.2.1.06', '150', 'orang', '35000'],
      ['PBH', undefined, '5.2.1.05', '1', 'paket', '2250000'],
    ],
  ],
  [
    'dokumen-perencanaan',
    '01.04.03',
    'Penyusunan RKPDes',
    'Krajan',
    [['PBH', undefined, '5.2.2.04', '1', 'paket', '6000000']],
  ],
  [
    'dokumen-keuangan',
    '01.04.04',
    'Penyusunan APBDes, Perubahan dan LPJ',
    'Krajan',
    [['PBH', undefined, '5.2.1.05', '1', 'paket', '4500000']],
  ],
  [
    'sistem-informasi',
    '01.04.08',
    'Pengembangan sistem informasi desa',
    'Krajan',
    [['PBH', undefined, '5.2.5.05', '12', 'bulan', '750000']],
  ],
  [
    'pbb',
    '01.05.06',
    'Administrasi Pajak Bumi dan Bangunan',
    'Semua dusun',
    [['PBH', undefined, '5.2.2.05', '1', 'paket', '8400000']],
  ],
  [
    'paud',
    '02.01.01',
    'Penyelenggaraan PAUD milik desa',
    'Krajan',
    [['PBH', undefined, '5.2.2.05', '12', 'OB', '3000000']],
  ],
  [
    'posyandu',
    '02.02.02',
    'Posyandu dan makanan tambahan',
    'Semua dusun',
    [
      ['DDS', 'stunting', '5.2.1.06', '1200', 'paket', '25000'],
      ['DDS', 'stunting', '5.2.2.03', '12', 'OB', '2400000'],
    ],
  ],
  [
    'polindes',
    '02.02.01',
    'Operasional Polindes',
    'Sumberjo',
    [['PBH', undefined, '5.2.1.10', '1', 'paket', '12000000']],
  ],
  [
    'jalan-desa',
    '02.03.10',
    'Pengaspalan jalan desa Dusun Krajan 600 m',
    'Krajan',
    [
      ['DDS', 'non-earmarked', '5.3.5.02', '420', 'HOK', '130000'],
      ['DDS', 'non-earmarked', '5.3.5.03', '1', 'paket', '278400000'],
      ['DDS', 'non-earmarked', '5.3.5.01', '1', 'paket', '6000000'],
    ],
  ],
  [
    'jalan-lingkungan',
    '02.03.11',
    'Paving jalan lingkungan Dusun Sumberjo',
    'Sumberjo',
    [
      ['DDS', 'non-earmarked', '5.3.5.02', '260', 'HOK', '130000'],
      ['DDS', 'non-earmarked', '5.3.5.03', '1', 'paket', '154384000'],
    ],
  ],
  [
    'jalan-usaha-tani',
    '02.03.12',
    'Rabat beton jalan usaha tani',
    'Tegalrejo',
    [
      ['DDS', 'food-security', '5.3.5.02', '180', 'HOK', '130000'],
      ['DDS', 'food-security', '5.3.5.03', '1', 'paket', '96800000'],
    ],
  ],
  [
    'jembatan',
    '02.03.13',
    'Jembatan beton Dusun Tegalrejo',
    'Tegalrejo',
    [
      ['PBP', undefined, '5.3.6.02', '150', 'HOK', '130000'],
      ['PBP', undefined, '5.3.6.03', '1', 'paket', '110500000'],
    ],
  ],
  [
    'drainase',
    '02.03.14',
    'Saluran drainase Dusun Krajan',
    'Krajan',
    [
      ['DDS', 'non-earmarked', '5.3.7.02', '90', 'HOK', '130000'],
      ['DDS', 'non-earmarked', '5.3.7.03', '1', 'paket', '48300000'],
    ],
  ],
  [
    'pemeliharaan-jalan',
    '02.03.01',
    'Pemeliharaan jalan desa',
    'Semua dusun',
    [['PBH', undefined, '5.2.6.05', '1', 'paket', '30250000']],
  ],
  [
    'peta-desa',
    '02.03.17',
    'Pemutakhiran peta wilayah desa',
    'Krajan',
    [['PBH', undefined, '5.2.2.04', '1', 'paket', '9000000']],
  ],
  [
    'rtlh',
    '02.04.01',
    'Rehab rumah tidak layak huni',
    'Semua dusun',
    [['PBH', undefined, '5.2.7.03', '6', 'unit', '17500000']],
  ],
  [
    'air-bersih',
    '02.04.11',
    'Sumur bor air bersih',
    'Sumberjo',
    [
      ['DDS', 'non-earmarked', '5.3.8.02', '60', 'HOK', '130000'],
      ['DDS', 'non-earmarked', '5.3.8.03', '1', 'paket', '64600000'],
    ],
  ],
  [
    'jamban',
    '02.04.14',
    'MCK umum',
    'Tegalrejo',
    [
      ['DDS', 'stunting', '5.3.4.02', '40', 'HOK', '130000'],
      ['DDS', 'stunting', '5.3.4.03', '1', 'paket', '31800000'],
    ],
  ],
  [
    'informasi-publik',
    '02.06.02',
    'Baliho APBDes dan papan informasi',
    'Krajan',
    [['PBH', undefined, '5.2.1.08', '3', 'unit', '1500000']],
  ],
  [
    'pos-kamling',
    '03.01.01',
    'Pos keamanan desa',
    'Semua dusun',
    [['PBH', undefined, '5.2.2.05', '12', 'OB', '1800000']],
  ],
  [
    'festival',
    '03.02.03',
    'Festival adat dan keagamaan',
    'Krajan',
    [['PBH', undefined, '5.2.1.06', '1', 'paket', '15000000']],
  ],
  [
    'karang-taruna',
    '03.03.06',
    'Pembinaan karang taruna dan olahraga',
    'Krajan',
    [['PBH', undefined, '5.2.1.09', '1', 'paket', '12500000']],
  ],
  [
    'pkk',
    '03.04.03',
    'Pembinaan PKK',
    'Krajan',
    [['PBH', undefined, '5.2.1.06', '12', 'kali', '650000']],
  ],
  [
    'bibit-ikan',
    '04.01.05',
    'Bantuan bibit ikan',
    'Tegalrejo',
    [['DDS', 'food-security', '5.2.7.05', '1', 'paket', '42000000']],
  ],
  [
    'lumbung',
    '04.02.03',
    'Ketahanan pangan: lumbung desa',
    'Sumberjo',
    [['DDS', 'food-security', '5.2.7.01', '1', 'paket', '68000000']],
  ],
  [
    'kapasitas-aparatur',
    '04.03.02',
    'Pelatihan perangkat desa',
    'Krajan',
    [['PBH', undefined, '5.2.3.02', '6', 'OB', '2500000']],
  ],
  [
    'stunting',
    '04.04.95',
    'Pencegahan stunting',
    'Semua dusun',
    [['DDS', 'stunting', '5.2.1.06', '1', 'paket', '24000000']],
  ],
  [
    'bumdes',
    '04.06.01',
    'Pembentukan BUM Desa',
    'Krajan',
    [['PAD', undefined, '5.2.2.04', '1', 'paket', '4500000']],
  ],
  [
    'blt',
    '05.03.01',
    'BLT Desa',
    'Semua dusun',
    [['DDS', 'blt', '5.4.1.01', '40', 'KPM x 12 bulan', '3600000']],
  ],
  [
    'bencana',
    '05.01.01',
    'Kesiapsiagaan bencana',
    'Semua dusun',
    [['PAD', undefined, '5.4.1.01', '1', 'paket', '10000000']],
  ],
];

const perbup = (number: string, date: string) => ({ document: 'Perbup', number, date });

function plan(
  id: string,
  kegiatan: string,
  name: string,
  hamlet: string,
  lines: SpendingRow[],
): RawCommand {
  const costs = new Map<string, bigint>();
  for (const [source, , , volume, , unitPrice] of lines) {
    costs.set(source, (costs.get(source) ?? 0n) + BigInt(volume) * BigInt(unitPrice));
  }
  return command('PlanRkpdesActivity', {
    activityId: id,
    subBidangCode: kegiatan.slice(0, 5),
    kegiatanCode: kegiatan,
    name,
    location: { hamlet: `Dusun ${hamlet}` },
    output: { volume: '1', unit: 'kegiatan' },
    executor: { name: 'Kasi Kesejahteraan', position: 'PKA' },
    beneficiaries: { description: 'Warga desa', count: 3120 },
    estimatedCosts: [...costs].map(([source, amount]) => ({ source, amount: amount.toString() })),
  });
}

const spendingLine = (
  activityId: string,
  index: number,
  [source, earmark, account, volume, unit, unitPrice]: SpendingRow,
) => ({
  kind: 'spending',
  lineId: `${activityId}-${index + 1}`,
  activityId,
  account,
  source,
  ...(earmark ? { earmark } : {}),
  volume,
  unit,
  unitPrice,
  description: `${activityId} ${account}`,
});
const draftLine = (line: object) => command('DraftApbdesLine', { line });
const simpleLine = (
  kind: string,
  lineId: string,
  account: string,
  source: string,
  amount: string,
) => ({ kind, lineId, account, source, amount, description: lineId });

const lifecycle = (perdesNumber: string, year: number) => [
  command('SubmitApbdesToBpd', { date: `${year}-10-07` }),
  command('RecordBpdAgreement', { date: `${year}-10-21`, minutesNumber: `BA/BPD/${year}/11` }),
  command('SubmitApbdesForEvaluation', { date: `${year}-10-23` }),
  command('RecordApbdesEvaluation', {
    date: `${year}-11-14`,
    reference: `Camat 900/${year}/77`,
    outcome: 'approved',
    remarks: [],
  }),
  command('EnactApbdes', { perdesNumber, date: `${year}-12-19` }),
];

export type Run = (...raws: RawCommand[]) => Promise<void>;

export function runners(ledger: Ledger, villageCode: string) {
  return {
    village: (async (...raws) => {
      for (const raw of raws) await ledger.executeVillageCommand(villageCode, YEAR, raw);
    }) as Run,
    regency: (async (...raws) => {
      for (const raw of raws) await ledger.executeRegencyCommand(REGENCY, YEAR, raw);
    }) as Run,
  };
}

const allocation = (
  villageCode: string,
  source: string,
  amount: string,
  legal = perbup('5 Tahun 2024', '2024-11-29'),
) => command('SetAllocation', { villageCode, source, amount, legalReference: legal });

/** Allocations and the Dana Desa stage plan (the regency year must be open). */
export async function allocate(ledger: Ledger, villageCode: string): Promise<void> {
  const { regency } = runners(ledger, villageCode);
  await regency(
    allocation(villageCode, 'DDS', '1152604000'),
    allocation(villageCode, 'ADD', '830415300'),
    allocation(villageCode, 'PBH', '467250000'),
    command('PlanDanaDesaStages', {
      villageCode,
      source: 'DDS',
      earmarks: [
        { earmark: 'non-earmarked', amount: '658604000' },
        { earmark: 'food-security', amount: '230200000' },
        { earmark: 'stunting', amount: '119800000' },
        { earmark: 'blt', amount: '144000000' },
      ],
    }),
  );
}

/** RKPDes, the APBDes awal through the BPD and evaluation, its Perdes and Penjabaran. */
export async function originalApbdes(ledger: Ledger, villageCode: string): Promise<void> {
  await runners(ledger, villageCode).village(
    command('OpenVillageFiscalYear', {
      openingBalances: { cashOnHand: '1250000', bank: '38350000' },
      silpa: [
        { source: 'DDS', amount: '35480000' },
        { source: 'ADD', amount: '4120000' },
      ],
    }),
    ...ACTIVITIES.map(([id, kegiatan, name, hamlet, lines]) =>
      plan(id, kegiatan, name, hamlet, lines),
    ),
    command('StartApbdesDraft', {}),
    draftLine(simpleLine('revenue', 'r-dds', '4.2.1.01', 'DDS', '1152604000')),
    draftLine(simpleLine('revenue', 'r-add', '4.2.3.01', 'ADD', '830415300')),
    draftLine(simpleLine('revenue', 'r-pbh', '4.2.2.01', 'PBH', '467250000')),
    draftLine(simpleLine('revenue', 'r-pbp', '4.2.4.01', 'PBP', '130000000')),
    draftLine(simpleLine('revenue', 'r-tkd', '4.1.2.01', 'PAD', '18500000')),
    draftLine(simpleLine('revenue', 'r-bumdes', '4.1.1.01', 'PAD', '6000000')),
    draftLine(simpleLine('financing', 'f-silpa-dds', '6.1.1.01', 'DDS', '35480000')),
    draftLine(simpleLine('financing', 'f-silpa-add', '6.1.1.01', 'ADD', '4120000')),
    draftLine(simpleLine('financing', 'f-modal-bumdes', '6.2.2.01', 'PAD', '10000000')),
    ...ACTIVITIES.flatMap(([id, , , , lines]) =>
      lines.map((row, index) => draftLine(spendingLine(id, index, row))),
    ),
    ...lifecycle('8 Tahun 2024', 2024),
    command('ElaborateApbdes', { perkadesNumber: '14 Tahun 2024', date: '2024-12-23' }),
  );
}

/** The stage I transfer, the PBH revision and the Perubahan APBDes with its Penjabaran. */
export async function amendment(ledger: Ledger, villageCode: string): Promise<void> {
  const { village, regency } = runners(ledger, villageCode);
  await regency(
    command('SendTransfer', {
      villageCode,
      source: 'DDS',
      stage: 1,
      amount: '559841600',
      date: '2025-03-12',
      reference: 'SP2D 00381/DD/2025',
    }),
    allocation(villageCode, 'PBH', '481750000', perbup('19 Tahun 2025', '2025-07-28')),
  );
  await village(
    command('StartApbdesAmendment', {
      date: '2025-08-11',
      grounds: ['revenueChange', 'shiftBetweenJenis'],
    }),
    plan('tanggap-darurat', '05.02.01', 'Penanganan keadaan darurat banjir', 'Tegalrejo', [
      ['DDS', 'non-earmarked', '5.4.1.01', '1', 'paket', '20000000'],
    ]),
    draftLine(simpleLine('revenue', 'r-pbh', '4.2.2.01', 'PBH', '481750000')),
    draftLine(
      spendingLine('pemeliharaan-jalan', 1, [
        'PBH',
        undefined,
        '5.2.6.06',
        '1',
        'paket',
        '14500000',
      ]),
    ),
    draftLine(
      spendingLine('jalan-desa', 1, [
        'DDS',
        'non-earmarked',
        '5.3.5.03',
        '1',
        'paket',
        '258400000',
      ]),
    ),
    draftLine(
      spendingLine('tanggap-darurat', 0, [
        'DDS',
        'non-earmarked',
        '5.4.1.01',
        '1',
        'paket',
        '20000000',
      ]),
    ),
    ...lifecycle('4 Tahun 2025', 2025),
    command('ElaborateApbdes', { perkadesNumber: '22 Tahun 2025', date: '2025-09-29' }),
  );
}

/** Late regency aid by Perkades, then a shift within jenis 5.2.1. */
export async function perkadesChanges(ledger: Ledger, villageCode: string): Promise<void> {
  const { village, regency } = runners(ledger, villageCode);
  await regency(allocation(villageCode, 'PBK', '50000000', perbup('31 Tahun 2025', '2025-10-20')));
  await village(
    plan('balai-desa', '02.03.15', 'Rehabilitasi balai desa', 'Krajan', [
      ['PBK', undefined, '5.3.4.03', '1', 'paket', '35000000'],
    ]),
    command('EnactPerkadesChange', {
      kind: 'lateAid',
      perkadesNumber: '27 Tahun 2025',
      date: '2025-10-27',
      bpdInformedOn: '2025-10-28',
      lines: [
        simpleLine('revenue', 'r-pbk', '4.2.5.01', 'PBK', '50000000'),
        spendingLine('balai-desa', 0, ['PBK', undefined, '5.3.4.03', '1', 'paket', '35000000']),
        spendingLine('balai-desa', 1, ['PBK', undefined, '5.3.4.02', '120', 'HOK', '125000']),
      ],
      removedLineIds: [],
    }),
    command('EnactPerkadesChange', {
      kind: 'shiftWithinJenis',
      perkadesNumber: '29 Tahun 2025',
      date: '2025-11-10',
      bpdInformedOn: '2025-11-11',
      lines: [
        spendingLine('operasional-pemdes', 0, [
          'ADD',
          undefined,
          '5.2.1.01',
          '1',
          'paket',
          '16500000',
        ]),
        spendingLine('operasional-pemdes', 1, [
          'ADD',
          undefined,
          '5.2.1.05',
          '1',
          'paket',
          '8400000',
        ]),
      ],
      removedLineIds: [],
    }),
  );
}

export const openRegency = (ledger: Ledger) =>
  ledger.executeRegencyCommand(REGENCY, YEAR, command('OpenRegencyFiscalYear', {}));

/** The whole realistic year for one village (the regency year already open). */
export async function realisticVillage(ledger: Ledger, villageCode: string): Promise<void> {
  await allocate(ledger, villageCode);
  await originalApbdes(ledger, villageCode);
  await amendment(ledger, villageCode);
  await perkadesChanges(ledger, villageCode);
}

/** The realistic year of the fixture village, its regency year opened first. */
export async function buildRealisticVillage(ledger: Ledger): Promise<void> {
  await openRegency(ledger);
  await realisticVillage(ledger, VILLAGE);
}
