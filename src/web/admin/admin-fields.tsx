import { CsrfField } from '../layout';
import { ChoiceSelect, inputAttributes, RuleMessage } from '../forms/command-form-page';
import type { FormRefusal } from '../forms/field-errors';
import { typedText, type Choice, type TypedValues } from '../forms/form-model';

/** One input of a user form; its name is the API body's field, the name a refusal gives it. */
export interface AdminInput {
  name: string;
  /** The element's id when another form on the page has an input of the same name. */
  id?: string;
  label: string;
  kind: 'text' | 'password' | 'choice';
  choices?: readonly Choice[];
  hint?: string;
}

/** A user form as it was last shown: what was typed and the refusal, if it was refused. */
export interface AdminFormState {
  values: TypedValues;
  refusal?: FormRefusal;
}

type Attributes = ReturnType<typeof inputAttributes>;

function Control({
  input,
  typed,
  attributes,
}: {
  input: AdminInput;
  typed: string;
  attributes: Attributes;
}) {
  if (input.kind === 'choice')
    return <ChoiceSelect {...attributes} choices={input.choices ?? []} typed={typed} />;
  const password = input.kind === 'password';
  return (
    <input
      {...attributes}
      type={input.kind}
      value={password ? '' : typed}
      autocomplete={password ? 'new-password' : 'off'}
    />
  );
}

function AdminField({ input, state }: { input: AdminInput; state: AdminFormState }) {
  const refusal = state.refusal?.input === input.name ? state.refusal : undefined;
  const attributes = {
    ...inputAttributes(input.id ?? input.name, input.hint !== undefined, refusal !== undefined),
    name: input.name,
  };
  const { id } = attributes;
  return (
    <div class="field">
      <label for={id}>{input.label}</label>
      <Control input={input} typed={typedText(state.values, input.name)} attributes={attributes} />
      {input.hint && (
        <p class="hint" id={`${id}-hint`}>
          {input.hint}
        </p>
      )}
      {refusal && <RuleMessage id={`${id}-error`} refusal={refusal} />}
    </div>
  );
}

/**
 * One user command as a plain POST form: the session's CSRF token, the
 * nonce that names the command, the inputs, and a refusal beside the
 * input it names (or above the inputs when it names none of them).
 */
export function AdminForm({
  id,
  action,
  title,
  csrfToken,
  nonce,
  inputs,
  state,
  submit,
}: {
  /** The section's id: several forms share the user's page. */
  id: string;
  action: string;
  title: string;
  csrfToken: string;
  nonce: string;
  inputs: readonly AdminInput[];
  state: AdminFormState;
  submit: string;
}) {
  const general = state.refusal && state.refusal.input === undefined ? state.refusal : undefined;
  return (
    <section id={id}>
      <h2>{title}</h2>
      {general && <RuleMessage id={`${id}-error`} refusal={general} />}
      <form method="post" action={action} novalidate>
        <CsrfField token={csrfToken} />
        <input type="hidden" name="_nonce" value={nonce} />
        {inputs.map((input) => (
          <AdminField key={input.name} input={input} state={state} />
        ))}
        <button type="submit">{submit}</button>
      </form>
    </section>
  );
}
