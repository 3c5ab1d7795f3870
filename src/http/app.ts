import express, { type Express } from 'express';
import type { EventStore } from '../eventstore/port';
import { healthRouter } from './health';

export interface AppDependencies {
  store: EventStore;
  storeKind: string;
}

/** The express application: every route Kasdesa serves. */
export function createApp({ store, storeKind }: AppDependencies): Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(healthRouter(store, storeKind));
  return app;
}
