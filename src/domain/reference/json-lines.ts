import type { z } from 'zod';
import { ReferenceDataError } from './reference-error';

/** A validated row and where it came from, so later checks can still name file and line. */
export interface Located<T> {
  file: string;
  line: number;
  row: T;
}

/** Parses JSON Lines (one object per line, blank lines ignored), validating every row. */
export function parseJsonLines<S extends z.ZodType>(
  file: string,
  text: string,
  schema: S,
): Located<z.infer<S>>[] {
  return text.split(/\r?\n/).flatMap((source, index) => {
    if (source.trim() === '') return [];
    const line = index + 1;
    const result = schema.safeParse(parseJson(file, line, source));
    if (!result.success) {
      const issue = result.error.issues[0];
      const path = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
      throw new ReferenceDataError(file, line, `${path}${issue?.message ?? 'invalid row'}`);
    }
    return [{ file, line, row: result.data }];
  });
}

function parseJson(file: string, line: number, source: string): unknown {
  try {
    return JSON.parse(source);
  } catch (error) {
    throw new ReferenceDataError(file, line, `invalid JSON: ${(error as Error).message}`);
  }
}
