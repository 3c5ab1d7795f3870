import fc from 'fast-check';
import type { Server } from 'node:http';
import request from 'supertest';
import { rolesFor } from '../../src/access/command-permissions';
import { AMOUNT_PATTERN } from '../../src/domain/shared/money';
import {
  bearer,
  COMMAND_ENDPOINTS,
  dumpAll,
  startTestServer,
  VILLAGE,
  type TestServer,
} from './support';

const WRITES = COMMAND_ENDPOINTS;

/** Money no command accepts: negative, over-precise, numbers, exponents, odd unicode digits and spaces. */
const invalidAmount = fc.oneof(
  fc.integer({ min: 1, max: 10 ** 9 }).map((n) => `-${n}`),
  fc
    .tuple(fc.nat(10 ** 6), fc.integer({ min: 100, max: 999 }))
    .map(([n, cents]) => `${n}.${cents}1`),
  fc.double({ noNaN: true }),
  fc.constantFrom(
    '1e6',
    ' 100',
    '١٠٠',
    '１００',
    '100,00',
    '∞',
    '',
    '0x10',
    '1_000',
    '\u0000',
    '\ud800',
  ),
  fc.string({ unit: 'binary', maxLength: 20 }).filter((text) => !AMOUNT_PATTERN.test(text)),
);

/** Bodies that are almost right: a real command's payload with an amount broken. */
const brokenAmountBodies = invalidAmount.chain((amount) =>
  fc.constantFrom(
    {
      type: 'OpenVillageFiscalYear',
      body: { openingBalances: { cashOnHand: amount, bank: '0' }, silpa: [] },
    },
    {
      type: 'SetAllocation',
      body: {
        villageCode: VILLAGE,
        source: 'DDS',
        amount,
        legalReference: { document: 'Perbup', number: '1', date: '2025-01-02' },
      },
    },
    {
      type: 'SendTransfer',
      body: {
        villageCode: VILLAGE,
        source: 'DDS',
        stage: 1,
        amount,
        date: '2025-02-01',
        reference: 'SP2D-1',
      },
    },
  ),
);

/** Anything JSON with one key no strict schema knows: never a valid command. */
const unknownKeyBodies = fc
  .tuple(
    fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
    fc.string({ unit: 'grapheme', maxLength: 10 }),
  )
  .map(([object, key]) => ({ ...object, [`zz-${key}`]: null }));

/** Raw text that is not a JSON object or array. */
const malformedJson = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }).map((text) => `{${text}`),
  fc.jsonValue().map((value) => JSON.stringify(value).slice(0, -1) + '\u2028{'),
  fc.constantFrom('', 'null', '"text"', '42', 'true', "{'single': 1}", '{"a":1,}'),
);

type Attempt = { type: string; path: string; raw: string };

const attempts: fc.Arbitrary<Attempt> = fc.oneof(
  brokenAmountBodies.map(({ type, body }) => {
    const write = WRITES.find((candidate) => candidate.type === type)!;
    return { ...write, raw: JSON.stringify(body) };
  }),
  fc
    .tuple(fc.constantFrom(...WRITES), unknownKeyBodies)
    .map(([write, body]) => ({ ...write, raw: JSON.stringify(body) })),
  fc
    .tuple(fc.constantFrom(...WRITES), fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 }))
    .map(([write, body]) => ({ ...write, raw: JSON.stringify(body) })),
  fc.tuple(fc.constantFrom(...WRITES), malformedJson).map(([write, raw]) => ({ ...write, raw })),
  fc
    .tuple(fc.constantFrom(...WRITES), fc.integer({ min: 70_000, max: 200_000 }))
    .map(([write, size]) => ({ ...write, raw: JSON.stringify({ pad: 'x'.repeat(size) }) })),
);

describe('fuzzing the write endpoints with invalid bodies', () => {
  let server: TestServer;
  let http: Server;
  beforeAll(async () => {
    server = await startTestServer();
    http = server.app.listen(0);
  });
  afterAll(() => new Promise<void>((resolve) => http.close(() => resolve())));

  it('answers 2,000 invalid bodies with 4xx problem+json and leaves $all byte-for-byte unchanged', async () => {
    const before = await dumpAll(server.store);
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(attempts, async ({ type, path, raw }) => {
        const role = rolesFor(type)[0]!;
        const response = await request(http)
          .post(path)
          .set(bearer(server.tokens[role]))
          .set('Content-Type', 'application/json')
          .send(raw);
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        expect(response.status).toBeGreaterThanOrEqual(400);
        expect(response.status).toBeLessThan(500);
        expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(response.body.rule).toEqual(expect.any(String));
      }),
      { numRuns: 2000, seed: 20250601 },
    );
    expect([...statuses.values()].reduce((a, b) => a + b, 0)).toBe(2000);
    expect(await dumpAll(server.store)).toBe(before);
    // 2,000 requests: about 11 s alone, several times that beside a browser suite on two cores.
  }, 120_000);
});
