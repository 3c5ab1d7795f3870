import { CHART_TEXT, fittedTo, type ChartText } from './bar-chart';
import { BAR_LENGTH_MAX, percentText, type ProgressItem } from './chart-data';

const ROW_HEIGHT = 44;
const TRACK_Y = 25;
const TRACK_HEIGHT = 12;
/** Room kept at the right of a label for its percent. */
const PERCENT_WIDTH = 90;
const TRACK_FILL = '#dfe5dc';
const DONE_FILL = '#2f6f4f';

/** One bar per row filled to its percent (100% fills the track), with the percent as text and as a table. */
export function ProgressChart({
  text,
  items,
  rowName,
  valueName,
}: {
  text: ChartText;
  items: readonly ProgressItem[];
  rowName: string;
  valueName: string;
}) {
  return (
    <figure class="chart-figure" id={text.id}>
      <svg
        class="chart"
        viewBox={`0 0 ${BAR_LENGTH_MAX} ${Math.max(items.length, 1) * ROW_HEIGHT}`}
        role="img"
        aria-labelledby={`${text.id}-title ${text.id}-desc`}
      >
        <title id={`${text.id}-title`}>{text.title}</title>
        <desc id={`${text.id}-desc`}>{text.description}</desc>
        {items.map((item, row) => {
          const top = row * ROW_HEIGHT;
          return (
            <g key={row}>
              <text
                x={0}
                y={top + 19}
                font-size={CHART_TEXT}
                {...fittedTo(item.label, BAR_LENGTH_MAX - PERCENT_WIDTH)}
              >
                {item.label}
              </text>
              <text x={BAR_LENGTH_MAX} y={top + 19} font-size={CHART_TEXT} text-anchor="end">
                {percentText(item.percent)}
              </text>
              <rect
                x={0}
                y={top + TRACK_Y}
                width={BAR_LENGTH_MAX}
                height={TRACK_HEIGHT}
                fill={TRACK_FILL}
              />
              <rect
                x={0}
                y={top + TRACK_Y}
                width={item.length}
                height={TRACK_HEIGHT}
                fill={DONE_FILL}
              />
            </g>
          );
        })}
      </svg>
      <figcaption>{text.title}</figcaption>
      <table class="cards">
        <thead>
          <tr>
            <th scope="col">{rowName}</th>
            <th scope="col">{valueName}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item, row) => (
            <tr key={row}>
              <th scope="row">{item.label}</th>
              <td class="amount" data-label={valueName}>
                {percentText(item.percent)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
