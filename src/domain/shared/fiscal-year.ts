/** A fiscal year as paths, command-line options and reference folders write it: `2025`. */
export const FISCAL_YEAR_PATTERN = /^\d{4}$/;
