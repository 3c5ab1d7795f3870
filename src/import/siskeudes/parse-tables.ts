import type { z } from 'zod';
import { IMPORT_RULES, importProblem, type ImportProblem, type ImportRuleId } from './import-rules';
import {
  REQUIRED_TABLES,
  TABLE_SCHEMAS,
  type RawTables,
  type SiskeudesTables,
  type TableName,
} from './siskeudes-tables';

/**
 * Every known table's rows checked against its schema, every problem listed
 * (not only the first). Columns match whatever their case; a column the file
 * lacks reads as empty, so only a required one is refused.
 */
export function parseTables(
  raw: RawTables,
): { tables: SiskeudesTables } | { problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  for (const name of REQUIRED_TABLES)
    if (!raw.has(name)) problems.push(importProblem('TABLE_PRESENT', name, 0, '', `${name}.csv`));
  const tables = {} as Record<TableName, unknown[]>;
  for (const name of Object.keys(TABLE_SCHEMAS) as TableName[]) {
    const schema = TABLE_SCHEMAS[name] as z.ZodObject;
    const columns = Object.keys(schema.shape);
    const missing = new Set<string>();
    tables[name] = (raw.get(name)?.rows ?? []).flatMap((row, index) => {
      const input = Object.fromEntries(
        columns.map((column) => [column, row[column.toLowerCase()] ?? '']),
      );
      const parsed = schema.safeParse(input);
      if (parsed.success) return [{ ...parsed.data, row: index + 1 }];
      for (const issue of parsed.error.issues) {
        const column = String(issue.path[0] ?? '');
        const absent = !(column.toLowerCase() in row);
        if (absent && missing.has(column)) continue;
        if (absent) missing.add(column);
        const rule = absent ? 'COLUMN_PRESENT' : ruleOf(issue);
        problems.push(
          importProblem(rule, name, absent ? 0 : index + 1, column, String(input[column])),
        );
      }
      return [];
    });
  }
  return problems.length > 0 ? { problems } : { tables: tables as unknown as SiskeudesTables };
}

/** The rule a schema check names: in its params, or (zod drops params inside a pipe) as its message. */
function ruleOf(issue: z.core.$ZodIssue): ImportRuleId {
  const rule = (issue as { params?: { rule?: ImportRuleId } }).params?.rule;
  const named = issue.message in IMPORT_RULES ? (issue.message as ImportRuleId) : undefined;
  return rule ?? named ?? 'VALUE_PRESENT';
}
