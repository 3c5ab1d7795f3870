import fc from 'fast-check';
import { createHash } from 'node:crypto';
import stringify from 'safe-stable-stringify';
import {
  GENESIS_HASH,
  hashLink,
  sealEvents,
  type ChainLink,
} from '../../src/eventstore/hash-chain';
import type { JsonObject } from '../../src/eventstore/port';

/**
 * The chain's hash format, stated independently of the implementation:
 * SHA-256 (hex) of the sorted-key JSON of the link, revision as a decimal
 * string, metadata without its `hash` and `prevHash`.
 */
function referenceHash(link: ChainLink): string {
  const { hash: _hash, prevHash: _prevHash, ...metadata } = link.metadata;
  const text = stringify({ ...link, revision: link.revision.toString(), metadata });
  return createHash('sha256').update(text!).digest('hex');
}

const json = fc.dictionary(fc.string(), fc.jsonValue()) as fc.Arbitrary<JsonObject>;
const link: fc.Arbitrary<ChainLink> = fc.record({
  stream: fc.string({ unit: 'binary' }),
  revision: fc.bigInt({ min: 0n, max: 2n ** 64n }),
  id: fc.uuid(),
  type: fc.string(),
  data: json,
  metadata: fc.record({ hash: fc.string(), prevHash: fc.string(), rest: json }),
  prevHash: fc.stringMatching(/^[0-9a-f]{64}$/),
});

describe('the hash chain format', () => {
  test('hashLink equals SHA-256 of the sorted-key JSON of the whole link', () => {
    fc.assert(
      fc.property(link, (l) => hashLink(l) === referenceHash(l)),
      { numRuns: 500 },
    );
  });

  test('a metadata key named __proto__ is covered like any other key', () => {
    const metadata = JSON.parse('{"__proto__":{"x":1},"actor":"a"}') as JsonObject;
    const base: ChainLink = {
      stream: 's',
      revision: 0n,
      id: 'e',
      type: 'T',
      data: {},
      metadata,
      prevHash: GENESIS_HASH,
    };
    expect(hashLink(base)).toBe(referenceHash(base));
    expect(hashLink(base)).not.toBe(hashLink({ ...base, metadata: { actor: 'a' } }));
  });

  test('sealed events carry the hash of their link, chained from the previous hash', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ data: json, metadata: json }), { minLength: 1, maxLength: 4 }),
        (events) => {
          const input = events.map((e, i) => ({ id: `e-${i}`, type: 'Tested', ...e }));
          const { sealed, lastHash } = sealEvents(
            's-1',
            7n,
            GENESIS_HASH,
            input,
            '2025-01-01T00:00:00.000Z',
          );
          let previous = GENESIS_HASH;
          sealed.forEach((event, i) => {
            expect(event.metadata.prevHash).toBe(previous);
            expect(event.metadata.recordedAt).toBe(
              typeof input[i]!.metadata.recordedAt === 'string'
                ? input[i]!.metadata.recordedAt
                : '2025-01-01T00:00:00.000Z',
            );
            const expected = referenceHash({
              ...event,
              stream: 's-1',
              revision: 7n + BigInt(i),
              prevHash: previous,
            });
            expect(event.metadata.hash).toBe(expected);
            previous = expected;
          });
          expect(lastHash).toBe(previous);
        },
      ),
      { numRuns: 200 },
    );
  });
});
