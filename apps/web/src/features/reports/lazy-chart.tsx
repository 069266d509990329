// The chart library is fetched only when a chart is drawn (the Reports route is itself lazy).
import { lazy, Suspense } from 'react';
import type { LineChartProps } from './line-chart';

const LineChart = lazy(() => import('./line-chart'));

export function LazyLineChart(props: LineChartProps) {
  if (props.labels.length < 2) return null;
  return (
    <Suspense fallback={<div className="report-chart report-chart-loading" aria-hidden="true" />}>
      <LineChart {...props} />
    </Suspense>
  );
}
