import type { Problem } from '../../http/problem';
import type { FormPayload } from './form-payload';
import { typedList, type TypedValues } from './form-model';

/** A refusal as the form shows it: beside the input it names, or above the form. */
export interface FormRefusal {
  /** The input the rule names; undefined when it names no field of the form (e.g. the budget's stage). */
  input: string | undefined;
  problem: Problem;
}

/** `lines.0.evidence.payee` in the payload is `lines.2.evidence.payee` on the form. */
function throughRows(path: string, built: FormPayload): string | undefined {
  const exact = built.inputs.get(path);
  if (exact) return exact;
  const row = /^([^.]+\.\d+)\.(.+)$/.exec(path);
  const rowInput = row && built.inputs.get(row[1]!);
  return rowInput ? `${rowInput}.${row![2]}` : undefined;
}

/**
 * The input a refusal's field names. A schema refusal names the payload
 * path (`payload.lines.0.amount`); a ledger rule names the field as the
 * command has it, without the row (`lineId` = "L-7"): then the input of
 * that name whose value is the one refused.
 */
export function refusedInput(
  problem: Problem,
  built: FormPayload,
  inputNames: readonly string[],
  values: TypedValues,
): FormRefusal {
  const path = problem.field.replace(/^payload\./, '');
  const direct = throughRows(path, built);
  if (direct && inputNames.includes(direct)) return { input: direct, problem };
  const named = inputNames.filter((name) => name === path || name.endsWith(`.${path}`));
  const input =
    named.find((name) => typedList(values, name).some((typed) => typed.trim() === problem.value)) ??
    (named.length === 1 ? named[0] : undefined) ??
    // A rule about a whole list (e.g. no remark at all) stands beside the list's first input.
    inputNames.find((name) => name.startsWith(`${path}.`));
  return { input, problem };
}
