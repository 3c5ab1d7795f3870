import fc from 'fast-check';
import { immutablePart } from '../../src/reports/render/immutable-part';
import { renderJson } from '../../src/reports/render/json';

const print = (model: unknown) => `${JSON.stringify(model, null, 2)}\n`;

describe('JSON rendering', () => {
  test('prints what JSON.stringify prints, immutable parts included, however deep they sit', () => {
    const value = fc.jsonValue({ maxDepth: 3 });
    fc.assert(
      fc.property(value, value, fc.nat(4), (outer, inner, depth) => {
        const part = immutablePart({ inner });
        let placed: unknown = { part, again: [part] };
        for (let level = 0; level < depth; level += 1) placed = [{ outer, placed }];
        expect(renderJson(placed)).toBe(print(placed));
        expect(renderJson(placed)).toBe(print(placed));
        expect(renderJson(part)).toBe(print(part));
      }),
    );
  });

  test('an immutable part is frozen', () => {
    const part = immutablePart({ rows: [{ amount: '1.00' }] });
    expect(() => Object.assign(part, { rows: [] })).toThrow(TypeError);
  });
});
