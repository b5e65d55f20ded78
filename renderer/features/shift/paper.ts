import { useEffect, useState } from 'react';
import { useApp } from '../../app/context';

export interface ReceiptPaper {
  columns: number;
  dotsPerLine: number;
}

const DEFAULT_PAPER: ReceiptPaper = { columns: 48, dotsPerLine: 576 };

/** The width of the default receipt printer's paper, for previews (80 mm, 48 columns, when unknown). */
export function useReceiptPaper(): ReceiptPaper | null {
  const { api } = useApp();
  const [paper, setPaper] = useState<ReceiptPaper | null>(null);
  useEffect(() => {
    let live = true;
    Promise.all([api['devices.list']({}), api['devices.profiles']({})]).then(
      ([devices, profiles]) => {
        const printer = devices.find((d) => d.kind === 'receipt_printer' && d.isDefault);
        const profile = profiles.find((p) => p.id === printer?.profileId);
        if (live) setPaper(profile ? { columns: profile.columns, dotsPerLine: profile.columns * 12 } : DEFAULT_PAPER);
      },
      () => live && setPaper(DEFAULT_PAPER),
    );
    return () => {
      live = false;
    };
  }, [api]);
  return paper;
}
