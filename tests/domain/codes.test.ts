import { levelOf, parentOf, prefixAt } from '../../src/domain/shared/dotted-codes';

describe('prefixAt', () => {
  it('keeps the first segments of a region code', () => {
    expect(prefixAt('35.99.01.2001', 2)).toBe('35.99');
    expect(prefixAt('35.99.01.2001', 3)).toBe('35.99.01');
    expect(prefixAt('35.99.01.2001', 1)).toBe('35');
  });

  it('answers the whole code when it has no more segments than asked', () => {
    expect(prefixAt('35.99.01.2001', 4)).toBe('35.99.01.2001');
    expect(prefixAt('35.99', 3)).toBe('35.99');
    expect(prefixAt('35', 1)).toBe('35');
  });

  it('answers nothing for no segments', () => {
    expect(prefixAt('35.99.01.2001', 0)).toBe('');
  });

  it('agrees with the parent and level of every prefix of an account code', () => {
    const code = '9.8.7.06';
    for (let level = 1; level < levelOf(code); level += 1)
      expect(parentOf(prefixAt(code, level + 1))).toBe(prefixAt(code, level));
  });
});
