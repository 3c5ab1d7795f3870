/**
 * Child process for the durability tests: appends commands of 1–3 events to
 * random streams of the embedded store at KASDESA_TEST_FILE and prints one
 * line per acknowledged append, until it is killed or has made COUNT appends.
 */
import { randomUUID } from 'node:crypto';
import { withHashChain } from '../../src/eventstore/chained-store';
import { createEmbeddedStore } from '../../src/eventstore/embedded';
import { WrongExpectedRevisionError } from '../../src/eventstore/errors';

async function run(): Promise<void> {
  const store = withHashChain(createEmbeddedStore({ file: process.env.KASDESA_TEST_FILE! }));
  const streams = Number(process.env.STREAMS ?? 20);
  const count = Number(process.env.COUNT ?? Number.MAX_SAFE_INTEGER);
  for (let i = 0; i < count; i++) {
    const stream = `durability-${Math.floor(Math.random() * streams)}`;
    const events = Array.from({ length: 1 + Math.floor(Math.random() * 3) }, () => ({
      id: randomUUID(),
      type: 'DurabilityProbed',
      data: { amount: `${Math.floor(Math.random() * 1e9)}.00` },
      metadata: {},
    }));
    const current = await store.streamRevision(stream);
    try {
      const result = await store.append(stream, events, current ?? 'no_stream');
      process.stdout.write(
        `ack ${stream} ${result.nextRevision} ${events.map((e) => e.id).join(',')}\n`,
      );
    } catch (error) {
      if (!(error instanceof WrongExpectedRevisionError)) throw error;
      process.stdout.write(`conflict ${stream}\n`);
    }
  }
  await store.close();
}

run().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
