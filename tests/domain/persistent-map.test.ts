import fc from 'fast-check';
import { PersistentMap } from '../../src/domain/shared/persistent-map';

type Operation = { set: [string, number] } | { delete: string };

/** Few distinct keys, so that sets overwrite and deletes hit; many, so that leaves collide. */
const key = fc.oneof(fc.constantFrom('a', 'b', 'c'), fc.string({ maxLength: 4 }));
const operation: fc.Arbitrary<Operation> = fc.oneof(
  fc.tuple(key, fc.integer()).map((set): Operation => ({ set })),
  key.map((deleted): Operation => ({ delete: deleted })),
);

describe('PersistentMap', () => {
  test('behaves as a Map (insertion order kept) and leaves every older version as it was', () => {
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 300 }), (operations) => {
        let map = PersistentMap.empty<number>();
        const model = new Map<string, number>();
        const versions: [PersistentMap<number>, [string, number][]][] = [];
        for (const each of operations) {
          if ('set' in each) {
            map = map.set(...each.set);
            model.set(...each.set);
          } else {
            map = map.delete(each.delete);
            model.delete(each.delete);
          }
          versions.push([map, [...model]]);
        }
        for (const [version, entries] of versions) {
          expect([...version]).toEqual(entries);
          expect(version.size).toBe(entries.length);
        }
        for (const [k, v] of model) expect([map.has(k), map.get(k)]).toEqual([true, v]);
      }),
    );
  });

  test('keeps thousands of keys apart', () => {
    const keys = Array.from({ length: 5000 }, (_, i) => `entry-${i}`);
    const map = PersistentMap.from(keys.map((k, i) => [k, i]));
    expect([...map.keys()]).toEqual(keys);
    expect(keys.every((k, i) => map.get(k) === i)).toBe(true);
    expect(map.delete('entry-42').has('entry-42')).toBe(false);
    expect(map.has('entry-42')).toBe(true);
  });
});
