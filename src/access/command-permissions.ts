import type { ProjectCommand } from '../domain/projects/project-commands';
import type { RegencyCommand } from '../domain/regency/commands';
import type { RegionCommand } from '../domain/regions/region-commands';
import type { VillageCommand } from '../domain/village/commands';
import type { AccessCommand } from './commands';
import { ROLES, type Role } from './roles';

type CommandType =
  | VillageCommand['type']
  | RegencyCommand['type']
  | AccessCommand['type']
  | RegionCommand['type']
  | ProjectCommand['type'];

/**
 * Who may issue which command: the one role × command table. A command
 * type missing here is forbidden to everybody, so a new command stays closed
 * until it is given its roles. Scope is checked separately (roles.ts).
 */
export const COMMAND_PERMISSIONS: Partial<Record<CommandType, readonly Role[]>> = {
  // Village fiscal-year stream.
  OpenVillageFiscalYear: ['treasurer'],
  PlanRkpdesActivity: ['secretary', 'activityExecutor'],
  StartApbdesDraft: ['secretary'],
  DraftApbdesLine: ['secretary'],
  RemoveApbdesLine: ['secretary'],
  SubmitApbdesToBpd: ['villageHead'],
  RecordBpdAgreement: ['secretary'],
  SubmitApbdesForEvaluation: ['villageHead'],
  // The ledger or the village node takes the camat's evaluation in; the head may by hand.
  ReceiveApbdesEvaluation: ['villageHead'],
  EnactApbdes: ['villageHead'],
  ElaborateApbdes: ['villageHead'],
  RecordEmergency: ['villageHead'],
  StartApbdesAmendment: ['secretary'],
  EnactPerkadesChange: ['villageHead'],
  RecordAllocationDifference: ['secretary'],
  RecordReceipt: ['treasurer'],
  DepositCashReceipts: ['treasurer'],
  RecordCashMutation: ['treasurer'],
  RecordBankInterest: ['treasurer'],
  RecordBankFee: ['treasurer'],
  DraftPaymentRequest: ['activityExecutor'],
  SubmitPaymentRequest: ['activityExecutor'],
  // Only the secretary verifies and only the head approves (the domain refuses one person doing both).
  VerifyPaymentRequest: ['secretary'],
  ApprovePaymentRequest: ['villageHead'],
  PayPaymentRequest: ['treasurer'],
  AccountPanjar: ['activityExecutor'],
  DepositTax: ['treasurer'],
  ReverseEntry: ['treasurer'],
  CloseMonth: ['treasurer'],
  CloseFiscalYear: ['treasurer'],
  RecordFinancingReceipt: ['treasurer'],
  RecordFinancingExpenditure: ['treasurer'],
  RecordActualSilpa: ['treasurer'],
  // The treasurer proposes an opening correction; it takes effect when the secretary verifies it.
  ProposeOpeningCorrection: ['treasurer'],
  VerifyOpeningCorrection: ['secretary'],
  // Regency fiscal-year stream.
  OpenRegencyFiscalYear: ['regencyFinance'],
  SetAllocation: ['regencyFinance'],
  PlanDanaDesaStages: ['regencyFinance'],
  SendTransfer: ['regencyFinance'],
  // The camat, for a village of the district (the endpoint checks the payload's village against the scope).
  RecordApbdesEvaluation: ['districtHead'],
  // Access stream.
  RegisterUser: ['administrator'],
  AssignUserRole: ['administrator'],
  ChangeUserPassword: ['administrator'],
  DeactivateUser: ['administrator'],
  // Every user enrolls themselves: the endpoint takes the user id from the session, never the body.
  EnrollTwoFactor: ROLES,
  RemoveTwoFactor: ['administrator'],
  SetTwoFactorPolicy: ['administrator'],
  // Regions stream.
  RegisterRegion: ['administrator'],
  // Project streams: the village's officials for its APBDes outputs, regency finance for APBD and
  // aspiration projects; the project routes check which side a project belongs to.
  RegisterVillageProject: ['activityExecutor', 'secretary', 'treasurer'],
  RegisterRegencyProject: ['regencyFinance'],
  ReportProgress: ['activityExecutor', 'secretary', 'treasurer', 'regencyFinance'],
  CorrectProgress: ['activityExecutor', 'secretary', 'treasurer', 'regencyFinance'],
  CheckDuplicates: ['regencyFinance'],
  ClearDuplicateSuspicion: ['regencyFinance'],
  ConfirmDuplicateSuspicion: ['regencyFinance'],
};

/** Who may list users and their rights. */
export const USER_READERS: readonly Role[] = ['administrator', 'auditor'];

/** The roles that may issue a command type; none for a type the table does not name. */
export function rolesFor(commandType: string): readonly Role[] {
  return Object.hasOwn(COMMAND_PERMISSIONS, commandType)
    ? (COMMAND_PERMISSIONS[commandType as CommandType] ?? [])
    : [];
}

export function mayIssue(role: Role, commandType: string): boolean {
  return rolesFor(commandType).includes(role);
}
