import JSZip from 'jszip';

/** A table as a test writes it: a header and rows of text, exported as mdb-export would. */
export type TableRows = Record<string, string>[];
export type FixtureTables = Record<string, TableRows>;

/** mdb-export's quoting: every field quoted, quotes doubled; newlines and commas stay inside. */
const quote = (value: string) => `"${value.replace(/"/g, '""')}"`;

export function csvOf(rows: TableRows, { bom = false } = {}): string {
  const columns = Object.keys(rows[0] ?? {});
  const lines = [
    columns.join(','),
    ...rows.map((row) => columns.map((c) => quote(row[c] ?? '')).join(',')),
  ];
  return `${bom ? '\uFEFF' : ''}${lines.join('\r\n')}\r\n`;
}

export async function siskeudesZip(
  tables: FixtureTables,
  options: { bom?: boolean } = {},
): Promise<Buffer> {
  const zip = new JSZip();
  for (const [name, rows] of Object.entries(tables)) zip.file(`${name}.csv`, csvOf(rows, options));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

const VILLAGE_A = '01.2001.';
const VILLAGE_B = '01.2002.';
const year = { Tahun: '2025' };

/**
 * Two villages of one kecamatan in one Siskeudes database, 2025: the import
 * of 35.10.01.2001 must take only the first. Village A opens on a SiLPA of
 * Rp 5,000,000 (ADD), budgets ADD and PAD revenue, receives both and pays
 * the PAD cash into the bank (STS), pays one LS SPP with PPN and PPh 22
 * withheld, advances a panjar (UM SPP) of Rp 5,000,000 whose SPJ accounts
 * for Rp 4,400,000 on two receipts (PPN and PPh 22 withheld on one) and
 * hands back Rp 600,000, and deposits every tax withheld. Its mutations
 * (Ta_Mutasi): Rp 2,000,000 drawn from the bank into the cash, Rp 150,000
 * bank interest, a Rp 15,000 bank fee, Rp 1,000,000 of cash paid back into
 * the bank.
 */
export function twoVillageTables(): FixtureTables {
  return {
    Ref_Version: [{ Versi: '2.0.6.1', Tgl_Rilis: '01/20/2024 00:00:00' }],
    Ta_Desa: [
      {
        ...year,
        Kd_Desa: VILLAGE_A,
        Nm_Kades: 'Suparman',
        Nm_Sekdes: 'Siti Aminah',
        No_Perdes: '8 Tahun 2024',
        Tgl_Perdes: '12/19/2024 00:00:00',
      },
      { ...year, Kd_Desa: VILLAGE_B, No_Perdes: '3 Tahun 2024', Tgl_Perdes: '12/20/2024 00:00:00' },
    ],
    Ta_Kegiatan: [
      kegiatan(VILLAGE_A, '01.01.01.', 'Penyediaan Penghasilan Tetap dan Tunjangan Kepala Desa'),
      kegiatan(VILLAGE_A, '02.01.01.', 'Penyelenggaraan PAUD/TK/TPA/TKA/TPQ/Madrasah Non-Formal'),
      kegiatan(VILLAGE_B, '01.01.01.', 'Penyediaan Penghasilan Tetap dan Tunjangan Kepala Desa'),
    ],
    Ta_RABRinci: [
      rab(
        VILLAGE_A,
        '00.00.00.',
        '4.2.3.01.',
        '01',
        'ADD',
        'Alokasi Dana Desa',
        '1',
        '300000000',
        '300000000',
      ),
      rab(
        VILLAGE_A,
        '00.00.00.',
        '4.1.1.01.',
        '01',
        'PAD',
        'Hasil usaha BUM Desa',
        '1',
        '10000000',
        '10000000',
      ),
      rab(
        VILLAGE_A,
        '00.00.00.',
        '6.1.1.01.',
        '01',
        'ADD',
        'SiLPA tahun sebelumnya',
        '1',
        '5000000',
        '5000000',
      ),
      rab(
        VILLAGE_A,
        '01.01.01.',
        '5.1.1.01.',
        '01',
        'ADD',
        'Penghasilan tetap Kepala Desa',
        '12',
        '10000000',
        '120000000',
      ),
      rab(
        VILLAGE_A,
        '01.01.01.',
        '5.1.1.01.',
        '02',
        'ADD',
        'Tunjangan Kepala Desa',
        '12',
        '4500000',
        '54000000',
      ),
      rab(
        VILLAGE_A,
        '02.01.01.',
        '5.2.2.01.',
        '01',
        'ADD',
        'Alat peraga PAUD,\r\ntermasuk rak buku',
        '1',
        '125000000',
        '125000000',
      ),
      rab(
        VILLAGE_A,
        '02.01.01.',
        '5.2.2.01.',
        '02',
        'PAD',
        'Buku bacaan',
        '100',
        '100000',
        '10000000',
      ),
      rab(
        VILLAGE_A,
        '02.01.01.',
        '5.2.1.01.',
        '01',
        'ADD',
        'Alat tulis dan bahan ajar PAUD',
        '1',
        '6000000',
        '6000000',
      ),
      rab(VILLAGE_A, '00.00.00.', '4.3.6.01.', '01', 'DLL', 'Bunga bank', '1', '240000', '240000'),
      rab(
        VILLAGE_A,
        '01.01.01.',
        '5.2.5.90.',
        '01',
        'DLL',
        'Biaya administrasi bank',
        '12',
        '20000',
        '240000',
      ),
      rab(
        VILLAGE_B,
        '01.01.01.',
        '5.1.1.01.',
        '01',
        'ADD',
        'Penghasilan tetap',
        '12',
        '9000000',
        '108000000',
      ),
    ],
    Ta_SaldoAwal: [
      {
        ...year,
        Kd_Desa: VILLAGE_A,
        Kd_Rincian: '1.1.1.01.',
        Jenis: '1',
        Anggaran: '0',
        Debet: '1000000',
        Kredit: '0',
        Tgl_Bukti: '01/01/2025 00:00:00',
      },
      {
        ...year,
        Kd_Desa: VILLAGE_A,
        Kd_Rincian: '1.1.1.02.',
        Jenis: '1',
        Anggaran: '0',
        Debet: '4000000.0000',
        Kredit: '0',
        Tgl_Bukti: '01/01/2025 00:00:00',
      },
    ],
    Ta_TBP: [
      tbp(
        VILLAGE_A,
        'TBP/001/2025',
        '01/15/2025 00:00:00',
        'Penerimaan ADD tahap I',
        'Kas Daerah',
        '2',
      ),
      tbp(
        VILLAGE_A,
        'TBP/002/2025',
        '02/03/2025 00:00:00',
        'Setoran hasil usaha, "BUM Desa"',
        'BUM Desa Maju',
        '1',
      ),
      tbp(VILLAGE_B, 'TBP/001/2025', '01/16/2025 00:00:00', 'Penerimaan ADD', 'Kas Daerah', '2'),
    ],
    Ta_TBPRinci: [
      {
        ...year,
        Kd_Desa: VILLAGE_A,
        No_Bukti: 'TBP/001/2025',
        Kd_Keg: `${VILLAGE_A}00.00.00.`,
        Kd_Rincian: '4.2.3.01.',
        RincianSD: '4.2.3.01.ADD',
        SumberDana: 'ADD',
        Nilai: '100000000',
      },
      {
        ...year,
        Kd_Desa: VILLAGE_A,
        No_Bukti: 'TBP/002/2025',
        Kd_Keg: `${VILLAGE_A}00.00.00.`,
        Kd_Rincian: '4.1.1.01.',
        RincianSD: '4.1.1.01.PAD',
        SumberDana: 'PAD',
        Nilai: '2500000',
      },
      {
        ...year,
        Kd_Desa: VILLAGE_B,
        No_Bukti: 'TBP/001/2025',
        Kd_Keg: `${VILLAGE_B}00.00.00.`,
        Kd_Rincian: '4.2.3.01.',
        RincianSD: '4.2.3.01.ADD',
        SumberDana: 'ADD',
        Nilai: '90000000',
      },
    ],
    Ta_SPP: [
      {
        ...year,
        Kd_Desa: VILLAGE_A,
        No_SPP: 'SPP/001/2025',
        Tgl_SPP: '03/10/2025 00:00:00',
        Jn_SPP: 'LS',
        Keterangan: 'Pembelian alat peraga PAUD',
        Jumlah: '22000000',
        Potongan: '2750000',
        Status: '2',
      },
      {
        ...year,
        Kd_Desa: VILLAGE_A,
        No_SPP: PANJAR_SPP,
        Tgl_SPP: '04/01/2025 00:00:00',
        Jn_SPP: 'UM',
        Keterangan: 'Panjar alat tulis dan bahan ajar PAUD',
        Jumlah: '5000000',
        Potongan: '0',
        Status: '2',
      },
    ],
    Ta_SPPRinci: [
      {
        ...year,
        Kd_Desa: VILLAGE_A,
        No_SPP: 'SPP/001/2025',
        Kd_Keg: `${VILLAGE_A}02.01.01.`,
        Kd_Rincian: '5.2.2.01.',
        Sumberdana: 'ADD',
        Nilai: '22000000',
      },
      { ...panjarLine, No_SPP: PANJAR_SPP, Nilai: '5000000' },
    ],
    Ta_SPPBukti: [
      {
        ...year,
        Kd_Desa: VILLAGE_A,
        No_SPP: 'SPP/001/2025',
        Kd_Keg: `${VILLAGE_A}02.01.01.`,
        Kd_Rincian: '5.2.2.01.',
        Sumberdana: 'ADD',
        No_Bukti: 'KW/001/2025',
        Tgl_Bukti: '03/09/2025 00:00:00',
        Nm_Penerima: 'CV Sumber Ilmu',
        Alamat: 'Jl. Pendidikan 3',
        Rek_Bank: '0099887766',
        Nm_Bank: 'Bank Jatim',
        NPWP: '01.234.567.8-901.234',
        Keterangan: 'Alat peraga',
        Nilai: '22000000',
      },
    ],
    Ta_SPPPot: [
      {
        ...year,
        Kd_Desa: VILLAGE_A,
        No_SPP: 'SPP/001/2025',
        Kd_Keg: `${VILLAGE_A}02.01.01.`,
        No_Bukti: 'KW/001/2025',
        Kd_Rincian: '7.1.1.01.',
        Nilai: '2420000',
      },
      {
        ...year,
        Kd_Desa: VILLAGE_A,
        No_SPP: 'SPP/001/2025',
        Kd_Keg: `${VILLAGE_A}02.01.01.`,
        No_Bukti: 'KW/001/2025',
        Kd_Rincian: '7.1.1.03.',
        Nilai: '330000',
      },
    ],
    Ta_Pencairan: [
      {
        ...year,
        Kd_Desa: VILLAGE_A,
        No_Cek: 'CEK/001/2025',
        No_SPP: 'SPP/001/2025',
        Tgl_Cek: '03/12/2025 00:00:00',
        Keterangan: 'Pencairan SPP 001',
        Jumlah: '22000000',
        Potongan: '2750000',
        KdBayar: '2',
      },
      {
        ...year,
        Kd_Desa: VILLAGE_A,
        No_Cek: 'CEK/UM/001/2025',
        No_SPP: PANJAR_SPP,
        Tgl_Cek: '04/02/2025 00:00:00',
        Keterangan: 'Pencairan panjar',
        Jumlah: '5000000',
        Potongan: '0',
        KdBayar: '2',
      },
    ],
    Ta_SPJ: [
      {
        ...year,
        Kd_Desa: VILLAGE_A,
        No_SPJ: PANJAR_SPJ,
        Tgl_SPJ: '04/20/2025 00:00:00',
        No_SPP: PANJAR_SPP,
        Keterangan: 'SPJ panjar alat tulis',
        Jumlah: '4400000',
        Potongan: '250000',
        Status: '2',
      },
    ],
    Ta_SPJRinci: [
      {
        ...panjarLine,
        No_SPJ: PANJAR_SPJ,
        No_SPP: PANJAR_SPP,
        JmlCair: '5000000',
        Nilai: '4400000',
        Sisa: '600000',
      },
    ],
    Ta_SPJBukti: [
      panjarReceipt('KW/P01/2025', 'Toko Sinar Jaya', '01.234.567.8-901.111', '2220000'),
      panjarReceipt('KW/P02/2025', 'Warung Bu Sri', '', '2180000'),
    ],
    Ta_SPJPot: [
      panjarDeduction('KW/P01/2025', '7.1.1.01.', '220000'),
      panjarDeduction('KW/P01/2025', '7.1.1.03.', '30000'),
    ],
    Ta_STS: [
      {
        ...year,
        Kd_Desa: VILLAGE_A,
        No_Bukti: 'STS/001/2025',
        Tgl_Bukti: '02/04/2025 00:00:00',
        Uraian: 'Setor hasil usaha BUM Desa ke bank',
        Jumlah: '2500000',
      },
    ],
    Ta_STSRinci: [
      {
        ...year,
        Kd_Desa: VILLAGE_A,
        No_Bukti: 'STS/001/2025',
        No_TBP: 'TBP/002/2025',
        Uraian: 'Hasil usaha BUM Desa',
        Nilai: '2500000',
      },
    ],
    Ta_Mutasi: [
      mutation('MUT/001/2025', '03/03/2025 00:00:00', 'UJI-TARIK', '2000000', 'Tarik tunai'),
      mutation('MUT/002/2025', '06/30/2025 00:00:00', 'UJI-BUNGA', '150000', 'Bunga bank Juni', {
        Kd_Rincian: '4.3.6.01.',
        Sumberdana: 'DLL',
      }),
      mutation('MUT/003/2025', '06/30/2025 00:00:00', 'UJI-ADM', '15000', 'Administrasi bank', {
        Kd_Keg: `${VILLAGE_A}01.01.01.`,
        Kd_Rincian: '5.2.5.90.',
        Sumberdana: 'DLL',
      }),
      mutation('MUT/004/2025', '07/01/2025 00:00:00', 'UJI-SETOR', '1000000', 'Setor kas ke bank'),
      { ...mutation('MUT/001/2025', '03/04/2025', 'UJI-TARIK', '1'), Kd_Desa: VILLAGE_B },
    ],
    Ta_Pajak: [
      {
        ...year,
        Kd_Desa: VILLAGE_A,
        No_SSP: 'SSP/001/2025',
        Tgl_SSP: '04/10/2025 00:00:00',
        Keterangan: 'Setor PPN dan PPh 22',
        NTPN: 'A1B2C3D4E5F60718',
        KdBayar: '2',
      },
      {
        ...year,
        Kd_Desa: VILLAGE_A,
        No_SSP: 'SSP/002/2025',
        Tgl_SSP: '05/05/2025 00:00:00',
        Keterangan: 'Setor pajak SPJ panjar',
        NTPN: 'B2C3D4E5F6071829',
        KdBayar: '1',
      },
    ],
    Ta_PajakRinci: [
      {
        ...year,
        Kd_Desa: VILLAGE_A,
        No_SSP: 'SSP/001/2025',
        No_Bukti: 'KW/001/2025',
        Kd_Rincian: '7.1.1.01.',
        Nilai: '2420000',
      },
      {
        ...year,
        Kd_Desa: VILLAGE_A,
        No_SSP: 'SSP/001/2025',
        No_Bukti: 'KW/001/2025',
        Kd_Rincian: '7.1.1.03.',
        Nilai: '330000',
      },
      {
        ...year,
        Kd_Desa: VILLAGE_A,
        No_SSP: 'SSP/002/2025',
        No_Bukti: 'KW/P01/2025',
        Kd_Rincian: '7.1.1.01.',
        Nilai: '220000',
      },
      {
        ...year,
        Kd_Desa: VILLAGE_A,
        No_SSP: 'SSP/002/2025',
        No_Bukti: 'KW/P01/2025',
        Kd_Rincian: '7.1.1.03.',
        Nilai: '30000',
      },
    ],
  };
}

/** A Ta_Mutasi row of village A; its Kd_Mutasi codes are the test codes of 35.10's 2025 policy. */
function mutation(
  number: string,
  date: string,
  code: string,
  amount: string,
  keterangan = '',
  line: Record<string, string> = {},
) {
  return {
    ...year,
    Kd_Desa: VILLAGE_A,
    No_Bukti: number,
    Tgl_Bukti: date,
    Keterangan: keterangan,
    Kd_Bank: 'Bank Jatim',
    Kd_Rincian: '',
    Kd_Keg: '',
    Sumberdana: '',
    ...line,
    Kd_Mutasi: code,
    Nilai: amount,
  };
}

const PANJAR_SPP = 'SPP/UM/001/2025';
const PANJAR_SPJ = 'SPJ/001/2025';
const panjarLine = {
  ...year,
  Kd_Desa: VILLAGE_A,
  Kd_Keg: `${VILLAGE_A}02.01.01.`,
  Kd_Rincian: '5.2.1.01.',
  Sumberdana: 'ADD',
};

function panjarReceipt(number: string, payee: string, npwp: string, amount: string) {
  return {
    ...panjarLine,
    No_SPJ: PANJAR_SPJ,
    No_Bukti: number,
    Tgl_Bukti: '04/15/2025 00:00:00',
    Nm_Penerima: payee,
    Alamat: 'Pasar Desa',
    Rek_Bank: '',
    Nm_Bank: '',
    NPWP: npwp,
    Keterangan: 'Alat tulis',
    Nilai: amount,
  };
}

function panjarDeduction(receipt: string, account: string, amount: string) {
  return {
    ...year,
    Kd_Desa: VILLAGE_A,
    No_SPJ: PANJAR_SPJ,
    Kd_Keg: `${VILLAGE_A}02.01.01.`,
    No_Bukti: receipt,
    Kd_Rincian: account,
    Nilai: amount,
  };
}

/**
 * The two-village file with village A's PAUD line overspent, as happened:
 * a second ADD receipt of Rp 200,000,000 (TBP/003, into the bank) and a
 * second LS SPP of Rp 110,000,000 on 02.01.01 / 5.2.2.01 / ADD (SPP/002,
 * paid from the bank on 20 May), where Rp 125,000,000 was budgeted and
 * Rp 22,000,000 already paid: Rp 132,000,000 realised, Rp 7,000,000 over.
 */
export function overspentVillageTables(): FixtureTables {
  const tables = twoVillageTables();
  tables.Ta_TBP!.push(
    tbp(
      VILLAGE_A,
      'TBP/003/2025',
      '05/02/2025 00:00:00',
      'Penerimaan ADD tahap II',
      'Kas Daerah',
      '2',
    ),
  );
  tables.Ta_TBPRinci!.push({
    ...tables.Ta_TBPRinci![0]!,
    No_Bukti: 'TBP/003/2025',
    Nilai: '200000000',
  });
  const spp = 'SPP/002/2025';
  tables.Ta_SPP!.push({
    ...tables.Ta_SPP![0]!,
    No_SPP: spp,
    Tgl_SPP: '05/15/2025 00:00:00',
    Keterangan: 'Rehab ruang PAUD',
    Jumlah: '110000000',
    Potongan: '0',
  });
  tables.Ta_SPPRinci!.push({ ...tables.Ta_SPPRinci![0]!, No_SPP: spp, Nilai: '110000000' });
  tables.Ta_SPPBukti!.push({
    ...tables.Ta_SPPBukti![0]!,
    No_SPP: spp,
    No_Bukti: 'KW/002/2025',
    Tgl_Bukti: '05/14/2025 00:00:00',
    Nm_Penerima: 'CV Bangun Desa',
    NPWP: '',
    Nilai: '110000000',
  });
  tables.Ta_Pencairan!.push({
    ...tables.Ta_Pencairan![0]!,
    No_Cek: 'CEK/002/2025',
    No_SPP: spp,
    Tgl_Cek: '05/20/2025 00:00:00',
    Jumlah: '110000000',
    Potongan: '0',
  });
  return tables;
}

function kegiatan(kdDesa: string, code: string, name: string) {
  return {
    ...year,
    Kd_Desa: kdDesa,
    Kd_Bid: `${kdDesa}${code.slice(0, 3)}`,
    Kd_Keg: `${kdDesa}${code}`,
    ID_Keg: code,
    Nama_Kegiatan: name,
    Lokasi: 'Dusun Krajan',
    Keluaran: '1 Kegiatan',
    Nm_PPTKD: 'Bambang',
    Jbt_PPTKD: 'Kasi Pemerintahan',
  };
}

function rab(
  kdDesa: string,
  keg: string,
  rincian: string,
  urut: string,
  source: string,
  uraian: string,
  volume: string,
  price: string,
  amount: string,
) {
  return {
    ...year,
    Kd_Desa: kdDesa,
    Kd_Keg: `${kdDesa}${keg}`,
    Kd_Rincian: rincian,
    Kd_SubRinci: '01',
    No_Urut: urut,
    SumberDana: source,
    Uraian: uraian,
    Satuan: 'OB',
    JmlSatuan: volume,
    HrgSatuan: price,
    Anggaran: amount,
    JmlSatuanPAK: volume,
    HrgSatuanPAK: price,
    AnggaranStlhPAK: amount,
    AnggaranPAK: '0',
    Kode_SBU: '',
  };
}

function tbp(
  kdDesa: string,
  number: string,
  date: string,
  uraian: string,
  payer: string,
  kdBayar: string,
) {
  return {
    ...year,
    Kd_Desa: kdDesa,
    No_Bukti: number,
    Tgl_Bukti: date,
    Uraian: uraian,
    Nm_Penyetor: payer,
    Alamat_Penyetor: '',
    TTD_Penyetor: '',
    NoRek_Bank: '',
    Nama_Bank: '',
    Jumlah: '',
    Nm_Bendahara: '',
    Jbt_Bendahara: '',
    Status: '1',
    KdBayar: kdBayar,
    Ref_Bayar: '',
  };
}

/**
 * The two-village file grown to about `rows` rows for village A: PAD receipts
 * in cash and LS SPPs paid from the bank, each within what the budget and
 * the balances allow. The import benchmark's workload.
 */
export function largeVillageTables(rows: number): FixtureTables {
  const tables = twoVillageTables();
  const spps = Math.floor(rows * 0.07);
  const receipts = Math.floor((rows - spps * 4) / 2);
  for (let n = 1; n <= receipts; n += 1) {
    const number = `TBP/B${String(n).padStart(5, '0')}`;
    tables.Ta_TBP!.push(
      tbp(VILLAGE_A, number, '02/10/2025 00:00:00', `Retribusi ${n}`, 'Warga', '1'),
    );
    tables.Ta_TBPRinci!.push({
      ...year,
      Kd_Desa: VILLAGE_A,
      No_Bukti: number,
      Kd_Keg: `${VILLAGE_A}00.00.00.`,
      Kd_Rincian: '4.1.1.01.',
      RincianSD: '4.1.1.01.PAD',
      SumberDana: 'PAD',
      Nilai: '1000',
    });
  }
  for (let n = 1; n <= spps; n += 1) {
    const number = `SPP/B${String(n).padStart(5, '0')}`;
    const line = {
      ...year,
      Kd_Desa: VILLAGE_A,
      No_SPP: number,
      Kd_Keg: `${VILLAGE_A}02.01.01.`,
      Kd_Rincian: '5.2.2.01.',
      Sumberdana: 'ADD',
    };
    tables.Ta_SPP!.push({
      ...year,
      Kd_Desa: VILLAGE_A,
      No_SPP: number,
      Tgl_SPP: '04/01/2025 00:00:00',
      Jn_SPP: 'LS',
      Keterangan: `Belanja ${n}`,
      Jumlah: '100000',
      Potongan: '0',
      Status: '2',
    });
    tables.Ta_SPPRinci!.push({ ...line, Nilai: '100000' });
    tables.Ta_SPPBukti!.push({
      ...line,
      No_Bukti: `KW/B${n}`,
      Tgl_Bukti: '03/31/2025 00:00:00',
      Nm_Penerima: 'Toko Desa',
      Alamat: 'Krajan',
      Rek_Bank: '',
      Nm_Bank: '',
      NPWP: '',
      Keterangan: '',
      Nilai: '100000',
    });
    tables.Ta_Pencairan!.push({
      ...year,
      Kd_Desa: VILLAGE_A,
      No_Cek: `CEK/B${n}`,
      No_SPP: number,
      Tgl_Cek: '04/02/2025 00:00:00',
      Keterangan: '',
      Jumlah: '100000',
      Potongan: '0',
      KdBayar: '2',
    });
  }
  return tables;
}
