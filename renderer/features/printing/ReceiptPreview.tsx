import { useMemo, type CSSProperties, type ReactNode } from 'react';
import { t } from '../../../shared/messages/vi';
import type { Align, PrintBlock, ReceiptDocument } from '../../../shared/printing/document';
import { layoutReceipt, lineSegments, type LayoutItem, type LayoutLine } from '../../../shared/printing/layout';
import { withReprintMark } from '../../../shared/printing/reprint';
import { DEFAULT_BARCODE_HEIGHT_DOTS, nativeCode128ModuleDots, nativeCode128Modules, qrModuleDots, qrModules } from '../../../shared/printing/symbolSize';
import { code128Widths, qrMatrix, useBwipRaw } from './symbols';
import { Code128Svg, QrSvg } from './SymbolSvg';
import './printing.css';

export interface ReceiptPreviewProps {
  document: ReceiptDocument;
  /** Characters per line of the printer (font A): 48 on 80 mm, 32 on 58 mm. */
  columns: number;
  /** Printable dots per line, for barcode and QR sizes; 12 per column (203 dpi font A) when not given. */
  dotsPerLine?: number;
  reprint?: boolean;
}

type Raw = ReturnType<typeof useBwipRaw>;

/** A length of `dots` printer dots on the preview's paper. */
const dots = (n: number): string => `calc(var(--dot) * ${n})`;

function Line({ line }: { line: LayoutLine }) {
  const className = ['receipt-line', line.size === 2 ? 'size-2' : '', line.underline ? 'underline' : ''].filter(Boolean).join(' ');
  const segments = lineSegments(line);
  return (
    <div className={className}>
      {segments.length === 0
        ? ' '
        : segments.map((s, i) => (
            <span key={i} className={s.bold ? 'bold' : undefined}>
              {s.text}
            </span>
          ))}
    </div>
  );
}

function SymbolBox({ align, width, height, children }: { align: Align; width: number; height: number; children?: ReactNode }) {
  return (
    <div className={`receipt-symbol ${align}`}>
      {children ?? <div className="receipt-symbol-pending" style={{ width: dots(width), height: dots(height) }} />}
    </div>
  );
}

function Barcode({ block, raw, dotsPerLine }: { block: Extract<PrintBlock, { type: 'barcode' }>; raw: Raw; dotsPerLine: number }) {
  const height = block.height ?? DEFAULT_BARCODE_HEIGHT_DOTS;
  const widths = raw ? code128Widths(raw, block.data) : null;
  // as the printer decides: its own command at 3 or 2 dots a module, else a raster as wide as fits
  const native = nativeCode128ModuleDots(block.data, dotsPerLine);
  const modules = widths?.reduce((a, b) => a + b, 0) ?? nativeCode128Modules(block.data);
  const width = native !== undefined ? nativeCode128Modules(block.data) * native : modules * Math.min(3, Math.floor(dotsPerLine / modules));
  const drawable = width > 0;
  return (
    <>
      {drawable && (
        <SymbolBox align={block.align ?? 'center'} width={width} height={height}>
          {widths && <Code128Svg widths={widths} label={block.data} style={{ width: dots(width), height: dots(height) }} />}
        </SymbolBox>
      )}
      {(block.showText || !drawable) && <div className={`receipt-line receipt-hri ${block.align ?? 'center'}`}>{block.data}</div>}
    </>
  );
}

function Qr({ block, raw, dotsPerLine }: { block: Extract<PrintBlock, { type: 'qr' }>; raw: Raw; dotsPerLine: number }) {
  const matrix = raw ? qrMatrix(raw, block.data) : null;
  const cell = qrModuleDots(block.data, block.size, dotsPerLine);
  const side = (matrix?.side ?? qrModules(block.data)) * cell;
  return (
    <SymbolBox align={block.align ?? 'center'} width={side} height={side}>
      {matrix && <QrSvg side={matrix.side} dark={matrix.dark} label={block.data} style={{ width: dots(side), height: dots(side) }} />}
    </SymbolBox>
  );
}

function Item({ item, raw, dotsPerLine }: { item: LayoutItem; raw: Raw; dotsPerLine: number }) {
  switch (item.type) {
    case 'line':
      return <Line line={item} />;
    case 'barcode':
      return <Barcode block={item} raw={raw} dotsPerLine={dotsPerLine} />;
    case 'qr':
      return <Qr block={item} raw={raw} dotsPerLine={dotsPerLine} />;
    case 'feed':
      return (
        <>
          {Array.from({ length: item.lines }, (_, i) => (
            <div key={i} className="receipt-line">
              {' '}
            </div>
          ))}
        </>
      );
    case 'cut':
      return <div className="receipt-cut" role="separator" />;
  }
}

/**
 * A receipt on screen as the printer will put it on paper: the same layout (shared/printing/layout)
 * in a monospace font, `columns` characters wide, double-size lines twice as big, barcodes and QR
 * codes at their printed size in dots.
 */
export function ReceiptPreview({ document, columns, dotsPerLine = columns * 12, reprint = false }: ReceiptPreviewProps) {
  const layout = useMemo(() => layoutReceipt(reprint ? withReprintMark(document) : document, columns), [document, columns, reprint]);
  const raw = useBwipRaw();
  const style = { '--columns': columns, '--dots-per-column': dotsPerLine / columns } as CSSProperties;
  return (
    <figure className="receipt-paper" style={style} aria-label={t('printing.preview.receipt', { columns })}>
      {layout.items.map((item, i) => (
        <Item key={i} item={item} raw={raw} dotsPerLine={dotsPerLine} />
      ))}
    </figure>
  );
}
