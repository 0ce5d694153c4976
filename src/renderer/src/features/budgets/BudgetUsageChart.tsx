import { Area, AreaChart, CartesianGrid, Legend, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import type { BudgetViewRow } from '../../../../shared/purchasing-controls-schemas';
import { useLocaleFormat } from '../../hooks/useLocaleFormat';

const DAY_MS = 86_400_000;
/** Whole days since 1970 for an ISO date: the chart's x axis is time, spaced as the calendar is. */
const dayOf = (iso: string): number => Math.round(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY_MS);
const isoOf = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

interface Point {
  day: number;
  allocated: number;
  provisional: number;
}

/** Days of quiet shown before the first change, so a budget order that started drawing today still reads as a step. */
const LEAD_IN_DAYS = 14;

/**
 * What was held each day, as steps: nothing shortly before the first change (never before the
 * first valid day), then each day main says the shares changed (UTC days), held through today or the
 * last valid day if that came first. The first and last points only draw the line across the period.
 */
export function usagePoints(row: Pick<BudgetViewRow, 'usage' | 'validFrom' | 'validTo'>, today = new Date().toISOString().slice(0, 10)): Point[] {
  const points: Point[] = row.usage.map((entry) => ({ day: dayOf(entry.date), allocated: entry.allocatedMinor, provisional: entry.provisionalMinor }));
  const first = points[0];
  if (!first) return [];
  const start = Math.max(dayOf(row.validFrom), first.day - LEAD_IN_DAYS);
  if (first.day > start) points.unshift({ day: start, allocated: 0, provisional: 0 });
  // A day's amount is what was held at its end, so the line runs through the last day shown, to the next one's start.
  const end = dayOf(today < row.validTo ? today : row.validTo) + 1;
  const last = points[points.length - 1] as Point;
  if (end > last.day) points.push({ ...last, day: end });
  return points;
}

const LABELS: Record<'allocated' | 'provisional', string> = { allocated: 'Allocated', provisional: 'Provisional (drafts)' };

/** Use of one budget order over time, against its total; built on Recharts (SVG, keyboard-readable tooltip). */
export function BudgetUsageChart({ row }: { row: BudgetViewRow }) {
  const { formatMoney, formatDate } = useLocaleFormat();
  const points = usagePoints(row);
  const caption = `budget-chart-caption-${row.id}`;
  const top = Math.max(row.totalMinor, ...points.map((point) => point.allocated + point.provisional));
  // Five even steps from nothing to the top, whole minor units: the total (or more) is always a tick.
  const ticks = [0, 1, 2, 3, 4].map((step) => Math.round((top * step) / 4));
  const overTotal = points.some((point) => point.allocated + point.provisional > row.totalMinor);
  const summary =
    row.usage.length === 0
      ? `No PO has drawn on ${row.number} yet.`
      : `${row.number} holds ${formatMoney(row.allocatedMinor + row.provisionalMinor)} of its ${formatMoney(row.totalMinor)} (allocated and provisional), ` +
        `after ${row.usage.length} day${row.usage.length === 1 ? '' : 's'} of change since ${formatDate((row.usage[0] as { date: string }).date)}.`;

  return (
    <figure className="budget-chart" aria-labelledby={caption}>
      <figcaption id={caption} className="budget-chart-caption">
        Use over time: {summary}
        {overTotal && ' Drafts together ask for more than the total.'}
      </figcaption>
      {points.length > 0 && (
        <AreaChart
          responsive
          style={{ width: '100%', height: 220 }}
          data={points}
          margin={{ top: 12, right: 16, bottom: 4, left: 8 }}
          title={`Use of budget order ${row.number} over time`}
          desc={summary}
        >
          <CartesianGrid stroke="#e3e7ed" vertical={false} />
          <XAxis
            dataKey="day"
            type="number"
            domain={['dataMin', 'dataMax']}
            allowDecimals={false}
            tickFormatter={(day: number) => formatDate(isoOf(day))}
            tick={{ fontSize: 12 }}
            minTickGap={24}
            padding={{ right: 12 }}
          />
          <YAxis domain={[0, top]} ticks={ticks} allowDecimals={false} tickFormatter={(minor: number) => formatMoney(Math.round(minor))} tick={{ fontSize: 12 }} width={92} />
          <Tooltip
            labelFormatter={(day) => formatDate(isoOf(Number(day)))}
            formatter={(value, name) => [formatMoney(Number(value)), LABELS[name as keyof typeof LABELS] ?? String(name)]}
          />
          <Legend verticalAlign="top" align="left" height={24} formatter={(value) => LABELS[value as keyof typeof LABELS] ?? String(value)} />
          <ReferenceLine y={row.totalMinor} stroke="#b42318" strokeDasharray="5 4" label={{ value: `Total ${formatMoney(row.totalMinor)}`, position: 'insideTopRight', fill: '#b42318', fontSize: 12 }} />
          <Area type="stepAfter" dataKey="allocated" name="allocated" stackId="held" stroke="#1f5aa6" strokeWidth={2} fill="#1f5aa6" fillOpacity={0.28} isAnimationActive={false} />
          <Area type="stepAfter" dataKey="provisional" name="provisional" stackId="held" stroke="#8a4b00" strokeWidth={1.5} strokeDasharray="4 3" fill="#f0d29c" fillOpacity={0.5} isAnimationActive={false} />
        </AreaChart>
      )}
      {row.usage.length > 0 && (
        <details className="budget-chart-table">
          <summary>Use by day, as a table</summary>
          <table className="po-table">
            <thead>
              <tr>
                <th scope="col">Day</th>
                <th scope="col" className="num">
                  Allocated
                </th>
                <th scope="col" className="num">
                  Provisional
                </th>
              </tr>
            </thead>
            <tbody>
              {row.usage.map((entry) => (
                <tr key={entry.date}>
                  <td>{formatDate(entry.date)}</td>
                  <td className="num">{formatMoney(entry.allocatedMinor)}</td>
                  <td className="num">{formatMoney(entry.provisionalMinor)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </figure>
  );
}
