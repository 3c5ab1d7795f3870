/** The public transparency pages: open to anyone, no login. */
export const PUBLIC_PATH = '/publik';

/** A village's public page of one fiscal year. */
export const publicYearPath = (villageCode: string, fiscalYear: number): string =>
  `${PUBLIC_PATH}/${encodeURIComponent(villageCode)}/${fiscalYear}`;

/** The poster file name under a village year's page. */
export const POSTER_FILE = 'baliho.pdf';

/** The village year's APBDes poster (baliho), A1, as a PDF. */
export const publicPosterPath = (villageCode: string, fiscalYear: number): string =>
  `${publicYearPath(villageCode, fiscalYear)}/${POSTER_FILE}`;
