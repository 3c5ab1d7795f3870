import pino from 'pino';
import { loadConfig } from './config';
import { openStore } from './eventstore/open-store';
import { createApp } from './http/app';

const log = pino({ name: 'kasdesa' });

/** Starts the server on the configured store and closes both cleanly on SIGINT/SIGTERM. */
async function main(): Promise<void> {
  const config = loadConfig();
  const store = openStore(config);
  const server = createApp({ store, storeKind: config.store }).listen(config.port, () => {
    log.info(
      { port: config.port, store: config.store, dataDir: config.store === 'embedded' ? config.dataDir : undefined },
      `Kasdesa berjalan di http://localhost:${config.port} / Kasdesa is listening`,
    );
  });
  const shutdown = () => {
    server.close(() => void store.close().then(() => process.exit(0)));
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  log.fatal({ err: error }, 'Kasdesa gagal dijalankan / Kasdesa failed to start');
  process.exit(1);
});
