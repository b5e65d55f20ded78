/**
 * Test-only text extraction from an uncompressed pdfkit PDF (`compress: false`). pdfkit writes text
 * as glyph ids of a subset font, so the strings are recovered through each font's ToUnicode CMap,
 * which is what a PDF reader does too: a word found here is a word a reader finds in the file.
 * Handles exactly what pdfkit writes (Type0 fonts, one bfrange array per 256 glyphs, TJ arrays of
 * 4-digit hex strings), not PDF in general.
 */

function objects(pdf: string): Map<number, string> {
  const map = new Map<number, string>();
  const re = /(\d+) 0 obj\b([\s\S]*?)\bendobj/g;
  for (let m = re.exec(pdf); m; m = re.exec(pdf)) map.set(Number(m[1]), m[2]!);
  return map;
}

function ref(body: string, key: string): number | undefined {
  const m = new RegExp(`/${key}\\s+(\\d+) 0 R`).exec(body);
  return m ? Number(m[1]) : undefined;
}

function streamOf(body: string): string {
  const m = /stream\r?\n([\s\S]*?)\r?\nendstream/.exec(body);
  return m ? m[1]! : '';
}

function hexToString(hex: string): string {
  const units: number[] = [];
  for (let i = 0; i + 4 <= hex.length; i += 4) units.push(parseInt(hex.slice(i, i + 4), 16));
  return String.fromCharCode(...units);
}

/** Glyph code → text, from a pdfkit ToUnicode CMap (`<start> <end> [<u> <u> …]`). */
function cmap(stream: string): Map<number, string> {
  const map = new Map<number, string>();
  const re = /<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*\[([^\]]*)\]/g;
  for (let m = re.exec(stream); m; m = re.exec(stream)) {
    const start = parseInt(m[1]!, 16);
    const entries = [...m[3]!.matchAll(/<([0-9a-fA-F ]*)>/g)].map((e) => hexToString(e[1]!.replace(/ /g, '')));
    entries.forEach((text, i) => map.set(start + i, text));
  }
  return map;
}

/** The text runs of every page, in page order: one string per BT … ET (one drawn line). */
export function pdfTextRuns(buffer: Buffer): string[][] {
  const pdf = buffer.toString('latin1');
  const objs = objects(pdf);
  const catalog = [...objs.values()].find((b) => /\/Type\s*\/Catalog/.test(b));
  const pagesRoot = objs.get(ref(catalog ?? '', 'Pages') ?? -1) ?? '';
  const kids = [...(/\/Kids\s*\[([^\]]*)\]/.exec(pagesRoot)?.[1] ?? '').matchAll(/(\d+) 0 R/g)].map((m) => Number(m[1]));
  const fontMaps = new Map<number, Map<number, string>>();
  const fontMap = (n: number): Map<number, string> => {
    let m = fontMaps.get(n);
    if (!m) {
      m = cmap(streamOf(objs.get(ref(objs.get(n) ?? '', 'ToUnicode') ?? -1) ?? ''));
      fontMaps.set(n, m);
    }
    return m;
  };
  return kids.map((kid) => {
    const page = objs.get(kid) ?? '';
    const resRef = ref(page, 'Resources');
    const resources = resRef !== undefined ? (objs.get(resRef) ?? '') : page;
    const fontDict = /\/Font\s*<<([\s\S]*?)>>/.exec(resources)?.[1] ?? '';
    const fonts = new Map([...fontDict.matchAll(/\/(\w+)\s+(\d+) 0 R/g)].map((m) => [m[1]!, Number(m[2])]));
    // buffered pages append to the same content stream; decode (latin1) bytes are ASCII here
    const content = streamOf(objs.get(ref(page, 'Contents') ?? -1) ?? '');
    const runs: string[] = [];
    let current: string | undefined;
    let glyphs = new Map<number, string>();
    const re = /\bBT\b|\bET\b|\/(\w+)\s+[\d.]+\s+Tf|\[([^\]]*)\]\s*TJ/g;
    for (let m = re.exec(content); m; m = re.exec(content)) {
      if (m[0] === 'BT') current = '';
      else if (m[0] === 'ET') {
        if (current !== undefined) runs.push(current.normalize('NFC'));
        current = undefined;
      } else if (m[1]) glyphs = fontMap(fonts.get(m[1]) ?? -1);
      else if (m[2] !== undefined && current !== undefined) {
        for (const hex of m[2].matchAll(/<([0-9a-fA-F]*)>/g)) {
          for (let i = 0; i + 4 <= hex[1]!.length; i += 4) current += glyphs.get(parseInt(hex[1]!.slice(i, i + 4), 16)) ?? '\uFFFD';
        }
      }
    }
    return runs;
  });
}
