import type { Choice, RegencyFormContext } from './form-model';

/** What a regency form offers to choose from, drawn from the year's reference data. */

/** The regency's villages by name, with their district: the pagu and transfers go to one of them. */
export const regencyVillages = ({ reference }: RegencyFormContext): Choice[] =>
  [...reference.villages.values()].map((village) => ({
    value: village.code,
    label: `${village.name} · Kec. ${reference.districts.get(village.districtCode)?.name ?? village.districtCode} · ${village.code}`,
  }));

/** The fund sources the regency allocates (Dana Desa, ADD, bagi hasil pajak, …). */
export const allocatedSources = ({ reference }: RegencyFormContext): Choice[] =>
  [...reference.fundSources.values()]
    .filter((source) => source.regencyAllocated)
    .map((source) => ({ value: source.code, label: `${source.code} · ${source.name}` }));

/** The Dana Desa sources: the ones a stage plan is made for. */
export const danaDesaSources = ({ reference }: RegencyFormContext): Choice[] =>
  [...reference.fundSources.values()]
    .filter((source) => source.regencyAllocated && source.danaDesa)
    .map((source) => ({ value: source.code, label: `${source.code} · ${source.name}` }));

/** The year's Dana Desa earmarks (BLT, ketahanan pangan, …). */
export const danaDesaEarmarks = ({ reference }: RegencyFormContext): Choice[] =>
  [...reference.earmarks.values()].map((earmark) => ({
    value: earmark.code,
    label: `${earmark.code} · ${earmark.name}`,
  }));

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI'];

/** "Tahap II" for stage 2: how the stages are named on paper. */
export const stageName = (stage: number) => `Tahap ${ROMAN[stage - 1] ?? String(stage)}`;

/** The stage numbers the policy's stage splits have (the longest split; a source without a plan has stage 1). */
export const stageNumbers = ({ reference }: RegencyFormContext): Choice[] => {
  const stages = Math.max(1, ...reference.policy.ddStageSplits.map((s) => s.stagePercents.length));
  return Array.from({ length: stages }, (_, index) => ({
    value: String(index + 1),
    label: stageName(index + 1),
  }));
};
