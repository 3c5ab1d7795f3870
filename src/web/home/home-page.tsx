import type { Activity, BudgetState } from '../../domain/village/state';
import { AUDIT_READERS } from '../../http/audit-endpoints';
import { mayAdministerUsers, NEW_USER_PATH, USERS_PATH } from '../admin/admin-paths';
import { AUDIT_PATH } from '../audit/audit-paths';
import { EVALUATION_ROLES, EVALUATIONS_PATH } from '../district/district-paths';
import { Layout } from '../layout';
import { PROJECT_MAP_PATH } from '../projects/project-paths';
import { ROLE_NAMES } from '../role-names';
import type { PageSession } from '../session/web-session';
import { ActivityList } from './activity-list';
import { AttentionSection, type Attention } from './attention-section';
import { BudgetStage } from './budget-stage';
import { TreasurerSection, type TreasurerFigures } from './treasurer-section';
import { WaitingList } from './waiting-list';
import type { WaitingItem } from './waiting-work';
import { SyncPanel } from './sync-panel';
import type { NodeSyncStatus } from '../../sync/node-sync-status';
import type { TimeZone } from '../../domain/shared/local-date';

/** A village role's home: what it looks after in the year and what waits for it. */
export interface VillageHome {
  fiscalYear: number;
  waiting: WaitingItem[];
  attention: Attention;
  treasurer?: TreasurerFigures;
  budget?: BudgetState;
  activities?: Activity[];
  /** Only on the village's node: its sync with the regency. */
  sync?: { status: NodeSyncStatus; timeZone: TimeZone };
}

/** The home of a signed-in user: role and region; a village role also sees its year's work. */
export function HomePage({
  signedIn,
  village,
  recorded,
}: {
  signedIn: PageSession;
  village?: VillageHome;
  /** The title of the form just sent, after its redirect here. */
  recorded?: string;
}) {
  const { user, session } = signedIn;
  return (
    <Layout user={user} csrfToken={session.csrfToken}>
      <h1>Beranda</h1>
      {recorded && (
        <p class="notice" role="status">
          Tercatat: {recorded}.
        </p>
      )}
      <p>
        {ROLE_NAMES[user.role]} · wilayah {user.scope}
        {village && ` · tahun anggaran ${village.fiscalYear}`}
      </p>
      {AUDIT_READERS.includes(user.role) && (
        <p>
          <a href={AUDIT_PATH}>Audit: riwayat angka, dua jam, verifikasi rantai</a>
        </p>
      )}
      {EVALUATION_ROLES.includes(user.role) && (
        <p>
          <a href={EVALUATIONS_PATH}>Evaluasi rancangan APBDes desa di kecamatan Anda</a>
        </p>
      )}
      {mayAdministerUsers(user.role) && (
        <p>
          <a href={USERS_PATH}>Pengguna: daftar, peran, cakupan, kata sandi</a> ·{' '}
          <a href={NEW_USER_PATH}>Daftarkan pengguna baru</a>
        </p>
      )}
      {village && <AttentionSection attention={village.attention} />}
      {village && (
        <p>
          <a href={PROJECT_MAP_PATH}>Proyek fisik desa: kemajuan, foto dan peta</a>
        </p>
      )}
      {village?.treasurer && <TreasurerSection figures={village.treasurer} />}
      {village?.budget && <BudgetStage budget={village.budget} />}
      {village?.activities && <ActivityList activities={village.activities} />}
      {village && <WaitingList items={village.waiting} />}
      {village?.sync && <SyncPanel {...village.sync} />}
    </Layout>
  );
}
