import { DomainError } from '../shared/domain-error';
import { rupiah, sum, toAmountText, ZERO } from '../shared/money';
import { whenOpen, type VillageEvolvers, type VillageHandlers } from './area';
import { bookEntry } from './bookkeeping';
import type { VillageCommandOf } from './commands';
import type { VillageEventOf } from './events';
import { updateRequest, requirePaymentRequest } from './payment-requests';
import { entryEvolver } from './postings';
import { checkProjectGate } from './project-gate';
import type { PaymentRequest, VillageState } from './state';
import { computeWithholdings, totalWithheld } from './tax-withholding';

type AccountedLine = VillageEventOf<'PanjarAccounted'>['data']['lines'][number];
type SpjPayload = VillageCommandOf<'AccountPanjar'>['payload'];

/** Paying an approved SPP (taxes withheld) and accounting for a panjar by SPJ. */
export const paymentHandlers: VillageHandlers<'PayPaymentRequest' | 'AccountPanjar'> = {
  PayPaymentRequest: whenOpen<'PayPaymentRequest'>((command, state, _fiscalYear, context) => {
    const { sppId, taxOverrides, ...payment } = command.payload;
    const request = requireUnpaid(state, sppId);
    if (request instanceof DomainError) return request;
    const gated = checkProjectGate(state, context, request.request, 'sppId');
    if (gated) return gated;
    const { kind, lines } = request.request;
    const items = lines.map((line, index) => ({
      field: `lines[${index}]`,
      lineId: line.lineId,
      base: line.amount,
      taxes: line.taxes,
    }));
    const withholdings = computeWithholdings(items, taxOverrides, context.reference);
    if (withholdings instanceof DomainError) return withholdings;
    const gross = rupiah(request.request.total);
    const withheld = totalWithheld(withholdings);
    return bookEntry(state, context, 'PaymentRequestPaid', {
      ...payment,
      sppId,
      kind,
      lines,
      withholdings,
      gross: toAmountText(gross),
      withheld: toAmountText(withheld),
      net: toAmountText(gross.minus(withheld)),
    });
  }),

  AccountPanjar: whenOpen<'AccountPanjar'>((command, state, _fiscalYear, context) => {
    const { payload } = command;
    const request = requireAdvanced(state, payload.sppId);
    if (request instanceof DomainError) return request;
    const lines = accountedLines(request, payload);
    if (lines instanceof DomainError) return lines;
    const evidenceItems = payload.lines.flatMap((line, index) =>
      line.evidence.map((evidence, at) => ({
        field: `lines[${index}].evidence[${at}]`,
        lineId: line.lineId,
        receiptNumber: evidence.receiptNumber,
        base: evidence.amount,
        taxes: evidence.taxes,
      })),
    );
    const withholdings = computeWithholdings(
      evidenceItems,
      payload.taxOverrides,
      context.reference,
    );
    if (withholdings instanceof DomainError) return withholdings;
    const remainder = sum(lines.map((line) => rupiah(line.remainder)));
    const { taxOverrides: _overrides, ...spj } = payload;
    return bookEntry(state, context, 'PanjarAccounted', {
      ...spj,
      paymentId: request.payment?.paymentId ?? '',
      lines,
      withholdings,
      returned: toAmountText(remainder.plus(totalWithheld(withholdings))),
    });
  }),
};

function requireUnpaid(state: VillageState, sppId: string): PaymentRequest | DomainError {
  const request = requirePaymentRequest(state, sppId);
  if (request instanceof DomainError || request.status === 'approved') return request;
  return ['paid', 'advanced', 'closed'].includes(request.status)
    ? new DomainError('PAYMENT_REQUEST_PAID_ONCE', 'sppId', sppId)
    : new DomainError('PAYMENT_REQUEST_STATUS', 'status', request.status);
}

function requireAdvanced(state: VillageState, sppId: string): PaymentRequest | DomainError {
  const request = requirePaymentRequest(state, sppId);
  if (request instanceof DomainError) return request;
  if (request.request.kind !== 'UM') {
    return new DomainError('PAYMENT_REQUEST_KIND', 'sppId', sppId, {
      id: `jenis SPP ${request.request.kind}`,
      en: `SPP kind ${request.request.kind}`,
    });
  }
  if (request.status === 'closed') return new DomainError('PANJAR_ACCOUNTED_ONCE', 'sppId', sppId);
  return request.status === 'advanced'
    ? request
    : new DomainError('PAYMENT_REQUEST_STATUS', 'status', request.status);
}

/** Every line of the panjar: advanced, spent on the evidence, remainder to return. */
function accountedLines(
  request: PaymentRequest,
  payload: SpjPayload,
): AccountedLine[] | DomainError {
  const stray = payload.lines.findIndex(
    (line) => !request.request.lines.some((advanced) => advanced.lineId === line.lineId),
  );
  if (stray >= 0) {
    return new DomainError(
      'PAYMENT_LINE_OF_REQUEST',
      `lines[${stray}].lineId`,
      payload.lines[stray]?.lineId ?? '',
    );
  }
  const accounted: AccountedLine[] = [];
  for (const advanced of request.request.lines) {
    const evidence = payload.lines.find((line) => line.lineId === advanced.lineId)?.evidence ?? [];
    const spent = evidence.reduce((total, each) => total.plus(rupiah(each.amount)), ZERO);
    const remainder = rupiah(advanced.amount).minus(spent);
    if (remainder.isNegative()) {
      return new DomainError('PANJAR_WITHIN_ADVANCE', 'lines.lineId', advanced.lineId, {
        id: `panjar ${advanced.amount}, bukti ${toAmountText(spent)}`,
        en: `panjar ${advanced.amount}, evidence ${toAmountText(spent)}`,
      });
    }
    accounted.push({
      lineId: advanced.lineId,
      source: advanced.source,
      account: advanced.account,
      advanced: advanced.amount,
      spent: toAmountText(spent),
      remainder: toAmountText(remainder),
      evidence,
    });
  }
  return accounted;
}

export const paymentEvolvers: VillageEvolvers<'PaymentRequestPaid' | 'PanjarAccounted'> = {
  PaymentRequestPaid: entryEvolver('PaymentRequestPaid', (state, paid) =>
    updateRequest(state, 'PaymentRequestPaid', paid.sppId, (request) => ({
      ...request,
      status: paid.kind === 'UM' ? 'advanced' : 'paid',
      payment: paid,
    })),
  ),
  PanjarAccounted: entryEvolver('PanjarAccounted', (state, spj) =>
    updateRequest(state, 'PanjarAccounted', spj.sppId, (request) => ({
      ...request,
      status: 'closed',
      spjId: spj.spjId,
    })),
  ),
};
