import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { parseJsonLines } from '../domain/reference/json-lines';
import { code, identifier, positiveAmount, quantityText, text } from '../domain/shared/fields';

/**
 * The demo village's budget template (a realistic village of about Rp 2.6 bn,
 * from the test scenario), kept as data beside the reference data so that no
 * account, kegiatan or fund-source code is written in src/.
 */
export const DEMO_TEMPLATE_ROOT = path.resolve(__dirname, '../../migrations/demo');

const templateLine = z.strictObject({
  source: code,
  earmark: code.optional(),
  account: code,
  volume: quantityText,
  unit: z.string().min(1).max(30),
  unitPrice: positiveAmount,
  /** Taxes an LS payment of this line withholds (tax names of the regency policy). */
  taxes: z.array(code),
});

const activityRow = z.strictObject({
  activityId: identifier,
  kegiatanCode: code,
  name: text,
  hamlet: text,
  lines: z.array(templateLine).min(1),
});

const budgetLineRow = z.strictObject({
  kind: z.enum(['revenue', 'financing']),
  lineId: identifier,
  account: code,
  source: code,
  amount: positiveAmount,
});

const allocationRangeRow = z.strictObject({
  source: code,
  min: positiveAmount,
  max: positiveAmount,
});

export type TemplateLine = z.infer<typeof templateLine>;
export type TemplateActivity = z.infer<typeof activityRow>;
export type TemplateBudgetLine = z.infer<typeof budgetLineRow>;
export type AllocationRange = z.infer<typeof allocationRangeRow>;

export interface VillageTemplate {
  activities: TemplateActivity[];
  budgetLines: TemplateBudgetLine[];
  /** Per regency-allocated fund source: the range a village's allocation is drawn from. */
  allocationRanges: AllocationRange[];
}

function rows<S extends z.ZodType>(fiscalYear: number, file: string, schema: S, root: string) {
  const relative = `${fiscalYear}/${file}`;
  const content = readFileSync(path.join(root, relative), 'utf8');
  return parseJsonLines(relative, content, schema).map((located) => located.row);
}

/** Reads and validates the template of a fiscal year; a bad row names file and line. */
export function loadVillageTemplate(
  fiscalYear: number,
  root: string = DEMO_TEMPLATE_ROOT,
): VillageTemplate {
  return {
    activities: rows(fiscalYear, 'activities.jsonl', activityRow, root),
    budgetLines: rows(fiscalYear, 'budget-lines.jsonl', budgetLineRow, root),
    allocationRanges: rows(fiscalYear, 'allocation-ranges.jsonl', allocationRangeRow, root),
  };
}
