import type { ReferenceData } from '../../domain/reference/reference-data';
import type { RegencyState } from '../../domain/regency/state';
import type { VillageCommand } from '../../domain/village/commands';
import type { VillageState } from '../../domain/village/state';
import type { FormTarget } from './form-target';

/** How a field is typed and turned into the command's value (see typed-input.ts). */
export type InputKind =
  | 'text'
  | 'longText'
  | 'money'
  | 'date'
  | 'month'
  | 'number'
  | 'decimal'
  | 'choice'
  | 'multiChoice'
  | 'lines'
  /** One checkbox: ticked sends `true`, unticked leaves the field out. */
  | 'flag';

export interface Choice {
  value: string;
  label: string;
}

/** What a form's choices and defaults are drawn from: the village's year as it stands. */
export interface FormContext {
  villageCode: string;
  fiscalYear: number;
  reference: ReferenceData;
  state: VillageState;
}

/** What a regency form's choices are drawn from: the regency's year as it stands. */
export interface RegencyFormContext {
  regencyCode: string;
  fiscalYear: number;
  reference: ReferenceData;
  state: RegencyState;
}

// Method signatures (`choices?(…)`) on purpose: a village's or a regency's form is then one of
// `CommandForm<unknown, string>`, the type the generic routes and page handle every form as.
export interface InputField<Context = FormContext> {
  kind: InputKind;
  /** The command payload's path, dotted (`payer.name`): the name a refusal gives its field. */
  name: string;
  label: string;
  hint?: string;
  /** Left empty, the field is left out of the command. */
  optional?: boolean;
  choices?(context: Context): Choice[];
}

/** A list in the command (SPP lines, cost estimates): a fixed number of rows, empty ones ignored. */
export interface RowsField<Context = FormContext> {
  kind: 'rows';
  name: string;
  label: string;
  hint?: string;
  rows: number;
  fields: (InputField<Context> | FixedField)[];
}

/** A value the form always sends, not typed: e.g. `line.kind` on the form for spending lines. */
export interface FixedField {
  kind: 'fixed';
  name: string;
  value: string;
}

export type FormField<Context = FormContext> =
  InputField<Context> | RowsField<Context> | FixedField;

export type VillageCommandType = VillageCommand['type'];

/** One command as a page: its title, what the step is in one plain line, and its fields. */
export interface CommandForm<Context = FormContext, Type extends string = VillageCommandType> {
  type: Type;
  /** Where a command has several forms (a revenue, spending or financing line): this one's path. */
  slug?: string;
  /** Where the form is listed: planning, APBDes, receipts and cash, SPP, taxes, closing. */
  area: string;
  title: string;
  explanation: string;
  fields: FormField<Context>[];
  /** The stream the command goes to; a village's year when not named. */
  target?: FormTarget<Context>;
}

/** Any form, village or regency: what the generic routes and pages handle. */
export type AnyCommandForm = CommandForm<unknown, string>;

/** The path of a form: its own slug, else its command's type. */
export const formSlug = (form: AnyCommandForm): string => form.slug ?? form.type;

/** What a ticked flag's checkbox sends. */
export const FLAG_TICKED = 'ya';

/** The values as typed, by input name (`lines.0.amount`); checkboxes give several. */
export type TypedValues = Record<string, string | string[]>;

/** What was typed in one input: its text ('' if none or several). */
export function typedText(values: TypedValues, name: string): string {
  const value = values[name];
  return typeof value === 'string' ? value : '';
}

/** Everything typed in one input name: checkboxes give several, a text input one. */
export function typedList(values: TypedValues, name: string): string[] {
  const value = values[name];
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/** The input names of a field: one, or one per row and column. */
export function inputNames(field: FormField<unknown>): string[] {
  if (field.kind === 'fixed') return [];
  if (field.kind !== 'rows') return [field.name];
  return Array.from({ length: field.rows }, (_, row) =>
    field.fields
      .filter((inner) => inner.kind !== 'fixed')
      .map((inner) => rowInputName(field, row, inner)),
  ).flat();
}

export function rowInputName(
  rows: RowsField<unknown>,
  row: number,
  inner: { name: string },
): string {
  return `${rows.name}.${row}.${inner.name}`;
}
