import { startKasdesa, type KasdesaProcess } from '../e2e/support/kasdesa-process';
import { tempDir } from '../support/temp-dir';

const REQUESTS = 100;

interface LogLine {
  msg?: string;
  requestId?: string;
}

function logLines(output: string): LogLine[] {
  return output
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as LogLine);
}

/**
 * The request log is written asynchronously; a normal shutdown (SIGTERM)
 * must still leave every line on stdout, up to the shutdown notice.
 */
describe('the request log of the real server process', () => {
  const data = tempDir('kasdesa-log-');
  let server: KasdesaProcess | undefined;

  afterAll(async () => {
    if (server?.running()) await server.stop();
    data.remove();
  });

  test('holds a line for every request answered before a SIGTERM, and the shutdown notice', async () => {
    server = await startKasdesa({
      KASDESA_STORE: 'embedded',
      KASDESA_DATA_DIR: data.dir,
      KASDESA_DEMO: '0',
    });
    const ids = Array.from({ length: REQUESTS }, (_, index) => `log-test-${index}`);
    const statuses = await Promise.all(
      ids.map(async (id) => {
        const response = await fetch(`${server!.baseUrl}/healthz`, {
          headers: { 'x-request-id': id },
        });
        return response.status;
      }),
    );
    expect(new Set(statuses)).toEqual(new Set([200]));

    expect(await server.stop()).toBe(0);

    const lines = logLines(server.output());
    const logged = new Set(
      lines.filter((line) => line.msg === 'request').map((line) => line.requestId),
    );
    expect(ids.filter((id) => !logged.has(id))).toEqual([]);
    expect(lines.at(-1)?.msg).toMatch(/shutting down/);
  }, 120_000);
});
