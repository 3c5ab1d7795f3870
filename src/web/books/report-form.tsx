import { z } from 'zod';
import type { ReportParameter } from '../../reports/parameters';
import { MONTH_NAMES } from '../../reports/render/document';

/** How a choice of a report parameter reads; any other shows as the value itself. */
const OPTION_TEXT: Readonly<Record<string, string>> = {
  semester1: 'Semester I (Januari–Juni)',
  year: 'Satu tahun',
};

/** The query a page was asked with: one text value per field. */
export type PageQuery = Readonly<Record<string, string>>;

/** The fiscal years with reference data, the chosen one selected. */
export function YearField({ years, chosen }: { years: readonly number[]; chosen: number }) {
  return (
    <label>
      Tahun anggaran
      <select name="tahun">
        {years.map((year) => (
          <option key={year} value={String(year)} selected={year === chosen}>
            {year}
          </option>
        ))}
      </select>
    </label>
  );
}

/** An optional field can be left empty: the report then uses its default. */
function Choice({
  parameter,
  options,
  value,
}: {
  parameter: ReportParameter;
  options: readonly { value: string; text: string }[];
  value: string | undefined;
}) {
  return (
    <select name={parameter.name} required={parameter.required}>
      <option value="">{parameter.required ? '— pilih —' : '— bawaan —'}</option>
      {options.map((option) => (
        <option key={option.value} value={option.value} selected={option.value === value}>
          {option.text}
        </option>
      ))}
    </select>
  );
}

function ParameterField({ parameter, value }: { parameter: ReportParameter; value?: string }) {
  const { name, schema } = parameter;
  let input;
  if (name === 'month')
    input = (
      <Choice
        parameter={parameter}
        options={MONTH_NAMES.map((text, index) => ({ value: String(index + 1), text }))}
        value={value?.replace(/^0/, '')}
      />
    );
  else if (schema instanceof z.ZodEnum)
    input = (
      <Choice
        parameter={parameter}
        options={schema.options.map((option) => ({
          value: String(option),
          text: OPTION_TEXT[String(option)] ?? String(option),
        }))}
        value={value}
      />
    );
  else
    input = (
      <input
        name={name}
        type={parameter.allowed === 'YYYY-MM-DD' ? 'date' : 'text'}
        value={value ?? ''}
        required={parameter.required}
      />
    );
  return (
    <label>
      {parameter.description.id}
      {input}
    </label>
  );
}

/** The report's own parameters and the year, as a GET form: the page works without script. */
export function ReportForm({
  action,
  years,
  chosen,
  parameters,
  query,
}: {
  action: string;
  years: readonly number[];
  chosen: number;
  parameters: readonly ReportParameter[];
  query: PageQuery;
}) {
  return (
    <form method="get" action={action} class="report-form">
      <YearField years={years} chosen={chosen} />
      {query.desa && <input type="hidden" name="desa" value={query.desa} />}
      {parameters.map((parameter) => (
        <ParameterField key={parameter.name} parameter={parameter} value={query[parameter.name]} />
      ))}
      <button type="submit">Tampilkan</button>
    </form>
  );
}
