import { DomainError } from '../shared/domain-error';
import { ImpossibleEventError } from '../shared/impossible-event';
import { rupiah, sum, toAmountText } from '../shared/money';
import { villageFact, whenOpen, type VillageEvolvers, type VillageHandlers } from './area';
import { balanceOf } from './books';
import {
  budgetAt,
  checkLineRealisation,
  requireBudgetLine,
  type BudgetAt,
} from './budget-in-force';
import type { VillageCommandOf } from './commands';
import type { VillageContext } from './context';
import type { VillageEventOf } from './events';
import type { BudgetLine } from './lines';
import { checkProjectGate } from './project-gate';
import type { PaymentRequest, PaymentRequestStatus, VillageState } from './state';
import { checkTaxKinds } from './tax-withholding';

type DraftPayload = VillageCommandOf<'DraftPaymentRequest'>['payload'];
type DraftedLine = VillageEventOf<'PaymentRequestDrafted'>['data']['lines'][number];

/** SPP: drafted (PKA) → submitted → verified (Sekdes) or returned → approved (Kades) or rejected. */
export const paymentRequestHandlers: VillageHandlers<
  'DraftPaymentRequest' | 'SubmitPaymentRequest' | 'VerifyPaymentRequest' | 'ApprovePaymentRequest'
> = {
  DraftPaymentRequest: whenOpen<'DraftPaymentRequest'>((command, state, _fiscalYear, context) => {
    const { payload } = command;
    const existing = state.paymentRequests.get(payload.sppId);
    if (existing && !['drafted', 'returned'].includes(existing.status)) {
      return new DomainError('PAYMENT_REQUEST_ID_UNIQUE', 'sppId', payload.sppId);
    }
    const lines = resolveLines(payload, state, context);
    if (lines instanceof DomainError) return lines;
    const gated = checkProjectGate(state, context, payload, 'activityId');
    if (gated) return gated;
    const total = toAmountText(sum(lines.map((line) => rupiah(line.amount))));
    return [villageFact('PaymentRequestDrafted', { ...payload, lines, total }, payload.date)];
  }),

  SubmitPaymentRequest: whenOpen<'SubmitPaymentRequest'>((command, state) => {
    const request = requireStatus(state, command.payload.sppId, ['drafted', 'returned']);
    if (request instanceof DomainError) return request;
    return [villageFact('PaymentRequestSubmitted', command.payload, command.payload.date)];
  }),

  VerifyPaymentRequest: whenOpen<'VerifyPaymentRequest'>((command, state) => {
    const { sppId, date, outcome, reasons } = command.payload;
    const request = requireStatus(state, sppId, ['submitted']);
    if (request instanceof DomainError) return request;
    if (outcome === 'verified') {
      return [
        villageFact('PaymentRequestVerified', { sppId, date, verifiedBy: command.actor.id }, date),
      ];
    }
    return reasons.length === 0
      ? new DomainError('RETURN_REASONS', 'reasons', '[]')
      : [villageFact('PaymentRequestReturned', { sppId, date, reasons }, date)];
  }),

  ApprovePaymentRequest: whenOpen<'ApprovePaymentRequest'>((command, state) => {
    const { sppId, date, outcome, reasons } = command.payload;
    const request = requireStatus(state, sppId, ['verified']);
    if (request instanceof DomainError) return request;
    if (outcome === 'rejected') {
      return reasons.length === 0
        ? new DomainError('RETURN_REASONS', 'reasons', '[]')
        : [villageFact('PaymentRequestRejected', { sppId, date, reasons }, date)];
    }
    if (request.verifiedBy === command.actor.id) {
      return new DomainError('VERIFIER_NOT_APPROVER', 'actor.id', command.actor.id);
    }
    return [
      villageFact('PaymentRequestApproved', { sppId, date, approvedBy: command.actor.id }, date),
    ];
  }),
};

export function requirePaymentRequest(
  state: VillageState,
  sppId: string,
): PaymentRequest | DomainError {
  return (
    state.paymentRequests.get(sppId) ?? new DomainError('PAYMENT_REQUEST_KNOWN', 'sppId', sppId)
  );
}

export function requireStatus(
  state: VillageState,
  sppId: string,
  allowed: readonly PaymentRequestStatus[],
): PaymentRequest | DomainError {
  const request = requirePaymentRequest(state, sppId);
  if (request instanceof DomainError || allowed.includes(request.status)) return request;
  return new DomainError('PAYMENT_REQUEST_STATUS', 'status', request.status);
}

/** What each kind must and must not carry: an activity, evidence per line, taxes per line. */
function checkKind(payload: DraftPayload): DomainError | undefined {
  const kindError = (field: string, value: string) =>
    new DomainError('PAYMENT_REQUEST_KIND', field, value, {
      id: `jenis SPP ${payload.kind}`,
      en: `SPP kind ${payload.kind}`,
    });
  const hasActivity = payload.activityId !== undefined;
  if (hasActivity !== (payload.kind !== 'PBY')) {
    return kindError('activityId', payload.activityId ?? '');
  }
  const panjar = payload.kind === 'UM';
  for (const [index, line] of payload.lines.entries()) {
    if (panjar && line.evidence) return kindError(`lines[${index}].evidence`, line.lineId);
    if (panjar && line.taxes.length > 0)
      return kindError(`lines[${index}].taxes`, line.taxes.join(','));
    if (!panjar && !line.evidence) return kindError(`lines[${index}].evidence`, '');
  }
  return undefined;
}

function resolveLines(
  payload: DraftPayload,
  state: VillageState,
  context: VillageContext,
): DraftedLine[] | DomainError {
  const wrongKind = checkKind(payload) ?? checkTaxKinds(context.reference, fieldsOf(payload.lines));
  if (wrongKind) return wrongKind;
  const budget = budgetAt(state.budget, payload.date);
  const resolved: DraftedLine[] = [];
  for (const [index, line] of payload.lines.entries()) {
    const field = `lines[${index}]`;
    const budgetLine = requireBudgetLine(budget, `${field}.lineId`, line.lineId);
    if (budgetLine instanceof DomainError) return budgetLine;
    const misfit =
      checkLineFits(payload, budgetLine, line, field) ??
      checkAvailable(state, budget, context, line);
    if (misfit) return misfit;
    resolved.push({ ...line, account: budgetLine.account });
  }
  return resolved;
}

const fieldsOf = (lines: DraftPayload['lines']) =>
  lines.map((line, index) => ({ field: `lines[${index}]`, taxes: line.taxes }));

/** UM/LS pay spending lines of the SPP's activity, PBY financing expenditures; same source. */
function checkLineFits(
  payload: DraftPayload,
  budgetLine: BudgetLine,
  line: DraftPayload['lines'][number],
  field: string,
): DomainError | undefined {
  const fits =
    payload.kind === 'PBY'
      ? budgetLine.kind === 'financing' && budgetLine.direction === 'expenditure'
      : budgetLine.kind === 'spending' && budgetLine.activityId === payload.activityId;
  if (!fits) return new DomainError('PAYMENT_LINE_OF_REQUEST', `${field}.lineId`, line.lineId);
  return budgetLine.source === line.source
    ? undefined
    : new DomainError('PAYMENT_SOURCE_MATCHES_LINE', `${field}.source`, line.source, {
        id: `sumber baris ${budgetLine.source}`,
        en: `line source ${budgetLine.source}`,
      });
}

/** The SPP may not ask for more than is left on the line (Pasal 53(1)); payment checks again. */
function checkAvailable(
  state: VillageState,
  budget: BudgetAt,
  context: VillageContext,
  line: DraftPayload['lines'][number],
): DomainError | undefined {
  const realised = balanceOf(state.books, 'line', line.lineId);
  return checkLineRealisation(
    budget,
    context,
    line.lineId,
    realised,
    realised.plus(rupiah(line.amount)),
  );
}

/** Applies an event's change to its SPP, which it must find. */
export function updateRequest(
  state: VillageState,
  eventType: string,
  sppId: string,
  change: (request: PaymentRequest) => PaymentRequest,
): VillageState {
  const request = state.paymentRequests.get(sppId);
  if (!request)
    throw new ImpossibleEventError(eventType, {
      id: `SPP ${sppId} tidak dikenal`,
      en: `SPP ${sppId} is unknown`,
    });
  return { ...state, paymentRequests: state.paymentRequests.set(sppId, change(request)) };
}

const toStatus =
  (status: PaymentRequestStatus) =>
  (state: VillageState, event: { type: string; data: { sppId: string } }): VillageState =>
    updateRequest(state, event.type, event.data.sppId, (request) => ({ ...request, status }));

export const paymentRequestEvolvers: VillageEvolvers<
  | 'PaymentRequestDrafted'
  | 'PaymentRequestSubmitted'
  | 'PaymentRequestVerified'
  | 'PaymentRequestReturned'
  | 'PaymentRequestApproved'
  | 'PaymentRequestRejected'
> = {
  PaymentRequestDrafted: (state, event) => ({
    ...state,
    paymentRequests: state.paymentRequests.set(event.data.sppId, {
      request: event.data,
      status: 'drafted',
      verifiedBy: undefined,
      reasons: [],
      payment: undefined,
      spjId: undefined,
    }),
  }),
  PaymentRequestSubmitted: toStatus('submitted'),
  PaymentRequestVerified: (state, event) =>
    updateRequest(state, event.type, event.data.sppId, (request) => ({
      ...request,
      status: 'verified',
      verifiedBy: event.data.verifiedBy,
    })),
  PaymentRequestReturned: (state, event) =>
    updateRequest(state, event.type, event.data.sppId, (request) => ({
      ...request,
      status: 'returned',
      reasons: event.data.reasons,
    })),
  PaymentRequestApproved: toStatus('approved'),
  PaymentRequestRejected: (state, event) =>
    updateRequest(state, event.type, event.data.sppId, (request) => ({
      ...request,
      status: 'rejected',
      reasons: event.data.reasons,
    })),
};
