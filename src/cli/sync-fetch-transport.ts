import { gzipSync } from 'node:zlib';
import { syncTransportOver } from '../sync/http-transport';
import type { SyncTransport } from '../sync/node-sync';

/**
 * The node's HTTPS transport over fetch: gzip JSON bodies (a village's link is
 * slow), its bearer secret, and a refusal's bilingual problem as the error.
 */
export function fetchTransport(baseUrl: string, secret: string): SyncTransport {
  const api = `${baseUrl.replace(/\/+$/, '')}/api/v1`;
  return syncTransportOver(async (path, body) => {
    const response = await fetch(`${api}${path}`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${secret}`,
        'Content-Type': 'application/json',
        'Content-Encoding': 'gzip',
      },
      body: gzipSync(JSON.stringify(body)),
    });
    const answer: unknown = await response.json().catch(() => undefined);
    if (!response.ok) {
      const detail = (answer as { detail?: string } | undefined)?.detail;
      throw new Error(
        `Server sinkronisasi menolak / the sync server refused ${path}: HTTP ${response.status} ${detail ?? ''}`,
      );
    }
    return answer;
  });
}
