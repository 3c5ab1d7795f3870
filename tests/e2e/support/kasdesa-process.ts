import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');

export interface KasdesaProcess {
  baseUrl: string;
  pid: number;
  /** What the server wrote on stdout and stderr (the last 50 kB), for failure messages. */
  output(): string;
  running(): boolean;
  /** SIGTERM, then the exit code once the process has gone. */
  stop(): Promise<number | null>;
}

export interface StartOptions {
  /** Extra node flags, e.g. `--cpu-prof`. */
  nodeArgs?: readonly string[];
  timeoutMs?: number;
}

/** A loopback port nobody listens on right now, for the server to take. */
async function freePort(): Promise<number> {
  const probe = createServer().listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address() as AddressInfo;
  probe.close();
  await once(probe, 'close');
  return port;
}

const ready = (baseUrl: string) =>
  fetch(`${baseUrl}/readyz`).then(
    (response) => response.status === 200,
    () => false,
  );

/** Node's flags for a Kasdesa process, as package.json's `start` script and the Dockerfile give them. */
export const KASDESA_NODE_FLAGS = ['--max-semi-space-size=64'];

/**
 * Starts the real server (`src/composition/main.ts` under ts-node, as `npm start` does)
 * with the given environment on a free port, and resolves once `/readyz`
 * answers 200: store reachable, demo seeded, projections caught up.
 */
export async function startKasdesa(
  env: Record<string, string>,
  options: StartOptions = {},
): Promise<KasdesaProcess> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [
      ...KASDESA_NODE_FLAGS,
      ...(options.nodeArgs ?? []),
      '-r',
      'ts-node/register/transpile-only',
      'src/composition/main.ts',
    ],
    { cwd: ROOT, env: { ...process.env, ...env, PORT: String(port) }, stdio: 'pipe' },
  );
  let text = '';
  const keep = (chunk: Buffer) => (text = (text + chunk.toString()).slice(-50_000));
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  while (!(await ready(baseUrl))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`Kasdesa tidak siap / not ready (exit ${child.exitCode}):\n${text}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    baseUrl,
    pid: child.pid!,
    output: () => text,
    running: () => child.exitCode === null && child.signalCode === null,
    stop() {
      child.kill('SIGTERM');
      return exited;
    },
  };
}
