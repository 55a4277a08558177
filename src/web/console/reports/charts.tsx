/*
 * Small SVG charts written here rather than a chart library: none is installed, the ones that exist
 * weigh 50–200 kB gzipped for two chart kinds, and most draw on <canvas> or unlabelled SVG that
 * screen readers cannot read. These are plain SVG with a text summary (role="img" + <title>/<desc>),
 * a legend in text, a <title> per mark for pointer users, and every chart comes with its data table.
 */
import { useId, type ReactNode } from 'react';

/** A data series: one value per category. */
export interface Series {
  key: string;
  label: string;
  /** One of the chart palette classes chart__c1…chart__c6 (checked for contrast on white). */
  tone: 1 | 2 | 3 | 4 | 5 | 6;
  values: Array<number | null>;
}

/** Common chart inputs. */
export interface ChartProps {
  /** The chart's accessible name. */
  title: string;
  /** A sentence that says what the chart shows (read by screen readers). */
  summary: string;
  categories: string[];
  series: Series[];
  format: (n: number) => string;
  /** Fixed top of the scale (1 for rates); otherwise from the data. */
  max?: number;
}

const W = 520;
const H = 230;
const PAD = { top: 14, right: 24, bottom: 56, left: 52 };
/** Pixels per character of an axis label (12 px sans-serif), to wrap and thin labels. */
const CHAR = 6.6;

/** Splits a label into at most `maxLines` lines that fit `width` (the last one cut with an ellipsis). */
export function wrapLabel(label: string, width: number, maxLines = 3): string[] {
  const max = Math.max(3, Math.floor(width / CHAR));
  const cut = (text: string) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
  const lines: string[] = [];
  const words = label.split(' ');
  let i = 0;
  while (i < words.length && lines.length < maxLines - 1) {
    let line = '';
    while (i < words.length && (line ? `${line} ${words[i]}` : words[i]!).length <= max) line = line ? `${line} ${words[i++]}` : words[i++]!;
    if (!line) break;
    lines.push(line);
  }
  const rest = words.slice(i).join(' ');
  if (rest) lines.push(cut(rest));
  return lines;
}

/** A "nice" top of scale and its ticks (1, 2 or 5 times a power of ten per step). */
export function niceTicks(max: number, count = 4): number[] {
  if (!(max > 0)) return [0, 1];
  const raw = max / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? raw;
  const ticks: number[] = [];
  for (let v = 0; v < max + step / 2 && ticks.length <= count + 1; v += step) ticks.push(Math.round(v * 1e9) / 1e9);
  if (ticks[ticks.length - 1]! < max) ticks.push(ticks[ticks.length - 1]! + step);
  return ticks;
}

function Frame(props: { title: string; summary: string; ticks: number[]; format: (n: number) => string; categories: string[]; x: (i: number) => number; children: ReactNode; legend: Series[] }) {
  const id = useId();
  const top = props.ticks[props.ticks.length - 1]!;
  const y = (v: number) => PAD.top + (H - PAD.top - PAD.bottom) * (1 - v / top);
  // Category labels wrap on two lines within their band, and are thinned when the bands get too narrow.
  const plot = W - PAD.left - PAD.right;
  const widest = Math.max(...props.categories.map((c) => c.length), 1);
  const n = props.categories.length;
  const every = n <= 12 ? 1 : Math.max(1, Math.ceil(n / Math.max(1, Math.floor(plot / Math.min(widest * CHAR + 8, 90)))));
  const band = Math.max(plot / Math.max(1, props.categories.length), 1) * every;
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-t ${id}-d`} className="chart__svg" preserveAspectRatio="xMidYMid meet">
        <title id={`${id}-t`}>{props.title}</title>
        <desc id={`${id}-d`}>{props.summary}</desc>
        <g aria-hidden="true">
          {props.ticks.map((v) => (
            <g key={v}>
              <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} className={v === 0 ? 'chart__axis' : 'chart__grid'} />
              <text x={PAD.left - 6} y={y(v)} dy="0.32em" textAnchor="end" className="chart__tick">
                {props.format(v)}
              </text>
            </g>
          ))}
          {props.categories.map((c, i) =>
            i % every === 0 ? (
              <text key={`${c}-${i}`} x={props.x(i)} y={H - PAD.bottom + 16} textAnchor="middle" className="chart__tick">
                {wrapLabel(c, band - 4).map((line, k) => (
                  <tspan key={k} x={props.x(i)} dy={k === 0 ? 0 : '1.15em'}>
                    {line}
                  </tspan>
                ))}
              </text>
            ) : null,
          )}
        </g>
        {props.children}
      </svg>
      {props.legend.length > 1 ? (
        <figcaption>
          <ul className="chart__legend">
            {props.legend.map((s) => (
              <li key={s.key}>
                <span className={`chart__swatch chart__c${s.tone}`} aria-hidden="true" />
                {s.label}
              </li>
            ))}
          </ul>
        </figcaption>
      ) : null}
    </figure>
  );
}

function scale(props: ChartProps, stacked: boolean): { ticks: number[]; y: (v: number) => number } {
  const sums = props.categories.map((_, i) => (stacked ? props.series.reduce((s, x) => s + (x.values[i] ?? 0), 0) : Math.max(0, ...props.series.map((x) => x.values[i] ?? 0))));
  const ticks = niceTicks(props.max ?? Math.max(0, ...sums));
  const top = ticks[ticks.length - 1]!;
  return { ticks, y: (v) => PAD.top + (H - PAD.top - PAD.bottom) * (1 - v / top) };
}

/** Vertical bars, stacked when there are several series (histograms, counts per period). */
export function BarChart(props: ChartProps) {
  const { ticks, y } = scale(props, true);
  const band = (W - PAD.left - PAD.right) / Math.max(1, props.categories.length);
  const x = (i: number) => PAD.left + band * (i + 0.5);
  const bar = Math.max(2, Math.min(48, band * 0.7));
  return (
    <Frame title={props.title} summary={props.summary} ticks={ticks} format={props.format} categories={props.categories} x={x} legend={props.series}>
      {props.categories.map((c, i) => {
        let base = 0;
        return (
          <g key={`${c}-${i}`}>
            {props.series.map((s) => {
              const v = s.values[i] ?? 0;
              if (v <= 0) return null;
              const y0 = y(base);
              base += v;
              return (
                <rect key={s.key} x={x(i) - bar / 2} width={bar} y={y(base)} height={Math.max(0.5, y0 - y(base))} className={`chart__c${s.tone}`}>
                  <title>{`${c} — ${s.label}: ${props.format(v)}`}</title>
                </rect>
              );
            })}
          </g>
        );
      })}
    </Frame>
  );
}

/** Lines with a dot per point (series over days or weeks); null values break the line. */
export function LineChart(props: ChartProps) {
  const { ticks, y } = scale(props, false);
  const n = props.categories.length;
  const x = (i: number) => PAD.left + (n <= 1 ? (W - PAD.left - PAD.right) / 2 : ((W - PAD.left - PAD.right) * i) / (n - 1));
  const dots = n <= 60;
  return (
    <Frame title={props.title} summary={props.summary} ticks={ticks} format={props.format} categories={props.categories} x={x} legend={props.series}>
      {props.series.map((s) => {
        const segments: string[][] = [[]];
        s.values.forEach((v, i) => {
          if (v === null) segments.push([]);
          else segments[segments.length - 1]!.push(`${x(i).toFixed(1)},${y(v).toFixed(1)}`);
        });
        return (
          <g key={s.key} className={`chart__line chart__c${s.tone}`}>
            {segments.filter((p) => p.length > 1).map((p, k) => (
              <polyline key={k} points={p.join(' ')} />
            ))}
            {s.values.map((v, i) =>
              v === null || !(dots || segments.every((p) => p.length <= 1)) ? null : (
                <circle key={i} cx={x(i)} cy={y(v)} r={3}>
                  <title>{`${props.categories[i]} — ${s.label}: ${props.format(v)}`}</title>
                </circle>
              ),
            )}
          </g>
        );
      })}
    </Frame>
  );
}

/** The data table that goes with every chart (also the only view for people who cannot see it). */
export function DataTable(props: { caption: string; head: string[]; rows: Array<Array<string | number>>; summaryLabel: string }) {
  return (
    <details className="chart__data">
      <summary>{props.summaryLabel}</summary>
      <table className="table table--compact">
        <caption className="visually-hidden">{props.caption}</caption>
        <thead>
          <tr>
            {props.head.map((h, i) => (
              <th key={h} scope="col" className={i > 0 ? 'table__number' : undefined}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r, k) => (
            <tr key={k}>
              {r.map((cell, i) =>
                i === 0 ? (
                  <th key={i} scope="row">
                    {cell}
                  </th>
                ) : (
                  <td key={i} className="table__number" data-label={props.head[i]}>
                    {cell}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
