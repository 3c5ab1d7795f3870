import type { ComponentChildren } from 'preact';
import { CsrfField, Layout } from '../layout';
import { commandFormPath } from '../paths';
import type { PageSession } from '../session/web-session';
import type { FormRefusal } from './field-errors';
import { VILLAGE_TARGET } from './form-target';
import {
  type Choice,
  FLAG_TICKED,
  formSlug,
  rowInputName,
  type AnyCommandForm,
  type InputField,
  type RowsField,
  typedList,
  typedText,
  type TypedValues,
} from './form-model';

/** What the form posts besides its fields: which year, which command, which state it was filled against. */
export interface FormEnvelope {
  /** The stream's code: a village's, or a regency's for a regency form. */
  code: string;
  fiscalYear: number;
  /** Names the command: a second post of the same page is the same command, recorded once. */
  nonce: string;
  /** The stream revision the page showed: a later change by someone else refuses the post as stale. */
  revision: string;
}

const PLACEHOLDERS: Partial<Record<InputField['kind'], string>> = {
  money: 'Rp 0',
  date: 'hh/bb/tttt',
  month: 'bb/tttt',
};

const INPUT_MODES: Partial<Record<InputField['kind'], string>> = {
  money: 'decimal',
  date: 'numeric',
  month: 'numeric',
  number: 'numeric',
  decimal: 'decimal',
};

const inputId = (name: string) => `f-${name.replaceAll('.', '-')}`;

/** A rule's message, Indonesian first, beside the input it names (or above the form). */
export function RuleMessage({ id, refusal }: { id: string; refusal: FormRefusal }) {
  return (
    <p class="error" id={id} role="alert">
      {refusal.problem.messages.id}
      <span class="en" lang="en">
        {refusal.problem.messages.en}
      </span>
    </p>
  );
}

interface InputProps {
  field: InputField<unknown>;
  name: string;
  context: unknown;
  values: TypedValues;
  refusal: FormRefusal | undefined;
}

/** An input's id and name, tied to its hint and its refusal's message for assistive technology. */
export function inputAttributes(name: string, hinted: boolean, invalid: boolean) {
  const id = inputId(name);
  return {
    id,
    name,
    'aria-invalid': invalid ? ('true' as const) : undefined,
    'aria-describedby':
      [hinted && `${id}-hint`, invalid && `${id}-error`].filter(Boolean).join(' ') || undefined,
  };
}

/** One of `choices`, "— pilih —" first; a value that is no choice (e.g. from a link) stays as typed. */
export function ChoiceSelect({
  choices,
  typed,
  ...attributes
}: ReturnType<typeof inputAttributes> & { choices: readonly Choice[]; typed: string }) {
  const unknown = typed !== '' && !choices.some((choice) => choice.value === typed);
  return (
    <select {...attributes}>
      <option value="">— pilih —</option>
      {unknown && (
        <option value={typed} selected>
          {typed}
        </option>
      )}
      {choices.map((choice) => (
        <option key={choice.value} value={choice.value} selected={choice.value === typed}>
          {choice.label}
        </option>
      ))}
    </select>
  );
}

function Control({ field, name, context, values, invalid }: InputProps & { invalid: boolean }) {
  const common = inputAttributes(name, field.hint !== undefined, invalid);
  const typed = typedText(values, name);
  if (field.kind === 'longText' || field.kind === 'lines')
    return <textarea {...common} rows={3} value={typed} />;
  // A number may be chosen too (a transfer's stage): the command takes the number, the page offers the list.
  if (field.kind === 'choice' || field.choices)
    return <ChoiceSelect {...common} choices={field.choices?.(context) ?? []} typed={typed} />;
  return (
    <input
      {...common}
      type="text"
      value={typed}
      inputMode={INPUT_MODES[field.kind]}
      placeholder={PLACEHOLDERS[field.kind]}
      autocomplete="off"
    />
  );
}

/** A multiChoice field: one checkbox per choice, the refusal beside them. */
export function Checkboxes({ field, name, context, values, refusal }: InputProps) {
  const chosen = typedList(values, name);
  const id = inputId(name);
  return (
    <fieldset class="field" aria-describedby={refusal ? `${id}-error` : undefined}>
      <legend>{field.label}</legend>
      {(field.choices?.(context) ?? []).map((choice) => (
        <label key={choice.value} class="check">
          <input
            type="checkbox"
            name={name}
            value={choice.value}
            checked={chosen.includes(choice.value)}
          />
          {choice.label}
        </label>
      ))}
      {refusal && <RuleMessage id={`${id}-error`} refusal={refusal} />}
    </fieldset>
  );
}

/** Under a field: its hint, and the rule's message when it was refused. */
function FieldNotes({
  id,
  hint,
  refusal,
}: {
  id: string;
  hint: string | undefined;
  refusal: FormRefusal | undefined;
}) {
  return (
    <>
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {refusal && <RuleMessage id={`${id}-error`} refusal={refusal} />}
    </>
  );
}

/** A flag field: one checkbox, its hint and the refusal beside it. */
function Flag({ field, name, values, refusal }: InputProps) {
  const id = inputId(name);
  return (
    <div class="field">
      <label class="check" for={id}>
        <input
          {...inputAttributes(name, field.hint !== undefined, refusal !== undefined)}
          type="checkbox"
          value={FLAG_TICKED}
          checked={typedText(values, name) === FLAG_TICKED}
        />
        {field.label}
      </label>
      <FieldNotes id={id} hint={field.hint} refusal={refusal} />
    </div>
  );
}

function Field(props: InputProps) {
  const { field, name, refusal } = props;
  if (field.kind === 'multiChoice') return <Checkboxes {...props} />;
  if (field.kind === 'flag') return <Flag {...props} />;
  const id = inputId(name);
  return (
    <div class="field">
      <label for={id}>
        {field.label}
        {field.optional && <span class="optional"> (boleh kosong)</span>}
      </label>
      <Control {...props} invalid={refusal !== undefined} />
      <FieldNotes id={id} hint={field.hint} refusal={refusal} />
    </div>
  );
}

function Rows({
  rows,
  context,
  values,
  refusal,
}: {
  rows: RowsField<unknown>;
  context: unknown;
  values: TypedValues;
  refusal: FormRefusal | undefined;
}) {
  return (
    <fieldset class="rows">
      <legend>{rows.label}</legend>
      {rows.hint && <p class="hint">{rows.hint}</p>}
      {Array.from({ length: rows.rows }, (_, row) => (
        <fieldset key={row} class="row">
          <legend>Baris {row + 1}</legend>
          {rows.fields.map((inner) => {
            if (inner.kind === 'fixed') return null;
            const name = rowInputName(rows, row, inner);
            return (
              <Field
                key={name}
                field={inner}
                name={name}
                context={context}
                values={values}
                refusal={refusal?.input === name ? refusal : undefined}
              />
            );
          })}
        </fieldset>
      ))}
    </fieldset>
  );
}

function Hidden({
  envelope,
  codeField,
  csrfToken,
}: {
  envelope: FormEnvelope;
  codeField: string;
  csrfToken: string;
}) {
  return (
    <>
      <CsrfField token={csrfToken} />
      <input type="hidden" name={`_${codeField}`} value={envelope.code} />
      <input type="hidden" name="_tahun" value={String(envelope.fiscalYear)} />
      <input type="hidden" name="_nonce" value={envelope.nonce} />
      <input type="hidden" name="_revisi" value={envelope.revision} />
    </>
  );
}

/** One command as a form: a plain POST that works without script, refusals beside their fields. */
export function CommandFormPage({
  signedIn,
  form,
  context,
  values,
  envelope,
  refusal,
  notice,
}: {
  signedIn: PageSession;
  form: AnyCommandForm;
  context: unknown;
  values: TypedValues;
  envelope: FormEnvelope;
  refusal?: FormRefusal;
  notice?: ComponentChildren;
}) {
  const { user, session } = signedIn;
  const target = form.target ?? VILLAGE_TARGET;
  return (
    <Layout user={user} csrfToken={session.csrfToken}>
      <h1>{form.title}</h1>
      <p class="lead">{form.explanation}</p>
      <p class="where">{target.where(context)}</p>
      {notice}
      {refusal && refusal.input === undefined && <RuleMessage id="form-error" refusal={refusal} />}
      <form method="post" action={commandFormPath(formSlug(form))} novalidate>
        <Hidden envelope={envelope} codeField={target.codeField} csrfToken={session.csrfToken} />
        {form.fields.map((field) =>
          field.kind === 'fixed' ? null : field.kind === 'rows' ? (
            <Rows
              key={field.name}
              rows={field}
              context={context}
              values={values}
              refusal={refusal}
            />
          ) : (
            <Field
              key={field.name}
              field={field}
              name={field.name}
              context={context}
              values={values}
              refusal={refusal?.input === field.name ? refusal : undefined}
            />
          ),
        )}
        <button type="submit">Simpan</button>
      </form>
    </Layout>
  );
}
