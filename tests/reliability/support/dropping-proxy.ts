import { createServer, connect, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { Random } from '../../support/simulation/prng';

export interface DroppingProxy {
  baseUrl: string;
  /** Responses the proxy cut off after the server had answered. */
  dropped(): number;
  close(): Promise<void>;
}

/**
 * A TCP proxy on loopback that forwards each request to the server and, for
 * a seeded share of connections, destroys the client's socket the moment the
 * server's answer arrives: the command ran, the client never hears of it.
 */
export function startDroppingProxy(
  target: string,
  random: Random,
  dropRate: number,
): Promise<DroppingProxy> {
  const { hostname, port } = new URL(target);
  let dropped = 0;
  const server: Server = createServer((client) => {
    const upstream = connect(Number(port), hostname);
    const drop = random.chance(dropRate);
    client.pipe(upstream);
    upstream.on('data', (chunk: Buffer) => {
      if (!drop) return void client.write(chunk);
      dropped += 1;
      client.destroy();
      upstream.destroy();
    });
    upstream.on('end', () => client.end());
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
    client.on('close', () => upstream.destroy());
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () =>
      resolve({
        baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        dropped: () => dropped,
        close: () => new Promise((done) => server.close(() => done())),
      }),
    );
  });
}
