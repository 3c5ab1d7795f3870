import { prefixAt } from '../shared/dotted-codes';
import { DomainError } from '../shared/domain-error';
import { ImpossibleEventError } from '../shared/impossible-event';
import { rupiah, sum, type Rupiah } from '../shared/money';
import { villageFact, whenOpen, type VillageEvolvers, type VillageHandlers } from './area';
import { checkBudget } from './budget-rules';
import { nextVersion, requireEnacted, requireNoDraft } from './budget-stage';
import type { VillageContext } from './context';
import { resolveLine } from './line-resolution';
import type { BudgetLine, BudgetLines } from './lines';
import {
  countVersions,
  latestVersion,
  withLineChanges,
  type BudgetVersion,
  type VillageState,
} from './state';
import type { VillageCommandOf } from './commands';

const JENIS_LEVEL = 3;

/** Perubahan APBDes (once a year, more only under a recorded emergency) and Perkades changes. */
export const amendmentHandlers: VillageHandlers<
  'RecordEmergency' | 'StartApbdesAmendment' | 'EnactPerkadesChange'
> = {
  RecordEmergency: whenOpen<'RecordEmergency'>((command) => [
    villageFact('EmergencyRecorded', command.payload, command.payload.date),
  ]),

  StartApbdesAmendment: whenOpen<'StartApbdesAmendment'>((command, state) => {
    const busy = requireNoDraft(state.budget);
    if (busy) return busy;
    const basedOn = requireEnacted(state.budget);
    if (basedOn instanceof DomainError) return basedOn;
    const amendments = countVersions(state.budget, 'amendment');
    if (amendments >= 1 + state.budget.emergencies) {
      return new DomainError('AMENDMENT_LIMIT', 'amendments', String(amendments));
    }
    return [
      villageFact(
        'ApbdesAmendmentStarted',
        { ...command.payload, basedOn: basedOn.label },
        command.payload.date,
      ),
    ];
  }),

  EnactPerkadesChange: whenOpen<'EnactPerkadesChange'>((command, state, fiscalYear, context) => {
    const busy = requireNoDraft(state.budget);
    if (busy) return busy;
    const current = requireEnacted(state.budget);
    if (current instanceof DomainError) return current;
    const change = resolveChange(command, state, current.lines, context);
    if (change instanceof DomainError) return change;
    const after = withLineChanges(current.lines, change, command.payload.removedLineIds);
    const touched = touchedLines(current.lines, change, command.payload.removedLineIds);
    const kindError =
      command.payload.kind === 'lateAid'
        ? checkLateAid(state, touched, context)
        : checkShiftWithinJenis(current.lines, after, touched);
    const broken = kindError ?? checkBudget(after, fiscalYear, state.budget, context);
    if (broken) return broken;
    return [
      villageFact(
        'PerkadesChangeEnacted',
        { ...command.payload, lines: change, ...nextVersion(state.budget, 'perkades') },
        command.payload.date,
      ),
    ];
  }),
};

function resolveChange(
  command: VillageCommandOf<'EnactPerkadesChange'>,
  state: VillageState,
  lines: BudgetLines,
  context: VillageContext,
): BudgetLine[] | DomainError {
  const unknown = command.payload.removedLineIds.findIndex((lineId) => !lines.has(lineId));
  if (unknown >= 0) {
    return new DomainError(
      'LINE_KNOWN',
      `removedLineIds[${unknown}]`,
      command.payload.removedLineIds[unknown] ?? '',
    );
  }
  const resolved: BudgetLine[] = [];
  for (const [index, input] of command.payload.lines.entries()) {
    const line = resolveLine(input, `lines[${index}]`, lines, state.planning, context);
    if (line instanceof DomainError) return line;
    resolved.push(line);
  }
  return resolved;
}

/** Every line a change touches, before and after, with the field that names it. */
function touchedLines(
  before: BudgetLines,
  upserts: readonly BudgetLine[],
  removedLineIds: readonly string[],
): { field: string; line: BudgetLine }[] {
  const previous = (lineId: string, field: string) => {
    const line = before.get(lineId);
    return line ? [{ field, line }] : [];
  };
  return [
    ...upserts.flatMap((line, index) => [
      { field: `lines[${index}]`, line },
      ...previous(line.lineId, `lines[${index}]`),
    ]),
    ...removedLineIds.flatMap((lineId, index) => previous(lineId, `removedLineIds[${index}]`)),
  ];
}

/** Aid arriving after the Perubahan: only after one, and only lines of late-aid sources. */
function checkLateAid(
  state: VillageState,
  touched: { field: string; line: BudgetLine }[],
  context: VillageContext,
): DomainError | undefined {
  if (countVersions(state.budget, 'amendment') === 0) {
    return new DomainError('PERKADES_LATE_AID', 'kind', 'lateAid', {
      id: 'belum ada Perubahan APBDes',
      en: 'no APBDes amendment yet',
    });
  }
  const outside = touched.find(
    ({ line }) => !context.reference.fundSources.get(line.source)?.lateAidByPerkades,
  );
  return outside === undefined
    ? undefined
    : new DomainError('PERKADES_LATE_AID', `${outside.field}.source`, outside.line.source);
}

/** Shifts within a jenis belanja: spending lines only, each (jenis, source) total unchanged. */
function checkShiftWithinJenis(
  before: BudgetLines,
  after: BudgetLines,
  touched: { field: string; line: BudgetLine }[],
): DomainError | undefined {
  const notSpending = touched.find(({ line }) => line.kind !== 'spending');
  if (notSpending)
    return new DomainError(
      'PERKADES_SHIFT_WITHIN_JENIS',
      `${notSpending.field}.kind`,
      notSpending.line.kind,
    );
  const groups = new Set(touched.map(({ line }) => jenisKey(line)));
  const changed = [...groups].find(
    (group) => !jenisTotal(before, group).equals(jenisTotal(after, group)),
  );
  return changed === undefined
    ? undefined
    : new DomainError('PERKADES_SHIFT_WITHIN_JENIS', 'jenis/source', changed);
}

function jenisKey(line: BudgetLine): string {
  return `${prefixAt(line.account, JENIS_LEVEL)}/${line.source}`;
}

function jenisTotal(lines: BudgetLines, group: string): Rupiah {
  return sum(
    [...lines.values()]
      .filter((line) => jenisKey(line) === group)
      .map((line) => rupiah(line.amount)),
  );
}

export const amendmentEvolvers: VillageEvolvers<
  'EmergencyRecorded' | 'ApbdesAmendmentStarted' | 'PerkadesChangeEnacted'
> = {
  EmergencyRecorded: (state) => ({
    ...state,
    budget: { ...state.budget, emergencies: state.budget.emergencies + 1 },
  }),
  ApbdesAmendmentStarted: (state, event) => {
    const latest = requireLatestVersion(state, event.type);
    return {
      ...state,
      budget: {
        ...state.budget,
        draft: { kind: 'amendment', stage: 'draft', lines: latest.lines, remarks: [] },
      },
    };
  },
  PerkadesChangeEnacted: (state, event) => {
    const latest = requireLatestVersion(state, event.type);
    const version: BudgetVersion = {
      label: event.data.label,
      sequence: event.data.sequence,
      kind: 'perkades',
      enactedBy: { document: 'Perkades', number: event.data.perkadesNumber, date: event.data.date },
      elaboratedBy: undefined,
      lines: withLineChanges(latest.lines, event.data.lines, event.data.removedLineIds),
    };
    return { ...state, budget: { ...state.budget, versions: [...state.budget.versions, version] } };
  },
};

/** The version in force, which an amendment or a Perkades change must find. */
function requireLatestVersion(state: VillageState, eventType: string): BudgetVersion {
  const latest = latestVersion(state.budget);
  if (!latest)
    throw new ImpossibleEventError(eventType, {
      id: 'belum ada APBDes yang ditetapkan',
      en: 'no APBDes has been enacted',
    });
  return latest;
}
