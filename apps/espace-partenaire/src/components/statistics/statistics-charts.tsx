'use client';

import {
  ArcElement,
  CategoryScale,
  Chart as ChartJS,
  Filler,
  Legend,
  LinearScale,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';
import { Doughnut, Line } from 'react-chartjs-2';

import {
  FAILURES_COLOUR,
  formatCount,
  formatLongDay,
  formatShare,
  formatShortDay,
  identityProviderColour,
  LOGINS_COLOUR,
} from './statistics-format';

/*
 * The charts themselves (chart.js through react-chartjs-2). Loaded only by the statistics pages,
 * on the client, through `StatisticsCharts` (a dynamic import): no other page carries chart.js.
 * Each canvas is an image named by its summary; the figures are in the tables next to it.
 */

ChartJS.register(
  ArcElement,
  CategoryScale,
  Filler,
  Legend,
  LinearScale,
  LineElement,
  PointElement,
  Tooltip,
);

const FONT = { family: 'Marianne, arial, sans-serif' };

export interface DailyChartProps {
  days: { day: string; logins: number; failures: number }[];
  summary: string;
}

export function DailyLoginsChart({ days, summary }: DailyChartProps) {
  return (
    <Line
      role="img"
      aria-label={summary}
      data-testid="graphique-connexions"
      data={{
        labels: days.map((day) => formatShortDay(day.day)),
        datasets: [
          {
            label: 'Connexions',
            data: days.map((day) => day.logins),
            borderColor: LOGINS_COLOUR,
            backgroundColor: 'rgba(0, 0, 145, 0.12)',
            fill: true,
            pointRadius: days.length > 62 ? 0 : 3,
            tension: 0.2,
          },
          {
            label: 'Échecs',
            data: days.map((day) => day.failures),
            borderColor: FAILURES_COLOUR,
            backgroundColor: FAILURES_COLOUR,
            borderDash: [6, 4],
            pointRadius: days.length > 62 ? 0 : 2,
            tension: 0.2,
          },
        ],
      }}
      options={{
        animation: false,
        maintainAspectRatio: false,
        interaction: { mode: 'index', intersect: false },
        scales: {
          y: { beginAtZero: true, ticks: { precision: 0, font: FONT } },
          x: { ticks: { font: FONT, maxRotation: 0, autoSkip: true } },
        },
        plugins: {
          legend: { labels: { font: FONT } },
          tooltip: {
            callbacks: {
              title: (items) => {
                const index = items[0]?.dataIndex;
                const day = index === undefined ? undefined : days[index];
                return day ? formatLongDay(day.day) : '';
              },
              label: (item) =>
                `${item.dataset.label} : ${formatCount(Number(item.raw))}`,
            },
          },
        },
      }}
    />
  );
}

export interface ShareChartProps {
  identityProviders: {
    slug: string;
    name: string;
    logins: number;
    share: number;
  }[];
  summary: string;
}

export function IdentityProvidersChart({
  identityProviders,
  summary,
}: ShareChartProps) {
  return (
    <Doughnut
      role="img"
      aria-label={summary}
      data-testid="graphique-fournisseurs"
      data={{
        labels: identityProviders.map((provider) => provider.name),
        datasets: [
          {
            label: 'Connexions',
            data: identityProviders.map((provider) => provider.logins),
            backgroundColor: identityProviders.map((_, index) =>
              identityProviderColour(index),
            ),
            borderColor: '#ffffff',
            borderWidth: 2,
          },
        ],
      }}
      options={{
        animation: false,
        maintainAspectRatio: false,
        plugins: {
          legend: { position: 'bottom', labels: { font: FONT } },
          tooltip: {
            callbacks: {
              label: (item) => {
                const provider = identityProviders[item.dataIndex];
                return provider
                  ? `${formatCount(provider.logins)} (${formatShare(provider.share)})`
                  : '';
              },
            },
          },
        },
      }}
    />
  );
}
