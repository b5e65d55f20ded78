import { useMemo, type CSSProperties } from 'react';
import { t } from '../../../shared/messages/vi';
import { A4_MARGINS_MM, a4PaperMm, type A4Block, type A4Chart as A4ChartData, type A4Document } from '../../../shared/printing/a4';
import { a4ChartBox, chartGeometry, formatChartValue, polylinePath, seriesValue, type ChartBox, type ChartText } from '../../../shared/printing/chartMath';
import { code128Widths, useBwipRaw } from './symbols';
import { Code128Svg } from './SymbolSvg';
import './a4.css';

/**
 * A table preview stops after this many rows: a 20,000-row manifest as 280,000 DOM cells would
 * freeze the counter's PC, and the clerk checks the shape of a document on screen, not every row.
 * The PDF always has every row; the preview says how many it left out.
 */
const PREVIEW_ROWS = 500;

export interface A4PreviewProps {
  doc: A4Document;
  /** Table rows shown before the preview stops (500 when not given). */
  maxRows?: number;
}

/** One sentence for screen readers: kind, title, the categories' span, each series' range. */
export function chartSummary(chart: A4ChartData): string {
  const series = chart.series
    .map((s) => {
      const values = chart.categories.map((_, c) => seriesValue(s.values, c)).filter((v): v is number => v !== undefined);
      if (!values.length) return t('a4.chart.seriesEmpty', { name: s.name });
      return t('a4.chart.seriesRange', {
        name: s.name,
        min: formatChartValue(Math.min(...values), chart.unit),
        max: formatChartValue(Math.max(...values), chart.unit),
      });
    })
    .join('; ');
  return t('a4.chart.summary', {
    kind: t(chart.chart === 'bar' ? 'a4.chart.bar' : 'a4.chart.line'),
    title: chart.title,
    count: chart.categories.length,
    first: chart.categories[0] ?? '',
    last: chart.categories[chart.categories.length - 1] ?? '',
    series,
  });
}

function SvgText({ c, fontSize, bold }: { c: ChartText; fontSize: number; bold?: boolean }) {
  return (
    <text
      x={c.x}
      y={c.y}
      fontSize={fontSize}
      fontWeight={bold ? 700 : undefined}
      textAnchor={c.anchor}
      // ChartText's y is the top of the text, as in pdfkit
      dominantBaseline="hanging"
      transform={c.rotate ? `rotate(${c.rotate} ${c.x} ${c.y})` : undefined}
    >
      {c.text}
    </text>
  );
}

export interface A4ChartProps {
  chart: A4ChartData;
  /** The drawing box in SVG units; the A4 portrait chart box (as printed) when not given. The SVG scales to its container's width. */
  box?: ChartBox;
  className?: string;
}

/**
 * A chart of an A4 document as inline SVG, from the same geometry the PDF is drawn with
 * (shared/printing/chartMath), for the preview and for any screen that shows figures. Screen
 * readers get a one-sentence summary and, under it, the numbers as a table.
 */
export function A4Chart({ chart, box, className }: A4ChartProps) {
  const g = useMemo(() => chartGeometry(chart, box ?? a4ChartBox()), [chart, box]);
  const summary = useMemo(() => chartSummary(chart), [chart]);
  return (
    <figure className={['a4-chart', className].filter(Boolean).join(' ')}>
      <svg viewBox={`0 0 ${g.width} ${g.height}`} role="img" aria-label={summary} className="a4-chart-svg">
        {g.title.text && <SvgText c={g.title} fontSize={g.title.fontSize} bold />}
        {g.legend.map((l) => (
          <g key={l.name + l.color}>
            <rect x={l.swatch.x} y={l.swatch.y} width={l.swatch.size} height={l.swatch.size} fill={l.color} />
            <SvgText c={l.label} fontSize={g.fontSize} />
          </g>
        ))}
        {g.yTicks.map((tick) => (
          <g key={tick.value}>
            <line x1={g.plot.x} x2={g.plot.x + g.plot.width} y1={tick.y} y2={tick.y} className="a4-chart-grid" />
            <SvgText c={tick.label} fontSize={g.fontSize} />
          </g>
        ))}
        {g.bars.map((b) => (
          <rect key={`${b.series}-${b.category}`} x={b.x} y={b.y} width={b.width} height={b.height} fill={b.color} />
        ))}
        {g.lines.map((l) => (
          <g key={l.series} stroke={l.color} fill={l.color}>
            {l.segments.map((s, i) => (
              <path key={i} d={polylinePath(s)} fill="none" strokeWidth={1.5} strokeLinejoin="round" />
            ))}
            {l.points.map((p) => (
              <circle key={p.category} cx={p.x} cy={p.y} r={2.2} stroke="none" />
            ))}
          </g>
        ))}
        <line x1={g.plot.x} x2={g.plot.x} y1={g.plot.y} y2={g.plot.y + g.plot.height} className="a4-chart-axis" />
        <line x1={g.plot.x} x2={g.plot.x + g.plot.width} y1={g.baseline} y2={g.baseline} className="a4-chart-axis" />
        {g.xLabels.map((l, i) => (
          <SvgText key={i} c={l} fontSize={g.fontSize} />
        ))}
      </svg>
      <table className="visually-hidden">
        <caption>{chart.title}</caption>
        <thead>
          <tr>
            <th scope="col">{t('a4.chart.category')}</th>
            {chart.series.map((s, i) => (
              <th key={i} scope="col">
                {s.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {chart.categories.map((c, ci) => (
            <tr key={ci}>
              <th scope="row">{c}</th>
              {chart.series.map((s, si) => {
                const v = seriesValue(s.values, ci);
                return <td key={si}>{v === undefined ? '' : formatChartValue(v, chart.unit)}</td>;
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

function Barcode({ data }: { data: string }) {
  const raw = useBwipRaw();
  const widths = raw ? code128Widths(raw, data) : null;
  // the PDF prints only printable ASCII as bars; anything else, like it, as text to type in
  const printable = /^[\x20-\x7e]+$/.test(data);
  return (
    <div className="a4-barcode">
      {printable && widths ? (
        <Code128Svg widths={widths} label={t('a4.barcode', { data })} className="a4-barcode-bars" />
      ) : null}
      <div className={printable && widths ? 'a4-barcode-text' : 'a4-barcode-box'}>{data}</div>
    </div>
  );
}

function Table({ block, maxRows }: { block: Extract<A4Block, { type: 'table' }>; maxRows: number }) {
  const total = block.columns.reduce((sum, c) => sum + c.width, 0);
  const rows = block.rows.length > maxRows ? block.rows.slice(0, maxRows) : block.rows;
  const cells = (row: readonly string[]) => block.columns.map((_, i) => row[i] ?? '');
  const align = (i: number): CSSProperties | undefined => {
    const a = block.columns[i]?.align;
    return a && a !== 'left' ? { textAlign: a } : undefined;
  };
  return (
    <>
      <table className="a4-table">
        <colgroup>
          {block.columns.map((c, i) => (
            <col key={i} style={{ width: `${(c.width / total) * 100}%` }} />
          ))}
        </colgroup>
        <thead>
          <tr>
            {block.columns.map((c, i) => (
              <th key={i} scope="col">
                {c.title}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, r) => (
            <tr key={r}>
              {cells(row).map((cell, i) => (
                <td key={i} style={align(i)}>
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        {block.footer && (
          <tfoot>
            <tr>
              {cells(block.footer).map((cell, i) => (
                <td key={i} style={align(i)}>
                  {cell}
                </td>
              ))}
            </tr>
          </tfoot>
        )}
      </table>
      {rows.length < block.rows.length && (
        <p className="a4-rows-hidden" role="note">
          {t('a4.preview.rowsHidden', { shown: rows.length, total: block.rows.length })}
        </p>
      )}
    </>
  );
}

function Block({ block, maxRows, orientation }: { block: A4Block; maxRows: number; orientation: 'portrait' | 'landscape' }) {
  switch (block.type) {
    case 'heading':
      return <h2 className="a4-heading">{block.text}</h2>;
    case 'paragraph':
      return (
        <p className={['a4-paragraph', block.bold ? 'bold' : '', block.italic ? 'italic' : ''].filter(Boolean).join(' ')} style={{ textAlign: block.align ?? 'left' }}>
          {block.text}
        </p>
      );
    case 'fields':
      return (
        <dl className="a4-fields">
          {block.rows.map((r, i) => (
            <div key={i}>
              <dt>{r.label}:</dt> <dd>{r.value}</dd>
            </div>
          ))}
        </dl>
      );
    case 'table':
      return <Table block={block} maxRows={maxRows} />;
    case 'signatures':
      return (
        <div className="a4-signatures" style={{ gridTemplateColumns: `repeat(${block.blocks.length}, 1fr)` }}>
          {block.blocks.map((b, i) => (
            <div key={i} className="a4-signature">
              <div className="a4-signature-title">{b.title}</div>
              {b.subtitle && <div className="a4-signature-subtitle">{b.subtitle}</div>}
              <div className="a4-signature-space" />
              {b.name && <div className="a4-signature-name">{b.name}</div>}
            </div>
          ))}
        </div>
      );
    case 'chart': {
      const { type: _type, ...chart } = block;
      return <A4Chart chart={chart} box={a4ChartBox(orientation)} />;
    }
    case 'barcode':
      return <Barcode data={block.data} />;
    case 'pageBreak':
      return <hr className="a4-page-break" aria-label={t('a4.preview.pageBreak')} />;
  }
}

/**
 * An A4 document on screen as a sheet of paper, at the printed size and margins: the same data
 * `a4ToPdf` prints, so what the clerk checks here is what comes out of the office printer. The
 * preview is one long sheet (page breaks are marked, not laid out); the footer and "Trang n/m"
 * are the PDF's.
 */
export function A4Preview({ doc, maxRows = PREVIEW_ROWS }: A4PreviewProps) {
  const orientation = doc.orientation ?? 'portrait';
  const paper = a4PaperMm(orientation);
  const style = {
    '--a4-width': `${paper.width}mm`,
    '--a4-height': `${paper.height}mm`,
    '--a4-margin-top': `${A4_MARGINS_MM.top}mm`,
    '--a4-margin-right': `${A4_MARGINS_MM.right}mm`,
    '--a4-margin-bottom': `${A4_MARGINS_MM.bottom}mm`,
    '--a4-margin-left': `${A4_MARGINS_MM.left}mm`,
  } as CSSProperties;
  const [motto, mottoUnderlined, ...mottoRest] = doc.header.right;
  return (
    <article className="a4-paper" style={style} aria-label={t('a4.preview.label', { title: doc.title })}>
      {(doc.header.left.length > 0 || doc.header.right.length > 0) && (
        <header className="a4-header">
          <div className="a4-header-left">
            {doc.header.left.map((l, i) => (
              <div key={i}>{l}</div>
            ))}
          </div>
          <div className="a4-header-right">
            {motto !== undefined && <div className="a4-motto">{motto}</div>}
            {mottoUnderlined !== undefined && <div className="a4-motto-underlined">{mottoUnderlined}</div>}
            {mottoRest.map((l, i) => (
              <div key={i}>{l}</div>
            ))}
          </div>
        </header>
      )}
      {doc.placeDate && <p className="a4-place-date">{doc.placeDate}</p>}
      {doc.title && <h1 className="a4-title">{doc.title}</h1>}
      {doc.number && <p className="a4-number">{doc.number}</p>}
      {doc.blocks.map((b, i) => (
        <Block key={i} block={b} maxRows={maxRows} orientation={orientation} />
      ))}
      {doc.footer && <footer className="a4-footer">{doc.footer}</footer>}
    </article>
  );
}
