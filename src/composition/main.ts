import { join } from 'node:path';
import pino from 'pino';
import { createAccessService } from '../access/access-service';
import { ensureAdministrator } from '../access/bootstrap';
import { ReferenceCatalog } from '../app/load-reference-data';
import { createRegionService } from '../app/region-service';
import { FolderBlobStore } from '../eventstore/blob-store';
import type { SessionFollower } from '../access/session-follower';
import { openSessionStream } from '../access/session-stream';
import { runConfiguration, type DemoSettings } from './demo-settings';
import { announceDemo, demoSeeded, seedDemoWithProgress } from '../demo/first-start';
import { openStore } from './open-store';
import type { EventStore } from '../eventstore/port';
import { API_BASE, createApp } from '../http/app';
import type { ReadinessCheck } from '../http/readiness';
import type { ProjectionEngine } from '../../projections/engine/projection-engine';
import { openReadModels } from './read-model-runtime';
import { SHUTDOWN_GRACE_MS } from '../limits';
import { webPages } from '../web/web-pages';

/**
 * One line per request: written asynchronously, so a slow reader of stdout
 * (a pipe, a log shipper) never stalls request handling. pino flushes what is
 * buffered synchronously on exit, so a normal shutdown or a fatal exit loses none.
 */
const log = pino({ name: 'kasdesa' }, pino.destination({ sync: false }));

function announceLogin(url: string, login: { username: string; password: string }): void {
  console.log(
    [
      '',
      'Administrator pertama dibuat / first administrator created:',
      `  pengguna / username: ${login.username}`,
      `  kata sandi / password: ${login.password}`,
      `  masuk / log in: curl -X POST ${url}${API_BASE}/auth/login -H 'content-type: application/json' \\`,
      `    -d '{"username":"${login.username}","password":"${login.password}"}'`,
      'Simpan kata sandi ini; tidak akan ditampilkan lagi / keep this password; it is not shown again.',
      '',
    ].join('\n'),
  );
}

/**
 * `/readyz` holds back traffic until every projection has caught up with the
 * store; it names the position the read models have reached, beside the
 * store's head, so that how far they lag can be watched.
 */
function projectionsCaughtUp(engine: ProjectionEngine): ReadinessCheck {
  return {
    name: 'projections',
    async check() {
      const statuses = await engine.status();
      const position = statuses.reduce(
        (oldest, { checkpoint }) =>
          checkpoint !== undefined && checkpoint < oldest ? checkpoint : oldest,
        statuses[0]?.checkpoint ?? 0n,
      );
      const behind = statuses.filter((status) => !status.caughtUp);
      if (behind.length > 0)
        throw new Error(
          `tertinggal di posisi ${position} / behind at position ${position}: ${behind.map((s) => s.name).join(', ')}`,
        );
      return `caught up at position ${position}`;
    },
  };
}

/** `/readyz` holds back traffic from an instance that cannot read the session stream (it might accept an ended session). */
function sessionsFollowed(follower: SessionFollower): ReadinessCheck {
  return { name: 'sessions', check: async () => follower.status() };
}

/** First start of the demo: the regency is seeded before the server takes traffic. */
async function seedOnFirstStart(store: EventStore, demo: DemoSettings): Promise<void> {
  if (!demo.enabled || (await demoSeeded(store))) return;
  await seedDemoWithProgress(store, demo);
}

/**
 * Starts the server on the configured store (seeding the demo regency on its
 * first start) with the read models followed live; on SIGINT/SIGTERM finishes
 * in-flight requests, then stops following the sessions and the projections
 * and closes the store.
 */
async function main(): Promise<void> {
  const { config, demo, regencyCode } = runConfiguration();
  const store = openStore(config);
  await seedOnFirstStart(store, demo);
  const access = createAccessService({ store, regencyCode });
  const login = await ensureAdministrator(access);
  const reference = new ReferenceCatalog();
  const regions = createRegionService({ store, regencyCode, reference });
  await regions.refresh();
  const readModels = openReadModels(store, config, reference);
  await readModels.engine.start();
  const sessionStream = openSessionStream({ store, regencyCode });
  await sessionStream.follower.start();
  let shuttingDown = false;
  const app = createApp({
    store,
    storeKind: config.store,
    access,
    reference,
    regions,
    // Photos beside the embedded store's file, in the same data folder the operator backs up.
    blobs: new FolderBlobStore(join(config.dataDir, 'photos')),
    monitoringPolicy: config.monitoringPolicy,
    ...(config.villageNode && { villageNode: config.villageNode }),
    log,
    shuttingDown: () => shuttingDown,
    readModels: readModels.engine,
    sessionStream,
    pages: (services) =>
      webPages({
        ...services,
        complaintsContact: config.complaintsContact,
        mapTiles: config.mapTiles,
      }),
    trustProxyHops: config.trustProxyHops,
    warmCommandStates: true,
    readinessChecks: [
      projectionsCaughtUp(readModels.engine),
      sessionsFollowed(sessionStream.follower),
    ],
  });
  const server = app.listen(config.port, () => {
    const url = `http://localhost:${config.port}`;
    log.info(
      {
        port: config.port,
        store: config.store,
        dataDir: config.store === 'embedded' ? config.dataDir : undefined,
        regency: regencyCode,
      },
      `Kasdesa berjalan di ${url}${API_BASE}/docs / Kasdesa is listening`,
    );
    if (login) announceLogin(url, login);
    if (demo.enabled) announceDemo(`${url}${API_BASE}/docs`);
  });
  const closeAll = async () => {
    await sessionStream.follower.stop();
    await readModels.engine.stop();
    readModels.close();
    await store.close();
  };
  const shutdown = () => {
    if (shuttingDown) return;
    shuttingDown = true;
    log.info(
      'Menutup: menyelesaikan permintaan berjalan / shutting down: finishing in-flight requests',
    );
    server.close(() => void closeAll().then(() => process.exit(0)));
    server.closeIdleConnections();
    setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS).unref();
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  log.fatal({ err: error }, 'Kasdesa gagal dijalankan / Kasdesa failed to start');
  process.exit(1);
});
