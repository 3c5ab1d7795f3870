import type { Role } from '../../access/roles';

/** The regency's view of its village nodes: last sync and quarantined streams. */
export const SYNC_STATUS_PATH = '/kabupaten/sinkronisasi';

/** Who sees it: those who read the sync status through the API. */
export const SYNC_STATUS_ROLES: readonly Role[] = ['administrator', 'regencyFinance'];
