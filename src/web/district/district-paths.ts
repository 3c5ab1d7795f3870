import { rolesFor } from '../../access/command-permissions';
import { withQuery } from '../books/report-paths';

/** The APBDes drafts with the camat for evaluation, in his district's villages. */
export const EVALUATIONS_PATH = '/kecamatan/evaluasi';

/** The year asked of the pages (`?tahun=`); else each village's own default year. */
export const YEAR_FIELD = 'tahun';

/** Who evaluates a village's APBDes draft: whoever may record the evaluation. */
export const EVALUATION_ROLES = rolesFor('RecordApbdesEvaluation');

/** One village's draft as submitted, its differences from the previous version, and the decision. */
export const evaluationPath = (villageCode: string, fiscalYear?: number) =>
  withQuery(
    `${EVALUATIONS_PATH}/${encodeURIComponent(villageCode)}`,
    fiscalYear === undefined ? {} : { [YEAR_FIELD]: String(fiscalYear) },
  );
