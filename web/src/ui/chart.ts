/** A small SVG line chart of one or two numeric series over time, with an accessible text alternative. */
import { svg } from './dom';

export interface Point {
  readonly time: number;
  readonly values: readonly number[];
}

const WIDTH = 640;
const HEIGHT = 180;
const PAD = 32;
const COLORS = ['#1f5fa8', '#b3261e'];

export function lineChart(title: string, unit: string, seriesNames: readonly string[], points: readonly Point[]): SVGElement {
  const sorted = [...points].sort((a, b) => a.time - b.time);
  const all = sorted.flatMap((p) => p.values).filter(Number.isFinite);
  const min = Math.min(...all);
  const max = Math.max(...all);
  const span = max - min || 1;
  const t0 = sorted[0]?.time ?? 0;
  const tSpan = (sorted[sorted.length - 1]?.time ?? 1) - t0 || 1;
  const x = (time: number) => PAD + ((time - t0) / tSpan) * (WIDTH - 2 * PAD);
  const y = (value: number) => HEIGHT - PAD - ((value - min) / span) * (HEIGHT - 2 * PAD);
  const lines = seriesNames.map((name, i) => {
    const coordinates = sorted.filter((p) => Number.isFinite(p.values[i])).map((p) => `${x(p.time).toFixed(1)},${y(p.values[i]!).toFixed(1)}`);
    return svg('g', { class: 'series' },
      svg('polyline', { points: coordinates.join(' '), fill: 'none', stroke: COLORS[i % COLORS.length]!, 'stroke-width': 2 }),
      ...coordinates.map((c) => {
        const [cx, cy] = c.split(',');
        return svg('circle', { cx: cx!, cy: cy!, r: 3, fill: COLORS[i % COLORS.length]! });
      }),
      svg('title', {}, name));
  });
  const label = `${title}: ${sorted.length} (${min}–${max} ${unit})`;
  const day = (time: number) => new Date(time).toISOString().slice(5, 10).replace('-', '/');
  return svg('svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img', 'aria-label': label, class: 'chart' },
    svg('title', {}, label),
    svg('line', { x1: PAD, y1: HEIGHT - PAD, x2: WIDTH - PAD, y2: HEIGHT - PAD, stroke: '#555' }),
    svg('text', { x: 4, y: PAD, 'font-size': 12, fill: '#333' }, `${max}`),
    svg('text', { x: 4, y: HEIGHT - PAD, 'font-size': 12, fill: '#333' }, `${min}`),
    svg('text', { x: WIDTH - PAD, y: 16, 'font-size': 12, fill: '#333', 'text-anchor': 'end' }, unit),
    svg('text', { x: PAD, y: HEIGHT - 8, 'font-size': 12, fill: '#333' }, day(t0)),
    svg('text', { x: WIDTH - PAD, y: HEIGHT - 8, 'font-size': 12, fill: '#333', 'text-anchor': 'end' }, day(t0 + tSpan)),
    ...lines);
}
