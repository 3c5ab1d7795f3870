import type { ComponentChildren } from 'preact';
import { formatRupiah } from '../format';
import { BAR_LENGTH_MAX, type BarChartData } from './chart-data';

/** Text size in SVG units: about 11 px on a 360 px phone, where the chart is drawn smallest. */
export const CHART_TEXT = 17;
/** A bold character's width in text sizes, on average: enough to tell when a label may not fit. */
const CHARACTER_WIDTH = 0.62;
const LEGEND_HEIGHT = 30;
const LABEL_HEIGHT = 26;
const BAR_HEIGHT = 12;
const BAR_STEP = 16;
const GROUP_GAP = 10;

/**
 * A label longer than `width` is squeezed into it (the SVG's own
 * textLength) rather than cut off at the chart's edge.
 */
export const fittedTo = (label: string, width: number) =>
  label.length * CHART_TEXT * CHARACTER_WIDTH > width
    ? { textLength: width, lengthAdjust: 'spacingAndGlyphs' }
    : {};

export interface ChartText {
  /** Unique on the page: the title's and description's ids derive from it. */
  id: string;
  title: string;
  description: string;
}

/** The chart itself: an SVG a screen reader names by its title and description. */
function BarsSvg({ text, data }: { text: ChartText; data: BarChartData }) {
  const groupHeight = LABEL_HEIGHT + data.series.length * BAR_STEP + GROUP_GAP;
  const height = LEGEND_HEIGHT + data.groups.length * groupHeight;
  const legendStep = BAR_LENGTH_MAX / Math.max(data.series.length, 1);
  return (
    <svg
      class="chart"
      viewBox={`0 0 ${BAR_LENGTH_MAX} ${height}`}
      role="img"
      aria-labelledby={`${text.id}-title ${text.id}-desc`}
    >
      <title id={`${text.id}-title`}>{text.title}</title>
      <desc id={`${text.id}-desc`}>{text.description}</desc>
      {data.series.map((series, index) => (
        <g key={series.label}>
          <rect x={index * legendStep} y={6} width={14} height={14} fill={series.fill} />
          <text x={index * legendStep + 20} y={19} font-size={CHART_TEXT}>
            {series.label}
          </text>
        </g>
      ))}
      {data.groups.map((group, row) => {
        const top = LEGEND_HEIGHT + row * groupHeight;
        return (
          <g key={row}>
            <text
              x={0}
              y={top + 19}
              font-size={CHART_TEXT}
              font-weight="bold"
              {...fittedTo(group.label, BAR_LENGTH_MAX)}
            >
              {group.label}
            </text>
            {group.bars.map((bar, index) => (
              <rect
                key={index}
                x={0}
                y={top + LABEL_HEIGHT + index * BAR_STEP}
                width={bar.length}
                height={BAR_HEIGHT}
                fill={data.series[index]!.fill}
              />
            ))}
          </g>
        );
      })}
    </svg>
  );
}

/** The chart's figures as a table: every amount of every row, formatted Rp. */
export function ChartTable({ rowName, data }: { rowName: string; data: BarChartData }) {
  return (
    <table class="cards">
      <thead>
        <tr>
          <th scope="col">{rowName}</th>
          {data.series.map((series) => (
            <th key={series.label} scope="col">
              {series.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {data.groups.map((group, row) => (
          <tr key={row}>
            <th scope="row">{group.label}</th>
            {group.bars.map((bar, index) => (
              <td key={index} class="amount" data-label={data.series[index]!.label}>
                {formatRupiah(bar.amount)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * Horizontal bars grouped per row with the same figures as a table below
 * (the chart's table unless `children` gives one showing them already).
 */
export function BarChart({
  text,
  data,
  rowName,
  children,
}: {
  text: ChartText;
  data: BarChartData;
  rowName: string;
  children?: ComponentChildren;
}) {
  return (
    <figure class="chart-figure" id={text.id}>
      <BarsSvg text={text} data={data} />
      <figcaption>{text.title}</figcaption>
      {children ?? <ChartTable rowName={rowName} data={data} />}
    </figure>
  );
}
