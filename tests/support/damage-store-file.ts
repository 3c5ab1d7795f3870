import { randomUUID } from 'node:crypto';
import { closeSync, openSync, statSync, truncateSync, writeSync } from 'node:fs';
import { withHashChain } from '../../src/eventstore/chained-store';
import { createEmbeddedStore } from '../../src/eventstore/embedded';

/** Ways a store file gets damaged outside Kasdesa: a copy cut short, pages overwritten by garbage. */
export const STORE_FILE_DAMAGES: readonly [string, (file: string) => void][] = [
  ['truncated', (file) => truncateSync(file, Math.floor(statSync(file).size * 0.6))],
  [
    'overwritten in places',
    (file) => {
      const fd = openSync(file, 'r+');
      writeSync(fd, Buffer.alloc(8192, 0xa5), 0, 8192, 4096);
      closeSync(fd);
    },
  ],
];

/** A store file of thirty hash-chained events over three streams, closed: something to damage. */
export async function writeStoreFile(file: string): Promise<void> {
  const store = withHashChain(createEmbeddedStore({ file }));
  for (let i = 0; i < 30; i++)
    await store.append(
      `village-${i % 3}`,
      [
        {
          id: randomUUID(),
          type: 'EvidenceAttached',
          data: { scan: 'x'.repeat(20_000) },
          metadata: {},
        },
      ],
      'any',
    );
  await store.close();
}
