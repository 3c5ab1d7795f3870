import { RULES } from '../../domain/shared/rules';
import { formatDate, formatRupiah } from '../format';
import { stageName } from '../forms/regency-choices';
import { commandFormPath } from '../paths';
import type { PageSession } from '../session/web-session';
import { MoneyPageFrame } from './money-nav';
import { STAGES_PATH } from './regency-paths';
import type { StageRow, StageTwoAbsorption } from './stage-rows';
import { ColumnHeads } from '../column-heads';

const HEADERS = {
  village: 'Desa',
  stage: 'Tahap',
  planned: 'Rencana',
  transferred: 'Disalurkan',
  condition: 'Syarat penyaluran',
} as const;

/** The SendTransfer form for what the stage still has to send. */
const transferPath = (row: StageRow, remaining: string, fiscalYear: number) =>
  commandFormPath('SendTransfer', {
    tahun: String(fiscalYear),
    villageCode: row.villageCode,
    source: row.source,
    stage: String(row.stage),
    amount: formatRupiah(remaining),
  });

/** Stage II's absorption condition, monitored beside the transfer's own rules. */
function Absorption({ absorption }: { absorption: StageTwoAbsorption | null }) {
  if (!absorption) return null;
  const absorbed =
    absorption.percent === null ? 'tahap I belum diterima' : `${absorption.percent} %`;
  return (
    <small class="line" data-absorption={absorption.met ? 'met' : 'unmet'}>
      Penyerapan tahap I: {absorbed} (syarat ≥ {absorption.minPercent} %) ·{' '}
      {absorption.met ? 'terpenuhi' : 'belum terpenuhi'}
    </small>
  );
}

function Condition({
  row,
  fiscalYear,
  mayTransfer,
}: {
  row: StageRow;
  fiscalYear: number;
  mayTransfer: boolean;
}) {
  const { condition } = row;
  if (!condition.met)
    return (
      <div class="condition unmet" data-rule={condition.rule}>
        <strong>Belum terpenuhi:</strong> {RULES[condition.rule].id}
        <Absorption absorption={row.absorption} />
      </div>
    );
  return (
    <div class="condition met">
      <strong>Terpenuhi</strong> · sisa {formatRupiah(condition.remaining)}
      {mayTransfer && row.next && (
        <a class="line" href={transferPath(row, condition.remaining, fiscalYear)}>
          Catat transfer {row.stage === null ? '' : stageName(row.stage)}
        </a>
      )}
      <Absorption absorption={row.absorption} />
    </div>
  );
}

/** Every village's Dana Desa stages: planned, sent and when, and whether a transfer may go now. */
export function StagesPage({
  signedIn,
  regencyName,
  years,
  fiscalYear,
  rows,
  mayTransfer,
}: {
  signedIn: PageSession;
  regencyName: string;
  years: readonly number[];
  fiscalYear: number;
  rows: readonly StageRow[];
  mayTransfer: boolean;
}) {
  return (
    <MoneyPageFrame
      signedIn={signedIn}
      path={STAGES_PATH}
      title="Tahap Dana Desa"
      intro={`${regencyName}: rencana dan penyaluran Dana Desa per desa dan tahap, dengan syarat yang diperiksa saat transfer dicatat.`}
      years={years}
      fiscalYear={fiscalYear}
      {...(mayTransfer && {
        form: { type: 'PlanDanaDesaStages', label: 'Rencana tahap Dana Desa' },
      })}
    >
      <div class="report-table">
        <table class="cards stages">
          <ColumnHeads labels={HEADERS} />
          <tbody>
            {rows.map((row) => (
              <tr
                key={`${row.villageCode}|${row.source}|${row.stage ?? '-'}`}
                data-village={row.villageCode}
                data-source={row.source}
                data-stage={row.stage ?? ''}
                class={row.condition.met ? undefined : 'unmet'}
              >
                <td data-label={HEADERS.village}>
                  {row.villageName} <small>{row.villageCode}</small>
                  <small class="line">{row.source}</small>
                </td>
                <td data-label={HEADERS.stage}>
                  {row.stage === null ? '–' : stageName(row.stage)}
                </td>
                <td data-label={HEADERS.planned} class="amount">
                  {row.planned === null ? '–' : formatRupiah(row.planned)}
                </td>
                <td data-label={HEADERS.transferred}>
                  <div>
                    {formatRupiah(row.transferred)}
                    {row.transfers.map((transfer) => (
                      <small key={transfer.reference} class="line">
                        {formatDate(transfer.date)} · {formatRupiah(transfer.amount)} ·{' '}
                        {transfer.reference}
                      </small>
                    ))}
                  </div>
                </td>
                <td data-label={HEADERS.condition}>
                  <Condition row={row} fiscalYear={fiscalYear} mayTransfer={mayTransfer} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </MoneyPageFrame>
  );
}
