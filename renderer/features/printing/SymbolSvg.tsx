import type { SVGProps } from 'react';

type Box = Pick<SVGProps<SVGSVGElement>, 'x' | 'y' | 'width' | 'height' | 'className' | 'style'>;

/**
 * A Code 128 symbol from its bar/space widths, stretched to the box it is given (an <svg> works
 * inline in HTML and nested in a label's SVG alike).
 */
export function Code128Svg({ widths, label, ...box }: Box & { widths: readonly number[]; label: string }) {
  const modules = widths.reduce((a, b) => a + b, 0);
  const bars: { x: number; w: number }[] = [];
  widths.reduce((x, w, i) => {
    if (i % 2 === 0) bars.push({ x, w });
    return x + w;
  }, 0);
  return (
    <svg {...box} viewBox={`0 0 ${modules} 1`} preserveAspectRatio="none" role="img" aria-label={label} shapeRendering="crispEdges">
      {bars.map((b) => (
        <rect key={b.x} x={b.x} y={0} width={b.w} height={1} />
      ))}
    </svg>
  );
}

/** A QR code from its module matrix, as one path. */
export function QrSvg({ side, dark, label, ...box }: Box & { side: number; dark: readonly boolean[]; label: string }) {
  let d = '';
  dark.forEach((on, i) => {
    if (on) d += `M${i % side} ${Math.floor(i / side)}h1v1h-1z`;
  });
  return (
    <svg {...box} viewBox={`0 0 ${side} ${side}`} role="img" aria-label={label} shapeRendering="crispEdges">
      <path d={d} />
    </svg>
  );
}
