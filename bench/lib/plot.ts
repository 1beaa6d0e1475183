/**
 * A tiny scatter/line plot: writes an SVG and renders it to PNG with sharp (a dependency of @xenova/transformers),
 * so the benchmark needs no plotting package.
 */
import fs from 'node:fs';
import sharp from 'sharp';

export interface Series {
  label: string;
  points: { x: number; y: number; label?: string }[];
}

export interface PlotOptions {
  title: string;
  xLabel: string;
  yLabel: string;
  logY?: boolean;
  /** False: the x axis spans the data, not [0, 1]. */
  unitX?: boolean;
  /** Draws dashed goal lines. */
  targets?: { x?: number; y?: number };
}

const COLORS = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b', '#e377c2', '#17becf'];

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function scatterSvg(series: Series[], o: PlotOptions): string {
  const W = 900;
  const H = 560;
  const L = 90;
  const R = 200;
  const T = 50;
  const B = 60;
  const all = series.flatMap((s) => s.points);
  const xs = all.map((p) => p.x).concat(o.targets?.x ?? []);
  const ys = all.map((p) => p.y).concat(o.targets?.y ?? []);
  let x0 = Math.min(...xs);
  let x1 = Math.max(...xs);
  if (x1 - x0 < 1e-6) [x0, x1] = [x0 - 0.01, x1 + 0.01];
  const pad = (x1 - x0) * 0.05;
  // Recall plots live in [0, 1]; other plots keep their own range.
  x0 = o.unitX === false ? x0 - pad : Math.max(0, x0 - pad);
  x1 = o.unitX === false ? x1 + pad : Math.min(1, x1 + pad);
  const ty = (y: number) => (o.logY ? Math.log10(Math.max(y, 1e-9)) : y);
  let y0 = Math.min(...ys.map(ty));
  let y1 = Math.max(...ys.map(ty));
  if (o.logY) {
    y0 = Math.floor(y0 * 2) / 2;
    y1 = Math.ceil(y1 * 2) / 2;
  } else {
    y0 = 0;
    y1 *= 1.1;
  }
  if (y1 - y0 < 1e-9) y1 = y0 + 1;
  const px = (x: number) => L + ((x - x0) / (x1 - x0)) * (W - L - R);
  const py = (y: number) => H - B - ((ty(y) - y0) / (y1 - y0)) * (H - T - B);
  const parts: string[] = [];
  parts.push(`<rect width="${W}" height="${H}" fill="white"/>`);
  parts.push(`<text x="${W / 2 - R / 2 + L / 2}" y="28" font-size="16" text-anchor="middle" font-family="sans-serif">${esc(o.title)}</text>`);
  // Axes and grid.
  parts.push(`<rect x="${L}" y="${T}" width="${W - L - R}" height="${H - T - B}" fill="none" stroke="#333"/>`);
  for (let i = 0; i <= 5; i++) {
    const x = x0 + ((x1 - x0) * i) / 5;
    parts.push(`<line x1="${px(x)}" y1="${T}" x2="${px(x)}" y2="${H - B}" stroke="#ddd"/>`);
    parts.push(`<text x="${px(x)}" y="${H - B + 18}" font-size="12" text-anchor="middle" font-family="sans-serif">${x.toFixed(3)}</text>`);
  }
  const yTicks: number[] = [];
  if (o.logY) {
    for (let e = Math.ceil(y0 * 2) / 2; e <= y1 + 1e-9; e += 0.5) yTicks.push(10 ** e);
  } else {
    for (let i = 0; i <= 5; i++) yTicks.push(y0 + ((y1 - y0) * i) / 5);
  }
  for (const y of yTicks) {
    parts.push(`<line x1="${L}" y1="${py(y)}" x2="${W - R}" y2="${py(y)}" stroke="#ddd"/>`);
    parts.push(`<text x="${L - 6}" y="${py(y) + 4}" font-size="12" text-anchor="end" font-family="sans-serif">${Math.round(y).toLocaleString('en')}</text>`);
  }
  parts.push(`<text x="${(L + W - R) / 2}" y="${H - 15}" font-size="14" text-anchor="middle" font-family="sans-serif">${esc(o.xLabel)}</text>`);
  parts.push(`<text x="20" y="${(T + H - B) / 2}" font-size="14" text-anchor="middle" font-family="sans-serif" transform="rotate(-90 20 ${(T + H - B) / 2})">${esc(o.yLabel)}${o.logY ? ' (log)' : ''}</text>`);
  if (o.targets?.x !== undefined) {
    parts.push(`<line x1="${px(o.targets.x)}" y1="${T}" x2="${px(o.targets.x)}" y2="${H - B}" stroke="#888" stroke-dasharray="6 4"/>`);
  }
  if (o.targets?.y !== undefined) {
    parts.push(`<line x1="${L}" y1="${py(o.targets.y)}" x2="${W - R}" y2="${py(o.targets.y)}" stroke="#888" stroke-dasharray="6 4"/>`);
    parts.push(`<text x="${W - R - 4}" y="${py(o.targets.y) - 5}" font-size="11" text-anchor="end" fill="#666" font-family="sans-serif">goal</text>`);
  }
  series.forEach((s, i) => {
    const c = COLORS[i % COLORS.length];
    const pts = [...s.points].sort((a, b) => a.x - b.x);
    parts.push(`<polyline fill="none" stroke="${c}" stroke-width="2" points="${pts.map((p) => `${px(p.x)},${py(p.y)}`).join(' ')}"/>`);
    for (const p of pts) {
      parts.push(`<circle cx="${px(p.x)}" cy="${py(p.y)}" r="4" fill="${c}"/>`);
      if (p.label) parts.push(`<text x="${px(p.x) + 6}" y="${py(p.y) - 6}" font-size="10" fill="${c}" font-family="sans-serif">${esc(p.label)}</text>`);
    }
    parts.push(`<rect x="${W - R + 15}" y="${T + 10 + i * 22}" width="14" height="14" fill="${c}"/>`);
    parts.push(`<text x="${W - R + 35}" y="${T + 22 + i * 22}" font-size="13" font-family="sans-serif">${esc(s.label)}</text>`);
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">${parts.join('')}</svg>`;
}

export async function renderScatterPng(file: string, series: Series[], o: PlotOptions): Promise<void> {
  const svg = scatterSvg(series, o);
  fs.writeFileSync(file.replace(/\.png$/, '.svg.tmp'), svg);
  await sharp(Buffer.from(svg)).png().toFile(file);
  fs.rmSync(file.replace(/\.png$/, '.svg.tmp'), { force: true });
}
