import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createEmbeddedStore } from '../../src/eventstore/embedded';
import { verifyAllStreams } from '../../src/eventstore/verify-stream';
import { tempDir } from '../support/temp-dir';

const CHILD = join(__dirname, '..', 'support', 'append-child.ts');

interface ChildRun {
  acks: { stream: string; revision: bigint; ids: string[] }[];
  conflicts: number;
  exit: { code: number | null; signal: NodeJS.Signals | null };
}

/** Runs the append child; kills it with SIGKILL `killAfterMs` after its first acknowledgement, if given. */
function runChild(
  file: string,
  env: Record<string, string>,
  killAfterMs?: number,
): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', CHILD], {
      env: { ...process.env, KASDESA_TEST_FILE: file, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const run: ChildRun = { acks: [], conflicts: 0, exit: { code: null, signal: null } };
    let buffered = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop()!;
      for (const line of lines) {
        const [kind, stream, revision, ids] = line.split(' ');
        if (kind === 'ack') {
          if (run.acks.length === 0 && killAfterMs !== undefined)
            setTimeout(() => child.kill('SIGKILL'), killAfterMs);
          run.acks.push({ stream: stream!, revision: BigInt(revision!), ids: ids!.split(',') });
        } else if (kind === 'conflict') run.conflicts += 1;
      }
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code !== 0 && signal === null)
        reject(new Error(`append child failed (${code}): ${stderr}`));
      else resolve({ ...run, exit: { code, signal } });
    });
  });
}

async function assertAcknowledgedAndChained(file: string, acks: ChildRun['acks']): Promise<void> {
  const store = createEmbeddedStore({ file });
  try {
    for (const ack of acks) {
      const first = ack.revision - BigInt(ack.ids.length - 1);
      const stored = await store.readStream(ack.stream, {
        fromRevision: first,
        maxCount: ack.ids.length,
      });
      expect(stored.map((e) => e.id)).toEqual(ack.ids);
    }
    const verification = await verifyAllStreams(store);
    expect(verification.filter((v) => !v.ok)).toEqual([]);
  } finally {
    await store.close();
  }
}

describe('embedded store durability', () => {
  test('every append acknowledged before a SIGKILL survives it, and every chain verifies (12 kills)', async () => {
    const temp = tempDir();
    const file = join(temp.dir, 'events.sqlite');
    const acknowledged: ChildRun['acks'] = [];
    try {
      for (let round = 0; round < 12; round++) {
        const run = await runChild(file, {}, 20 + Math.floor(Math.random() * 400));
        expect(run.exit.signal).toBe('SIGKILL');
        expect(run.acks.length).toBeGreaterThan(0);
        acknowledged.push(...run.acks);
        await assertAcknowledgedAndChained(file, acknowledged);
      }
    } finally {
      temp.remove();
    }
  }, 180_000);

  test('processes appending to the same streams at once: every conflict writes nothing, chains stay whole', async () => {
    const temp = tempDir();
    const file = join(temp.dir, 'events.sqlite');
    try {
      await createEmbeddedStore({ file }).close();
      const runs = await Promise.all(
        [1, 2, 3].map(() => runChild(file, { STREAMS: '3', COUNT: '150' })),
      );
      const acks = runs.flatMap((r) => r.acks);
      await assertAcknowledgedAndChained(file, acks);
      const store = createEmbeddedStore({ file });
      const stored = await store.readAll({ maxCount: 100_000 });
      await store.close();
      expect(stored.length).toBe(acks.reduce((sum, ack) => sum + ack.ids.length, 0));
      expect(runs.reduce((sum, r) => sum + r.acks.length + r.conflicts, 0)).toBe(450);
    } finally {
      temp.remove();
    }
  }, 120_000);
});
