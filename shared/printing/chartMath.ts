import { A4_MARGINS_MM, a4PaperMm, type A4Chart } from './a4';

/**
 * Chart geometry shared by the PDF renderer (main, pdfkit) and the on-screen preview (renderer,
 * SVG): both draw from the same numbers, so the printed figure and the one on screen agree.
 * Pure maths only: text widths are estimated (see `estimateTextWidth`), because the renderer has no
 * font metrics of pdfkit's and main has no DOM.
 *
 * Coordinates are in the caller's units (points in the PDF, SVG user units on screen), y down.
 */

/**
 * Series colours: distinct hues whose lightness also differs, so the series stay apart on the
 * office's black-and-white laser printer too.
 */
export const CHART_COLORS = ['#1f4e79', '#d9822b', '#3a7d44', '#9b2d30', '#7d5ba6', '#8c8c8c'] as const;

/** The nice steps per decade; 2.5 keeps 0, 25, 50, 75, 100 possible. */
const STEP_MANTISSAS = [1, 2, 2.5, 5];

export interface TickOptions {
  /** The lowest value to cover (0 when not given; negative values extend the axis below 0). */
  min?: number;
  /** At most this many tick values (5 when not given). */
  count?: number;
  /** Whole-number steps only (counts of dossiers never show 0,5). */
  integer?: boolean;
}

function decimalsOf(step: number): number {
  // 2.5e-3 → 4 decimals; enough to print every multiple of the step exactly
  const s = step.toExponential();
  const [mantissa = '', exp = '0'] = s.split('e');
  const fraction = mantissa.split('.')[1]?.length ?? 0;
  return Math.max(0, fraction - Number(exp));
}

/**
 * Nice axis values from 0 (or `min`) up to at least `max`: multiples of 1, 2, 2.5 or 5 × 10ⁿ,
 * at most `count` of them (the smallest such step wins, so the axis uses the room it has).
 * chartTicks(87) → [0, 25, 50, 75, 100]; chartTicks(3) → [0, 1, 2, 3]; chartTicks(0) → [0, 1].
 */
export function chartTicks(max: number, o: TickOptions = {}): number[] {
  const count = Math.max(2, o.count ?? 5);
  let hi = Number.isFinite(max) ? Math.max(0, max) : 0;
  let lo = o.min !== undefined && Number.isFinite(o.min) ? Math.min(0, o.min) : 0;
  if (hi === lo) {
    // an all-zero chart still needs an axis; a unit upwards reads as "nothing yet"
    if (lo < 0) hi = 0;
    else hi = 1;
    if (hi === lo) lo = -1;
  }
  const span = hi - lo;
  const intervals = count - 1;
  let magnitude = Math.pow(10, Math.floor(Math.log10(span / intervals)) - 1);
  for (let guard = 0; guard < 40; guard++) {
    for (const m of STEP_MANTISSAS) {
      const step = m * magnitude;
      if (o.integer && (step < 1 || !Number.isInteger(step))) continue;
      const first = Math.floor(lo / step + 1e-9);
      const last = Math.ceil(hi / step - 1e-9);
      if (last - first <= intervals) {
        const decimals = decimalsOf(step);
        const ticks: number[] = [];
        for (let i = first; i <= last; i++) ticks.push(Number((i * step).toFixed(decimals)) + 0); // + 0 turns -0 into 0
        return ticks;
      }
    }
    magnitude *= 10;
  }
  return [lo, hi]; // unreachable for finite input; a safe fallback for anything else
}

/** A number as a clerk reads it: "1.234,5" (Vietnamese separators), at most 2 decimals. */
export function formatChartNumber(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  const negative = rounded < 0;
  const [int = '0', frac] = Math.abs(rounded).toString().split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${negative ? '-' : ''}${grouped}${frac ? `,${frac}` : ''}`;
}

/** An axis value with the chart's unit after it: "25%" but "25 hồ sơ". */
export function formatChartValue(value: number, unit?: string): string {
  const n = formatChartNumber(value);
  if (!unit) return n;
  return unit.startsWith('%') ? `${n}${unit}` : `${n} ${unit}`;
}

/**
 * Width of `text` at `fontSize` without font metrics: DejaVu Sans / system sans average about
 * 0.55 em for lower case and wider for capitals and digits. Only used for layout decisions
 * (rotating or thinning labels, room for the axis), where a few percent do not matter.
 */
export function estimateTextWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const ch of text.normalize('NFC')) {
    if (ch === ' ') em += 0.32;
    else if (/[0-9]/.test(ch)) em += 0.64;
    else if (/[.,:;'!|il]/.test(ch)) em += 0.3;
    else if (ch !== ch.toLowerCase()) em += 0.7;
    else em += 0.56;
  }
  return em * fontSize;
}

/** `text` cut to at most `max` characters with an ellipsis, so one long name cannot eat the chart. */
export function clipLabel(text: string, max: number): string {
  const chars = [...text.normalize('NFC')];
  return chars.length <= max ? text : `${chars.slice(0, Math.max(1, max - 1)).join('')}…`;
}

export interface ChartBox {
  width: number;
  height: number;
  /** Axis labels and legend; the title is 1.25 times this. */
  fontSize?: number;
}

const PT_PER_MM = 72 / 25.4;

/**
 * The box (in points) a chart gets on an A4 page: the printable width by 80 mm. The preview uses
 * the same box and scales the SVG, so the figure on screen is the printed one, font size included.
 */
export function a4ChartBox(orientation: 'portrait' | 'landscape' = 'portrait'): Required<ChartBox> {
  const paper = a4PaperMm(orientation);
  return { width: (paper.width - A4_MARGINS_MM.left - A4_MARGINS_MM.right) * PT_PER_MM, height: 80 * PT_PER_MM, fontSize: 8 };
}

export interface ChartText {
  text: string;
  x: number;
  y: number;
  /** Where x is on the text: its start, middle or end. */
  anchor: 'start' | 'middle' | 'end';
  /** Degrees, clockwise; category labels turn -45° when they do not fit side by side. */
  rotate?: number;
}

export interface ChartGeometry {
  width: number;
  height: number;
  fontSize: number;
  title: ChartText & { fontSize: number };
  /** The plot area (inside the axes). */
  plot: { x: number; y: number; width: number; height: number };
  /** y of the value 0 (the bars grow from here). */
  baseline: number;
  yTicks: { value: number; y: number; label: ChartText }[];
  /** Category labels actually shown (thinned out when they would overlap). */
  xLabels: ChartText[];
  /** Centre x of every category slot. */
  categoryX: number[];
  bars: { series: number; category: number; x: number; y: number; width: number; height: number; color: string; value: number }[];
  /** Polylines; a missing value breaks its line, so each series may have several segments. */
  lines: { series: number; color: string; segments: { x: number; y: number }[][]; points: { x: number; y: number; value: number; category: number }[] }[];
  legend: { name: string; color: string; swatch: { x: number; y: number; size: number }; label: ChartText }[];
}

/** The value a series has for a category, or undefined when it has none (short array, NaN, ±∞). */
export function seriesValue(values: readonly number[], category: number): number | undefined {
  const v = values[category];
  return v !== undefined && Number.isFinite(v) ? v : undefined;
}

/** Lowest and highest finite value of the chart (0 and 0 when there is none). */
export function chartExtent(chart: Pick<A4Chart, 'categories' | 'series'>): { min: number; max: number; integer: boolean } {
  let min = 0;
  let max = 0;
  let integer = true;
  for (const s of chart.series) {
    for (let c = 0; c < chart.categories.length; c++) {
      const v = seriesValue(s.values, c);
      if (v === undefined) continue;
      min = Math.min(min, v);
      max = Math.max(max, v);
      if (!Number.isInteger(v)) integer = false;
    }
  }
  return { min, max, integer };
}

/**
 * Where everything of a chart goes in a box of `width` × `height`: title on top, legend under it,
 * y axis with nice ticks on the left, category labels under the plot (turned -45° and clipped when
 * they do not fit side by side, and only every k-th one when even that would overlap).
 */
export function chartGeometry(chart: A4Chart, box: ChartBox): ChartGeometry {
  const fontSize = box.fontSize ?? 8;
  const titleSize = fontSize * 1.25;
  const lineH = fontSize * 1.3;
  const { width, height } = box;
  const pad = fontSize * 0.5;

  const title: ChartGeometry['title'] = { text: chart.title, x: width / 2, y: pad, anchor: 'middle', fontSize: titleSize };
  let top = chart.title ? pad + titleSize * 1.5 : pad;

  // legend: swatch + name, wrapped into rows centred under the title
  const swatch = fontSize * 0.9;
  const itemGap = fontSize * 1.2;
  const items = chart.series.map((s, i) => {
    const name = clipLabel(s.name, 40);
    return { name, color: CHART_COLORS[i % CHART_COLORS.length]!, w: swatch + fontSize * 0.4 + estimateTextWidth(name, fontSize) };
  });
  const rows: (typeof items)[] = [];
  let rowW = 0;
  for (const item of items) {
    const last = rows[rows.length - 1];
    if (last && rowW + itemGap + item.w <= width - 2 * pad) {
      last.push(item);
      rowW += itemGap + item.w;
    } else {
      rows.push([item]);
      rowW = item.w;
    }
  }
  const legend: ChartGeometry['legend'] = [];
  rows.forEach((row, r) => {
    const total = row.reduce((sum, it) => sum + it.w, 0) + itemGap * (row.length - 1);
    let x = Math.max(pad, (width - total) / 2);
    const y = top + r * lineH;
    for (const it of row) {
      legend.push({
        name: it.name,
        color: it.color,
        swatch: { x, y: y + (lineH - swatch) / 2, size: swatch },
        label: { text: it.name, x: x + swatch + fontSize * 0.4, y: y + (lineH - fontSize) / 2, anchor: 'start' },
      });
      x += it.w + itemGap;
    }
  });
  top += rows.length * lineH + pad;

  const extent = chartExtent(chart);
  const ticks = chartTicks(extent.max, { min: extent.min, integer: extent.integer });
  const tickLabels = ticks.map((v) => formatChartValue(v, chart.unit));
  const axisW = Math.max(...tickLabels.map((l) => estimateTextWidth(l, fontSize))) + fontSize * 0.6;
  const plotX = pad + axisW;
  const plotW = Math.max(1, width - plotX - pad);

  // category labels: side by side if they fit, else turned -45°, and thinned if still too dense
  const n = chart.categories.length;
  const slot = plotW / n;
  const widest = Math.max(...chart.categories.map((c) => estimateTextWidth(c, fontSize)));
  const rotate = widest > slot * 0.95;
  const labels = chart.categories.map((c) => (rotate ? clipLabel(c, 18) : c));
  const widestShown = Math.max(...labels.map((l) => estimateTextWidth(l, fontSize)));
  // turned labels need about a line height of slot each; side-by-side ones their own width
  const every = rotate ? Math.max(1, Math.ceil((lineH * 1.1) / slot)) : 1;
  const labelBand = rotate ? Math.min(widestShown, height * 0.3) * Math.SQRT1_2 + fontSize * 1.2 : lineH + fontSize * 0.3;

  const plotY = top + fontSize * 0.5; // room for the top tick's label
  const plotH = Math.max(1, height - plotY - labelBand - pad);
  const lo = ticks[0]!;
  const hi = ticks[ticks.length - 1]!;
  const yOf = (v: number): number => plotY + plotH - ((v - lo) / (hi - lo)) * plotH;
  const baseline = yOf(Math.min(Math.max(0, lo), hi));

  const yTicks = ticks.map((value, i) => ({
    value,
    y: yOf(value),
    label: { text: tickLabels[i]!, x: plotX - fontSize * 0.4, y: yOf(value) - fontSize / 2, anchor: 'end' as const },
  }));
  const categoryX = chart.categories.map((_, i) => plotX + slot * (i + 0.5));
  const xLabels: ChartText[] = [];
  for (let i = 0; i < n; i += every) {
    const y = plotY + plotH + fontSize * 0.4;
    xLabels.push(
      rotate
        ? { text: labels[i]!, x: categoryX[i]! + fontSize * 0.3, y: y + fontSize * 0.2, anchor: 'end', rotate: -45 }
        : { text: labels[i]!, x: categoryX[i]!, y, anchor: 'middle' },
    );
  }

  const bars: ChartGeometry['bars'] = [];
  const lines: ChartGeometry['lines'] = [];
  if (chart.chart === 'bar') {
    const group = slot * 0.8;
    const barW = group / chart.series.length;
    chart.series.forEach((s, si) => {
      for (let c = 0; c < n; c++) {
        const v = seriesValue(s.values, c);
        if (v === undefined) continue;
        const y = yOf(v);
        bars.push({
          series: si,
          category: c,
          x: categoryX[c]! - group / 2 + si * barW,
          y: Math.min(y, baseline),
          width: barW,
          height: Math.abs(baseline - y),
          color: CHART_COLORS[si % CHART_COLORS.length]!,
          value: v,
        });
      }
    });
  } else {
    chart.series.forEach((s, si) => {
      const segments: { x: number; y: number }[][] = [];
      const points: ChartGeometry['lines'][number]['points'] = [];
      let current: { x: number; y: number }[] = [];
      for (let c = 0; c < n; c++) {
        const v = seriesValue(s.values, c);
        if (v === undefined) {
          if (current.length) segments.push(current);
          current = [];
          continue;
        }
        const p = { x: categoryX[c]!, y: yOf(v) };
        current.push(p);
        points.push({ ...p, value: v, category: c });
      }
      if (current.length) segments.push(current);
      lines.push({ series: si, color: CHART_COLORS[si % CHART_COLORS.length]!, segments, points });
    });
  }

  return { width, height, fontSize, title, plot: { x: plotX, y: plotY, width: plotW, height: plotH }, baseline, yTicks, xLabels, categoryX, bars, lines, legend };
}

/** The SVG path of a polyline segment ("M x y L x y …"). */
export function polylinePath(points: readonly { x: number; y: number }[]): string {
  return points.map((p, i) => `${i === 0 ? 'M' : 'L'}${round(p.x)} ${round(p.y)}`).join(' ');
}

function round(v: number): number {
  return Math.round(v * 100) / 100;
}
