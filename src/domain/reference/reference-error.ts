/** A malformed reference file: names the file, the 1-based line (0: the file as a whole) and why. */
export class ReferenceDataError extends Error {
  override readonly name = 'ReferenceDataError';
  constructor(
    readonly file: string,
    readonly line: number,
    readonly reason: string,
  ) {
    super(`${file}:${line}: ${reason}`);
  }
}
