import {
  typedDate,
  typedDecimal,
  typedLines,
  typedMonth,
  typedNumber,
  typedRupiah,
} from './typed-input';
import {
  FLAG_TICKED,
  rowInputName,
  type FixedField,
  type FormField,
  type InputField,
  type RowsField,
  typedList,
  typedText,
  type TypedValues,
} from './form-model';

/** The command payload a form's typed values make, and which input each payload path came from. */
export interface FormPayload {
  payload: Record<string, unknown>;
  /**
   * Payload path → input name, for each value and each row: `lines.0.amount`
   * → `lines.2.amount` and `lines.0` → `lines.2` when rows 0 and 1 were empty.
   */
  inputs: Map<string, string>;
}

/** The command's value of one field, or undefined to leave it out. */
function valueOf(field: InputField<unknown>, values: TypedValues, name: string): unknown {
  if (field.kind === 'multiChoice') return typedList(values, name).filter((entry) => entry !== '');
  if (field.kind === 'flag') return typedText(values, name) === FLAG_TICKED ? true : undefined;
  const text = typedText(values, name).trim();
  if (text === '' && field.optional) return undefined;
  switch (field.kind) {
    case 'money':
      return typedRupiah(text);
    case 'date':
      return typedDate(text);
    case 'month':
      return typedMonth(text);
    case 'number':
      return typedNumber(text);
    case 'decimal':
      return typedDecimal(text);
    case 'lines':
      return typedLines(text);
    default:
      return text;
  }
}

/** Sets `a.b.0.c`: a numeric key makes a list, so one evidence per row can be `evidence.0.amount`. */
function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  const last = keys.pop()!;
  let node = target;
  keys.forEach((key, index) => {
    const listNext = /^\d+$/.test(keys[index + 1] ?? last);
    node = (node[key] ??= listNext ? [] : {}) as Record<string, unknown>;
  });
  node[last] = value;
}

function isBlankRow(rows: RowsField<unknown>, row: number, values: TypedValues): boolean {
  return rows.fields.every((inner) => {
    if (inner.kind === 'fixed') return true;
    const value = values[rowInputName(rows, row, inner)];
    return value === undefined || (Array.isArray(value) ? value.length === 0 : value.trim() === '');
  });
}

function addInput(
  out: FormPayload,
  target: Record<string, unknown>,
  field: InputField<unknown> | FixedField,
  values: TypedValues,
  paths: { payload: string; input: string },
): void {
  const value = field.kind === 'fixed' ? field.value : valueOf(field, values, paths.input);
  if (value === undefined) return;
  setPath(target, field.name, value);
  out.inputs.set(paths.payload, paths.input);
}

function addRows(out: FormPayload, rows: RowsField<unknown>, values: TypedValues): void {
  const filled = Array.from({ length: rows.rows }, (_, row) => row).filter(
    (row) => !isBlankRow(rows, row, values),
  );
  const list = filled.map((row, index) => {
    out.inputs.set(`${rows.name}.${index}`, `${rows.name}.${row}`);
    const entry: Record<string, unknown> = {};
    for (const inner of rows.fields)
      addInput(out, entry, inner, values, {
        payload: `${rows.name}.${index}.${inner.name}`,
        input: rowInputName(rows, row, inner),
      });
    return entry;
  });
  setPath(out.payload, rows.name, list);
}

/**
 * Builds the command's payload from what was typed: money, dates and
 * months as people write them become what the schema takes; blank
 * optional fields and blank rows are left out. Nothing is validated here:
 * the command's schema and the ledger's rules do that, once, for API and
 * pages alike.
 */
export function formPayload(
  fields: readonly FormField<unknown>[],
  values: TypedValues,
): FormPayload {
  const out: FormPayload = { payload: {}, inputs: new Map() };
  for (const field of fields) {
    if (field.kind === 'rows') addRows(out, field, values);
    else addInput(out, out.payload, field, values, { payload: field.name, input: field.name });
  }
  return out;
}
