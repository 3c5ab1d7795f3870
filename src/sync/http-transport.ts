import type { SyncTransport } from './node-sync';
import {
  answerFromWire,
  batchFromWire,
  batchToWire,
  headsAnswerSchema,
  pullAnswerSchema,
  pushAnswerSchema,
} from './sync-wire';

/** Posts a JSON body to a sync path (`/sync/batches`) and gives the answer's JSON, or throws. */
export type PostJson = (path: string, body: unknown) => Promise<unknown>;

/** The node's side of the HTTPS endpoints, over whatever carries the requests (fetch, a test agent). */
export function syncTransportOver(post: PostJson): SyncTransport {
  return {
    async heads(streams) {
      const { heads } = headsAnswerSchema.parse(await post('/sync/heads', { streams }));
      return new Map(
        Object.entries(heads).flatMap(([stream, head]) =>
          head === null ? [] : [[stream, BigInt(head)] as const],
        ),
      );
    },
    async push(batches) {
      const body = { batches: batches.map(batchToWire) };
      return pushAnswerSchema.parse(await post('/sync/batches', body)).answers.map(answerFromWire);
    },
    async pull(after) {
      const body = {
        after: Object.fromEntries([...after].map(([stream, head]) => [stream, head.toString()])),
      };
      return pullAnswerSchema.parse(await post('/sync/pull', body)).batches.map(batchFromWire);
    },
  };
}
