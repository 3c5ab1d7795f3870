import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Request } from 'express';
import { AccessError, ACCESS_RULES, type AccessRuleId } from '../../src/access/access-rules';
import { DomainError } from '../../src/domain/shared/domain-error';
import { RULES, type RuleId } from '../../src/domain/shared/rules';
import { HTTP_RULES, type HttpRuleId } from '../../src/http/http-rules';
import { HttpProblem, problemFor } from '../../src/http/problem';

/** The README's table of rule statuses: rule id → the status it documents. */
function documentedStatuses(): Map<string, number> {
  const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
  const section = readme
    .split('<!-- rule statuses: start -->')[1]!
    .split('<!-- rule statuses: end -->')[0]!;
  const statuses = new Map<string, number>();
  for (const line of section.split('\n')) {
    const status = /^\|\s*(\d{3})\s*\|/.exec(line)?.[1];
    if (!status) continue;
    for (const [, rule] of line.matchAll(/`([A-Z_]+)`/g)) statuses.set(rule!, Number(status));
  }
  return statuses;
}

const NO_REQUEST = {} as Request;

/** What the server answers when each rule is broken. */
function servedStatuses(): Map<string, number> {
  const served = new Map<string, number>();
  for (const rule of Object.keys(HTTP_RULES) as HttpRuleId[])
    served.set(rule, new HttpProblem(rule, 'field', 'value').problem.status);
  for (const rule of Object.keys(RULES) as RuleId[])
    served.set(rule, problemFor(new DomainError(rule, 'field', 'value'), NO_REQUEST)!.status);
  for (const rule of Object.keys(ACCESS_RULES) as AccessRuleId[])
    served.set(rule, problemFor(new AccessError(rule, 'field', 'value'), NO_REQUEST)!.status);
  return served;
}

describe('rule statuses', () => {
  test('the README lists every rule with the status the server answers it with', () => {
    const documented = documentedStatuses();
    const served = servedStatuses();
    expect(served.size).toBeGreaterThan(90);
    expect([...documented.keys()].sort()).toEqual([...served.keys()].sort());
    for (const [rule, status] of served)
      expect({ rule, status }).toEqual({ rule, status: documented.get(rule) });
  });

  test('a repeated id is a conflict (409); a broken business rule is an invalid request (422)', () => {
    const status = (rule: RuleId) =>
      problemFor(new DomainError(rule, 'f', 'v'), NO_REQUEST)!.status;
    for (const rule of [
      'ENTRY_ID_UNIQUE',
      'PAYMENT_REQUEST_ID_UNIQUE',
      'ACTIVITY_ID_UNIQUE',
      'COMMAND_ID_CONFLICT',
    ] as const)
      expect({ rule, status: status(rule) }).toEqual({ rule, status: 409 });
    for (const rule of [
      'CASH_NOT_NEGATIVE',
      'BUDGET_LINE_AVAILABLE',
      'COMMAND_SCHEMA',
      'FISCAL_YEAR_REFERENCE',
    ] as const)
      expect({ rule, status: status(rule) }).toEqual({ rule, status: 422 });
    expect(problemFor(new AccessError('USERNAME_TAKEN', 'username', 'x'), NO_REQUEST)!.status).toBe(
      409,
    );
  });

  test("a problem's message names the rule, the field and the value in both languages", () => {
    const problem = problemFor(
      new DomainError('CASH_NOT_NEGATIVE', 'amount', '5000000.00'),
      NO_REQUEST,
    )!;
    expect(problem.messages.id).toBe(
      '[CASH_NOT_NEGATIVE] Saldo kas tunai atau rekening kas desa tidak boleh negatif: amount = "5000000.00"',
    );
    expect(problem.messages.en).toBe(
      '[CASH_NOT_NEGATIVE] Cash on hand and the bank balance may not go negative: amount = "5000000.00"',
    );
  });
});
