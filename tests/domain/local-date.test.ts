import { localDate } from '../../src/domain/shared/local-date';

describe('localDate', () => {
  it.each([
    ['2025-03-09T23:30:00Z', 'Asia/Jayapura', '2025-03-10'],
    ['2025-03-09T14:59:59Z', 'Asia/Jayapura', '2025-03-09'],
    ['2025-03-09T15:00:00Z', 'Asia/Jayapura', '2025-03-10'],
    ['2025-03-09T15:59:59Z', 'Asia/Makassar', '2025-03-09'],
    ['2025-03-09T16:00:00Z', 'Asia/Makassar', '2025-03-10'],
    ['2025-03-09T16:30:00Z', 'Asia/Jakarta', '2025-03-09'],
    ['2025-03-09T17:00:00Z', 'Asia/Jakarta', '2025-03-10'],
    ['2024-12-31T17:30:00Z', 'Asia/Jakarta', '2025-01-01'],
    ['2024-02-28T20:00:00Z', 'Asia/Jayapura', '2024-02-29'],
  ] as const)('%s in %s is %s', (instant, timeZone, date) => {
    expect(localDate(new Date(instant), timeZone)).toBe(date);
  });
});
