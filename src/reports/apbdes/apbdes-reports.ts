import { apbdesVersion } from '../../../projections/read-models/apbdes-documents';
import { villageModel } from '../../../projections/read-models/village-stream-projection';
import { label, ReportParameterError, ReportSubjectMissingError } from '../parameters';
import { FINANCE_READERS, rendered, type ReportDefinition } from '../report-definition';
import { diffVersions } from './apbdes-diff';
import { apbdesTables, versionDiffTable } from './apbdes-tables';

const LABEL = label('label', {
  id: 'versi APBDes (bawaan terakhir)',
  en: 'APBDes version (default the latest)',
});

export const APBDES_REPORT: ReportDefinition = {
  name: 'apbdes',
  scope: 'village',
  title: { id: 'APBDes (Perdes dan penjabaran)', en: 'the village budget document' },
  readModels: ['apbdesDocuments'],
  readers: FINANCE_READERS,
  parameters: [LABEL],
  async build(target, params, read) {
    const documents = await read('apbdesDocuments');
    const state = villageModel(documents, target.code, target.fiscalYear);
    if (!state)
      throw new ReportSubjectMissingError(
        'villageCode/fiscalYear',
        `${target.code}/${target.fiscalYear}`,
      );
    const chosen = params.label ?? state.versions.at(-1)?.label ?? '';
    const doc = apbdesVersion(documents, target.code, target.fiscalYear, chosen);
    if (!doc) throw new ReportParameterError('label', chosen, labelsOf(state.versions));
    return rendered(`apbdes-${target.code}`, doc, (model) => apbdesTables(model, state.identity));
  },
};

const labelsOf = (versions: readonly { label: string }[]) =>
  versions.map((version) => `"${version.label}"`).join(', ') || '(no version yet)';

export const APBDES_DIFF_REPORT: ReportDefinition = {
  name: 'apbdes-diff',
  scope: 'village',
  title: { id: 'Perbedaan dua versi APBDes', en: 'differences between two APBDes versions' },
  readModels: ['apbdesDocuments'],
  readers: FINANCE_READERS,
  parameters: [
    label('fromLabel', {
      id: 'versi awal (bawaan pertama)',
      en: 'from version (default the first)',
    }),
    label('toLabel', {
      id: 'versi akhir (bawaan terakhir)',
      en: 'to version (default the latest)',
    }),
  ],
  async build(target, params, read) {
    const state = villageModel(await read('apbdesDocuments'), target.code, target.fiscalYear);
    const versions = state?.versions ?? [];
    const pick = (parameter: 'fromLabel' | 'toLabel', fallback: number) => {
      const chosen = params[parameter] ?? versions.at(fallback)?.label ?? '';
      const found = versions.find((version) => version.label === chosen);
      if (!found) throw new ReportParameterError(parameter, chosen, labelsOf(versions));
      return found;
    };
    const diff = diffVersions(pick('fromLabel', 0), pick('toLabel', -1));
    return rendered(`apbdes-diff-${target.code}`, diff, (model) => [
      versionDiffTable(model, state!.identity),
    ]);
  },
};
