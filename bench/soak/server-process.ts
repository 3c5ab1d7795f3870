import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { send } from '../../tests/support/simulation/http-client';
import { KASDESA_NODE_FLAGS } from '../../tests/e2e/support/kasdesa-process';

export interface ServerProcess {
  baseUrl: string;
  /** SIGKILL: no shutdown code runs, like a power cut for the process. */
  kill(): Promise<void>;
  /** What the server wrote, for a failure message. */
  output(): string;
}

/** A port free right now on loopback (the server is told to take it). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function waitReady(
  baseUrl: string,
  child: ChildProcess,
  output: () => string,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited ${child.exitCode}: ${output()}`);
    const ready = await send(`${baseUrl}/readyz`).then(
      (a) => a.status === 200,
      () => false,
    );
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`server not ready after ${timeoutMs} ms: ${output()}`);
}

/** Starts the built server on the embedded store in `dataDir` and waits until /readyz answers 200. */
export async function startServer(
  main: string,
  dataDir: string,
  timeoutMs = 60_000,
): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [...KASDESA_NODE_FLAGS, main], {
    env: {
      ...process.env,
      KASDESA_STORE: 'embedded',
      KASDESA_DATA_DIR: dataDir,
      KASDESA_DEMO: '0',
      KASDESA_REGENCY: '35.10',
      PORT: String(port),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  const keep = (chunk: Buffer) => (text = (text + chunk.toString()).slice(-20_000));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitReady(baseUrl, child, () => text, timeoutMs);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return {
    baseUrl,
    output: () => text,
    async kill() {
      child.kill('SIGKILL');
      await exited;
    },
  };
}
