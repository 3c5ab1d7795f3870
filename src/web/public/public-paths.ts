/** The public transparency pages: open to anyone, no login. */
export const PUBLIC_PATH = '/publik';

/** A village's public page of one fiscal year. */
export const publicYearPath = (villageCode: string, fiscalYear: number): string =>
  `${PUBLIC_PATH}/${encodeURIComponent(villageCode)}/${fiscalYear}`;
