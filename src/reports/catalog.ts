import {
  ACTIVITY_REALISATION_REPORT,
  DANA_DESA_ABSORPTION_REPORT,
} from './activity-realisation/activity-realisation-reports';
import { APBDES_DIFF_REPORT, APBDES_REPORT } from './apbdes/apbdes-reports';
import { BOOK_REPORTS } from './books/book-reports';
import { REGENCY_FUND_FLOW_REPORT, VILLAGE_FUND_FLOW_REPORT } from './fund-flow/fund-flow-reports';
import { MONITORING_REPORT } from './monitoring/monitoring-reports';
import { PLANNING_TRAIL_REPORT } from './planning-trail/planning-trail-reports';
import { PROJECT_OUTPUTS_REPORT } from './project-outputs/project-outputs-reports';
import {
  REGENCY_REALISATION_REPORT,
  VILLAGE_REALISATION_REPORT,
} from './realisation/realisation-reports';
import type { ReportDefinition, ReportScope } from './report-definition';
import { SPP_REGISTER_REPORT } from './spp-register/spp-register-reports';

/**
 * Every report Kasdesa serves, by scope and name: the HTTP report endpoints,
 * the CLI's export-report and the web pages all read this one list.
 */
export const REPORT_CATALOG: readonly ReportDefinition[] = [
  ...BOOK_REPORTS,
  APBDES_REPORT,
  APBDES_DIFF_REPORT,
  SPP_REGISTER_REPORT,
  VILLAGE_REALISATION_REPORT,
  ACTIVITY_REALISATION_REPORT,
  DANA_DESA_ABSORPTION_REPORT,
  VILLAGE_FUND_FLOW_REPORT,
  PLANNING_TRAIL_REPORT,
  REGENCY_FUND_FLOW_REPORT,
  REGENCY_REALISATION_REPORT,
  MONITORING_REPORT,
  PROJECT_OUTPUTS_REPORT,
];

export const reportsOf = (scope: ReportScope): ReportDefinition[] =>
  REPORT_CATALOG.filter((report) => report.scope === scope);

export const reportNames = (scope: ReportScope): string[] =>
  reportsOf(scope).map((report) => report.name);

export function findReport(scope: ReportScope, name: string): ReportDefinition | undefined {
  return REPORT_CATALOG.find((report) => report.scope === scope && report.name === name);
}
