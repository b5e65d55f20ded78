/**
 * DejaVu Sans vertical metrics in em, the font bitmaps are drawn with (receipt image mode, label
 * text), measured over every Vietnamese letter: Ẳ reaches highest, g lowest. A text box starts
 * `top` above the baseline, so stacked marks always fit; the label preview places text the same way.
 */
export const FONT_METRICS = { top: 1.13, bottom: 0.22, capHeight: 0.729 } as const;
