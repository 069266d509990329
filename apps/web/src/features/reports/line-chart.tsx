// A small line chart on uPlot (decision 0192), loaded on demand from the Reports route only. It is
// readable without colour: each series has its own dash pattern and point size, and its label in
// the legend; the table beside it holds the same figures for keyboard and screen-reader users.
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

interface ChartSeries {
  label: string;
  values: (number | null)[];
}

export interface LineChartProps {
  /** What the chart shows, read out in place of the drawing (the table has the figures). */
  summary: string;
  /** One label per point on the x axis (weeks), and what they are (the legend's first entry). */
  labels: string[];
  xLabel: string;
  series: ChartSeries[];
  formatY?: (v: number) => string;
}

// Distinct in lightness and in line style, so a grey print or colour blindness still tells them apart.
const STYLES = [
  { stroke: '#1f3f8f', width: 2, dash: undefined, points: 6 },
  { stroke: '#b35900', width: 2, dash: [8, 5], points: 9 },
  { stroke: '#4d4d4d', width: 2, dash: [2, 4], points: 4 },
];

export default function LineChart({ summary, labels, xLabel, series, formatY }: LineChartProps) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const data: uPlot.AlignedData = [labels.map((_, i) => i), ...series.map((s) => s.values)];
    const plot = new uPlot(
      {
        width: Math.max(280, el.clientWidth),
        height: 220,
        scales: { x: { time: false } },
        axes: [
          // Whole points only, at least 70 px apart: labels never overlap on a phone.
          {
            space: 70,
            incrs: [1, 2, 4, 8, 13, 26],
            values: (_u, ticks) => ticks.map((i) => labels[i] ?? ''),
          },
          { values: (_u, ticks) => ticks.map((v) => (formatY ? formatY(v) : String(v))), size: 70 },
        ],
        series: [
          { label: xLabel, value: (_u: uPlot, i: number | null) => (i === null ? '—' : (labels[i] ?? '')) },
          ...series.map((s, i) => {
            const style = STYLES[i % STYLES.length] ?? STYLES[0];
            return {
              label: s.label,
              stroke: style?.stroke,
              width: style?.width,
              ...(style?.dash ? { dash: style.dash } : {}),
              points: { size: style?.points, fill: i % 2 ? '#fff' : style?.stroke },
              value: (_u: uPlot, v: number | null) => (v === null ? '—' : formatY ? formatY(v) : String(v)),
            };
          }),
        ],
      },
      data,
      el,
    );
    const resize = new ResizeObserver(() =>
      plot.setSize({ width: Math.max(280, el.clientWidth), height: 220 }),
    );
    resize.observe(el);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [labels, xLabel, series, formatY]);
  return <div className="report-chart" ref={box} role="img" aria-label={summary} />;
}
