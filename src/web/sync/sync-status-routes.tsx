import express, { type Router } from 'express';
import { HttpProblem } from '../../http/problem';
import { RegencySync } from '../../sync/regency-sync';
import { syncStatusView } from '../../sync/sync-record';
import { pageUser, requireSignedIn, send, sendRefusal, type PageServices } from '../page-kit';
import { HOME_PATH } from '../paths';
import { SYNC_STATUS_PATH, SYNC_STATUS_ROLES } from './sync-paths';
import { SyncStatusPage } from './sync-status-page';

/** The regency's sync status page: the same status the API's GET /sync/status answers. */
export function syncStatusRoutes(services: PageServices): Router {
  const router = express.Router();
  const { store, access, reference } = services;
  const regency = new RegencySync({
    store,
    regencyCode: access.regencyCode,
    fiscalYears: () => reference.fiscalYears(access.regencyCode),
  });
  router.get(SYNC_STATUS_PATH, requireSignedIn(services), async (req, res) => {
    const signedIn = pageUser(res);
    try {
      if (!SYNC_STATUS_ROLES.includes(signedIn.user.role))
        throw new HttpProblem('ROLE_NOT_PERMITTED', 'role', signedIn.user.role, {
          detail: { id: 'status sinkronisasi', en: 'sync status' },
        });
      const status = syncStatusView(await regency.status());
      send(
        res,
        200,
        'Sinkronisasi simpul desa',
        <SyncStatusPage signedIn={signedIn} status={status} />,
      );
    } catch (error) {
      sendRefusal(req, res, error, HOME_PATH);
    }
  });
  return router;
}
