import type { Role } from '../access/roles';

/** Each role as the village calls it. */
export const ROLE_NAMES: Record<Role, string> = {
  treasurer: 'Bendahara (Kaur Keuangan)',
  activityExecutor: 'Pelaksana Kegiatan',
  secretary: 'Sekretaris Desa',
  villageHead: 'Kepala Desa',
  districtHead: 'Camat',
  regencyFinance: 'Keuangan Kabupaten',
  auditor: 'Auditor (Inspektorat)',
  administrator: 'Administrator',
};
