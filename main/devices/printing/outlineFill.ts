import type { PathCommand } from './fonts';
import { setDot, type MonoBitmap } from './monoBitmap';

/**
 * Fills glyph outlines into a 1-bit bitmap with the non-zero winding rule, as TrueType means them.
 * pureimage's own fill is even-odd, which cuts a white notch where the horn of ơ / ư overlaps the
 * letter and erases the dot below ệ / ộ (DejaVu builds them from overlapping parts). Each dot is
 * sampled 4 x 4 times and printed black when at least half of it is covered.
 */

const SAMPLES = 4;

interface Edge {
  top: number;
  bottom: number;
  /** x at `top` and the change of x per unit of y */
  x: number;
  slope: number;
  /** +1 going down, -1 going up */
  winding: number;
}

type Point = readonly [number, number];

function edgesOf(commands: readonly PathCommand[], transform: (x: number, y: number) => Point): Edge[] {
  const edges: Edge[] = [];
  let start: Point = [0, 0];
  let current: Point = [0, 0];
  const lineTo = (to: Point): void => {
    const [x0, y0] = current;
    const [x1, y1] = to;
    if (y0 !== y1) {
      const down = y1 > y0;
      const [top, bottom, xTop] = down ? [y0, y1, x0] : [y1, y0, x1];
      edges.push({ top, bottom, x: xTop, slope: (x1 - x0) / (y1 - y0), winding: down ? 1 : -1 });
    }
    current = to;
  };
  const curveTo = (point: (t: number) => Point, length: number): void => {
    const steps = Math.min(16, Math.max(2, Math.ceil(length / 2)));
    for (let i = 1; i <= steps; i++) lineTo(point(i / steps));
  };
  const distance = (a: Point, b: Point): number => Math.hypot(a[0] - b[0], a[1] - b[1]);
  for (const c of commands) {
    switch (c.type) {
      case 'M':
        lineTo(start);
        start = transform(c.x, c.y);
        current = start;
        break;
      case 'L':
        lineTo(transform(c.x, c.y));
        break;
      case 'Q': {
        const [p0, p1, p2] = [current, transform(c.x1, c.y1), transform(c.x, c.y)];
        const at = (t: number): Point => [
          (1 - t) ** 2 * p0[0] + 2 * (1 - t) * t * p1[0] + t * t * p2[0],
          (1 - t) ** 2 * p0[1] + 2 * (1 - t) * t * p1[1] + t * t * p2[1],
        ];
        curveTo(at, distance(p0, p1) + distance(p1, p2));
        break;
      }
      case 'C': {
        const [p0, p1, p2, p3] = [current, transform(c.x1, c.y1), transform(c.x2, c.y2), transform(c.x, c.y)];
        const at = (t: number): Point => {
          const u = 1 - t;
          return [
            u ** 3 * p0[0] + 3 * u * u * t * p1[0] + 3 * u * t * t * p2[0] + t ** 3 * p3[0],
            u ** 3 * p0[1] + 3 * u * u * t * p1[1] + 3 * u * t * t * p2[1] + t ** 3 * p3[1],
          ];
        };
        curveTo(at, distance(p0, p1) + distance(p1, p2) + distance(p2, p3));
        break;
      }
      case 'Z':
        lineTo(start);
        break;
    }
  }
  lineTo(start);
  return edges;
}

/** Fills the outline `commands` (mapped through `transform` to bitmap dots) black into `target`. */
export function fillOutline(target: MonoBitmap, commands: readonly PathCommand[], transform: (x: number, y: number) => Point): void {
  const edges = edgesOf(commands, transform).sort((a, b) => a.top - b.top);
  if (edges.length === 0) return;
  const firstRow = Math.max(0, Math.floor(edges[0].top));
  const lastRow = Math.min(target.height - 1, Math.ceil(Math.max(...edges.map((e) => e.bottom))));
  const coverage = new Uint8Array(target.width);
  let active: Edge[] = [];
  let next = 0;
  const crossings: { x: number; winding: number }[] = [];
  for (let row = firstRow; row <= lastRow; row++) {
    coverage.fill(0);
    for (let s = 0; s < SAMPLES; s++) {
      const y = row + (s + 0.5) / SAMPLES;
      while (next < edges.length && edges[next].top <= y) active.push(edges[next++]);
      active = active.filter((e) => e.bottom > y);
      crossings.length = 0;
      for (const e of active) crossings.push({ x: e.x + (y - e.top) * e.slope, winding: e.winding });
      crossings.sort((a, b) => a.x - b.x);
      let winding = 0;
      let spanStart = 0;
      for (const crossing of crossings) {
        const before = winding;
        winding += crossing.winding;
        if (before === 0 && winding !== 0) spanStart = crossing.x;
        else if (before !== 0 && winding === 0) {
          // samples sit at the centres of SAMPLES x SAMPLES sub-cells
          const first = Math.max(0, Math.ceil(spanStart * SAMPLES - 0.5));
          const last = Math.min(target.width * SAMPLES - 1, Math.ceil(crossing.x * SAMPLES - 0.5) - 1);
          for (let k = first; k <= last; k++) coverage[Math.floor(k / SAMPLES)]++;
        }
      }
    }
    for (let x = 0; x < target.width; x++) if (coverage[x] * 2 >= SAMPLES * SAMPLES) setDot(target, x, row);
  }
}
