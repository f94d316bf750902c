'use client';

import dynamic from 'next/dynamic';

import type { DailyChartProps, ShareChartProps } from './statistics-charts';

/*
 * chart.js is loaded by the statistics pages only, in the browser, once the page is there: the
 * charts are drawings over figures the page already shows as tables (which work without JS).
 */

function Loading() {
  return <p className="fr-text--sm fr-mb-0">Chargement du graphique…</p>;
}

const DailyLoginsChart = dynamic(
  () => import('./statistics-charts').then((module) => module.DailyLoginsChart),
  { ssr: false, loading: Loading },
);

const IdentityProvidersChart = dynamic(
  () =>
    import('./statistics-charts').then(
      (module) => module.IdentityProvidersChart,
    ),
  { ssr: false, loading: Loading },
);

export function DailyLoginsChartLoader(props: DailyChartProps) {
  return (
    <div style={{ position: 'relative', height: '20rem' }}>
      <DailyLoginsChart {...props} />
    </div>
  );
}

export function IdentityProvidersChartLoader(props: ShareChartProps) {
  return (
    <div style={{ position: 'relative', height: '20rem' }}>
      <IdentityProvidersChart {...props} />
    </div>
  );
}
