import { seededRandom } from '../scenario/random';

/** The demo regency: a fictional Kemendagri code in East Java (35.xx), with invented regions. */
export const DEMO_REGENCY = { code: '35.99', name: 'Kabupaten Sukamakmur (demo)' };
/** East Java keeps Western Indonesian Time (WIB). */
const DEMO_TIME_ZONE = 'Asia/Jakarta';
export const DEMO_YEAR = 2025;
export const DEMO_SEED = 20250101;
const DISTRICTS = 20;
const VILLAGES_PER_DISTRICT = 10;

/** Javanese place-name parts: most East Javanese village names are two of these. */
const HEADS = [
  'Sumber',
  'Karang',
  'Tegal',
  'Wono',
  'Sido',
  'Kali',
  'Rejo',
  'Tanjung',
  'Gunung',
  'Banyu',
  'Sari',
  'Mulyo',
  'Joyo',
  'Purwo',
  'Kebon',
  'Watu',
  'Ngadi',
  'Tambak',
  'Wringin',
  'Bangun',
];
const TAILS = [
  'rejo',
  'agung',
  'mulyo',
  'sari',
  'harjo',
  'asri',
  'makmur',
  'jaya',
  'anyar',
  'kerto',
  'wangi',
  'dadi',
  'lor',
  'kidul',
  'wetan',
  'kulon',
  'tengah',
  'arum',
  'rahayu',
  'waras',
];
const STATUSES = ['mandiri', 'maju', 'berkembang', 'berkembang', 'tertinggal'];

export interface RegionRow {
  level: 'regency' | 'district' | 'village';
  code: string;
  name: string;
  status?: string;
  timeZone?: string;
  demo: boolean;
}

/** Twenty districts of ten villages, named and graded from the seed: the demo regency's regions.jsonl. */
export function demoRegionRows(seed: number = DEMO_SEED): RegionRow[] {
  const random = seededRandom(seed);
  const used = new Set<string>();
  const freshName = (): string => {
    for (;;) {
      const name = `${random.pick(HEADS)}${random.pick(TAILS)}`;
      if (!used.has(name)) {
        used.add(name);
        return name;
      }
    }
  };
  const rows: RegionRow[] = [
    { level: 'regency', ...DEMO_REGENCY, timeZone: DEMO_TIME_ZONE, demo: true },
  ];
  for (let d = 1; d <= DISTRICTS; d += 1) {
    const district = `${DEMO_REGENCY.code}.${String(d).padStart(2, '0')}`;
    rows.push({ level: 'district', code: district, name: freshName(), demo: true });
    for (let v = 1; v <= VILLAGES_PER_DISTRICT; v += 1) {
      rows.push({
        level: 'village',
        code: `${district}.${2000 + v}`,
        name: freshName(),
        status: random.pick(STATUSES),
        demo: true,
      });
    }
  }
  return rows;
}
