import type { RequestHandler } from 'express';
import type { EventStore } from '../eventstore/port';

/** `/healthz`: the process is up and the store answers. */
export function healthCheck(store: EventStore, storeKind: string): RequestHandler {
  return async (_req, res) => {
    try {
      const head = await store.headPosition();
      res.json({ status: 'ok', store: storeKind, headPosition: head.toString() });
    } catch (error) {
      res.status(503).json({
        status: 'unavailable',
        store: storeKind,
        message: `Penyimpanan tidak dapat dijangkau / store unavailable: ${(error as Error).message}`,
      });
    }
  };
}
