import pino from 'pino';
import { createAccessService } from './access/access-service';
import { ensureAdministrator } from './access/bootstrap';
import { deploymentRegency } from './access/deployment-regency';
import { loadConfig } from './config';
import { openStore } from './eventstore/open-store';
import { API_BASE, createApp } from './http/app';

const log = pino({ name: 'kasdesa' });

/** How long shutdown waits for in-flight requests before cutting the remaining connections. */
const SHUTDOWN_GRACE_MS = 10_000;

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

/** Starts the server on the configured store; on SIGINT/SIGTERM finishes in-flight requests, then closes the store. */
async function main(): Promise<void> {
  const config = loadConfig();
  const store = openStore(config);
  const access = createAccessService({ store, regencyCode: deploymentRegency(config.regencyCode) });
  const login = await ensureAdministrator(access);
  let shuttingDown = false;
  const app = createApp({
    store,
    storeKind: config.store,
    access,
    log,
    shuttingDown: () => shuttingDown,
  });
  const server = app.listen(config.port, () => {
    const url = `http://localhost:${config.port}`;
    log.info(
      {
        port: config.port,
        store: config.store,
        dataDir: config.store === 'embedded' ? config.dataDir : undefined,
      },
      `Kasdesa berjalan di ${url}${API_BASE}/docs / Kasdesa is listening`,
    );
    if (login) announceLogin(url, login);
  });
  const shutdown = () => {
    if (shuttingDown) return;
    shuttingDown = true;
    log.info(
      'Menutup: menyelesaikan permintaan berjalan / shutting down: finishing in-flight requests',
    );
    server.close(() => void store.close().then(() => process.exit(0)));
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
