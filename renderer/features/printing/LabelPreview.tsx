import { t } from '../../../shared/messages/vi';
import type { LabelDocument, LabelElement } from '../../../shared/printing/document';
import { FONT_METRICS } from '../../../shared/printing/fontMetrics';
import { code128Widths, qrMatrix, useBwipRaw } from './symbols';
import { Code128Svg, QrSvg } from './SymbolSvg';
import './printing.css';

export interface LabelPreviewProps {
  label: LabelDocument;
  /** Screen pixels per millimetre of label. */
  scale?: number;
}

type Raw = ReturnType<typeof useBwipRaw>;

/** The narrowest bar the label renderer prints: 2 dots at 203 dpi. */
const MODULE_MM = 0.25;
/** Verdana is DejaVu Sans's ancestor (same widths) where DejaVu is not installed. */
const FONT_FAMILY = "'DejaVu Sans', Verdana, sans-serif";

let measuring: CanvasRenderingContext2D | null | undefined;

/** Natural width of `text` in mm at `sizeMm`, in the preview's font. */
function textWidthMm(text: string, sizeMm: number, bold: boolean): number {
  measuring ??= document.createElement('canvas').getContext('2d');
  if (!measuring) return 0;
  measuring.font = `${bold ? 'bold ' : ''}100px ${FONT_FAMILY}`;
  return (measuring.measureText(text).width / 100) * sizeMm;
}

function Element({ el, raw }: { el: LabelElement; raw: Raw }) {
  switch (el.type) {
    case 'text': {
      // heightMm is the capital height; the box starts where the highest stacked mark would
      const size = el.heightMm / FONT_METRICS.capHeight;
      const squeeze = el.maxWidthMm !== undefined && textWidthMm(el.text, size, el.bold ?? false) > el.maxWidthMm;
      return (
        <text
          x={el.x}
          y={el.y + size * FONT_METRICS.top}
          fontSize={size}
          fontWeight={el.bold ? 700 : 400}
          fontFamily={FONT_FAMILY}
          textLength={squeeze ? el.maxWidthMm : undefined}
          lengthAdjust={squeeze ? 'spacingAndGlyphs' : undefined}
        >
          {el.text}
        </text>
      );
    }
    case 'barcode': {
      const widths = raw ? code128Widths(raw, el.data) : null;
      const width = (widths?.reduce((a, b) => a + b, 0) ?? 11 * (el.data.length + 2) + 13) * MODULE_MM;
      return (
        <g>
          {widths ? (
            <Code128Svg widths={widths} label={el.data} x={el.x} y={el.y} width={width} height={el.heightMm} />
          ) : (
            <rect className="label-pending" x={el.x} y={el.y} width={width} height={el.heightMm} />
          )}
          {el.showText && (
            <text x={el.x + width / 2} y={el.y + el.heightMm + 2.6} fontSize={2.8} textAnchor="middle" fontFamily={FONT_FAMILY}>
              {el.data}
            </text>
          )}
        </g>
      );
    }
    case 'qr': {
      const matrix = raw ? qrMatrix(raw, el.data) : null;
      if (!matrix) return <rect className="label-pending" x={el.x} y={el.y} width={25 * el.cellMm} height={25 * el.cellMm} />;
      const side = matrix.side * el.cellMm;
      return <QrSvg side={matrix.side} dark={matrix.dark} label={el.data} x={el.x} y={el.y} width={side} height={side} />;
    }
    case 'box': {
      // ZPL and TSPL draw the border inside the box; an SVG stroke straddles its path
      const half = el.thicknessMm / 2;
      return (
        <rect
          x={el.x + half}
          y={el.y + half}
          width={Math.max(0, el.widthMm - el.thicknessMm)}
          height={Math.max(0, el.heightMm - el.thicknessMm)}
          fill="none"
          stroke="#000"
          strokeWidth={el.thicknessMm}
        />
      );
    }
  }
}

/** A label on screen from the same description the ZPL / TSPL renderers print: positions in mm, to scale. */
export function LabelPreview({ label, scale = 4 }: LabelPreviewProps) {
  const raw = useBwipRaw();
  return (
    <svg
      className="label-paper"
      viewBox={`0 0 ${label.widthMm} ${label.heightMm}`}
      width={label.widthMm * scale}
      height={label.heightMm * scale}
      role="img"
      aria-label={t('printing.preview.label', { width: label.widthMm, height: label.heightMm })}
    >
      <rect width={label.widthMm} height={label.heightMm} fill="#fff" />
      {label.elements.map((el, i) => (
        <Element key={i} el={el} raw={raw} />
      ))}
    </svg>
  );
}
