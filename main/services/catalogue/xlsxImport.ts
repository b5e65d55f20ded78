import ExcelJS from 'exceljs';
import { headerKey } from '../../../shared/text/fold';
import { t } from '../../../shared/messages/vi';
import type { ImportProblem } from '../../../shared/api/contract';
import {
  inferForm,
  parseCount,
  parseDays,
  parseFee,
  parseForm,
  parseKind,
  parseYesNo,
} from '../../../shared/catalogue/cells';
import { procedureCodeSchema, type Procedure, type RequiredDocument } from '../../../shared/catalogue/schema';
import {
  DOCUMENT_COLUMNS,
  DOCUMENT_SHEET,
  PROCEDURE_COLUMNS,
  PROCEDURE_SHEET,
  columnKeys,
  type ColumnSpec,
} from './columns';
import { validateProcedures, type ParsedCatalogue } from './validate';

type CellValue = string | number | boolean | null;

/** The plain value of an exceljs cell: rich text, formulas, hyperlinks and dates flattened. */
function cellValue(cell: ExcelJS.Cell): CellValue {
  const v = cell.value as unknown;
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v.trim() === '' ? null : v.trim();
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    const o = v as { richText?: { text: string }[]; result?: unknown; text?: unknown; error?: string };
    if (o.richText) return o.richText.map((r) => r.text).join('').trim() || null;
    if ('result' in o) return o.result === undefined ? null : (o.result as CellValue);
    if (typeof o.text === 'string') return o.text.trim() || null;
    if (o.error) return o.error;
  }
  return String(v);
}

const text = (v: CellValue): string => (v === null ? '' : String(v).trim());
/** Cell parsers take text or numbers; a TRUE/FALSE cell is read as its text. */
const scalar = (v: CellValue): string | number | null => (typeof v === 'boolean' ? String(v) : v);

interface SheetLayout<K extends string> {
  sheet: ExcelJS.Worksheet;
  headerRow: number;
  /** Column number per key; missing keys were reported. */
  columns: Partial<Record<K, number>>;
  headers: Partial<Record<K, string>>;
}

function findSheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet | undefined {
  const key = headerKey(name);
  return workbook.worksheets.find((ws) => headerKey(ws.name) === key);
}

/** Finds the header row (within the first 10 rows, provinces often put a title above it). */
function layout<K extends string>(
  sheet: ExcelJS.Worksheet,
  specs: readonly ColumnSpec<K>[],
  problems: ImportProblem[],
  warnings: ImportProblem[],
): SheetLayout<K> {
  const firstKeys = columnKeys(specs[0]);
  let headerRow = 1;
  for (let r = 1; r <= Math.min(10, sheet.rowCount); r++) {
    const row = sheet.getRow(r);
    let found = false;
    row.eachCell((cell) => {
      if (firstKeys.includes(headerKey(text(cellValue(cell))))) found = true;
    });
    if (found) {
      headerRow = r;
      break;
    }
  }
  const columns: Partial<Record<K, number>> = {};
  const headers: Partial<Record<K, string>> = {};
  sheet.getRow(headerRow).eachCell((cell, col) => {
    const raw = text(cellValue(cell));
    if (!raw) return;
    const key = headerKey(raw);
    const spec = specs.find((s) => columnKeys(s).includes(key));
    if (spec && columns[spec.key] === undefined) {
      columns[spec.key] = col;
      headers[spec.key] = raw;
    } else if (!spec) {
      warnings.push({ sheet: sheet.name, row: headerRow, column: raw, message: t('import.extraColumn', { column: raw }) });
    }
  });
  for (const spec of specs) {
    if (spec.required && columns[spec.key] === undefined)
      problems.push({
        sheet: sheet.name,
        row: headerRow,
        column: spec.header,
        message: t('import.missingColumn', { column: spec.header }),
      });
  }
  return { sheet, headerRow, columns, headers };
}

function isEmptyRow(row: ExcelJS.Row): boolean {
  let empty = true;
  row.eachCell((cell) => {
    if (cellValue(cell) !== null) empty = false;
  });
  return empty;
}

/** Parses the province's two-sheet workbook. Never throws on bad content: every problem is reported. */
export async function parseCatalogueXlsx(buffer: Buffer): Promise<ParsedCatalogue> {
  const problems: ImportProblem[] = [];
  const warnings: ImportProblem[] = [];
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch (err) {
    return { procedures: [], problems: [{ message: t('import.badFile', { detail: (err as Error).message }) }], warnings };
  }
  const procedureSheet = findSheet(workbook, PROCEDURE_SHEET);
  const documentSheet = findSheet(workbook, DOCUMENT_SHEET);
  if (!procedureSheet) problems.push({ sheet: PROCEDURE_SHEET, message: t('import.missingSheet', { sheet: PROCEDURE_SHEET }) });
  if (!documentSheet) problems.push({ sheet: DOCUMENT_SHEET, message: t('import.missingSheet', { sheet: DOCUMENT_SHEET }) });
  if (!procedureSheet) return { procedures: [], problems, warnings };

  const P = layout(procedureSheet, PROCEDURE_COLUMNS, problems, warnings);
  const procedures: Procedure[] = [];
  /** Where each procedure came from, to report validation issues at their cell. */
  const origin: { sheet: string; row: number; columnOf: (field: string) => string | undefined }[] = [];
  const firstRowOfCode = new Map<string, number>();

  for (let r = P.headerRow + 1; r <= procedureSheet.rowCount; r++) {
    const row = procedureSheet.getRow(r);
    if (isEmptyRow(row)) continue;
    const at = (key: keyof typeof P.columns): CellValue => {
      const col = P.columns[key];
      return col === undefined ? null : cellValue(row.getCell(col));
    };
    const problem = (key: (typeof PROCEDURE_COLUMNS)[number]['key'], message: string) =>
      problems.push({
        sheet: procedureSheet.name,
        row: r,
        column: P.headers[key] ?? PROCEDURE_COLUMNS.find((c) => c.key === key)?.header,
        message,
      });
    const required = (key: (typeof PROCEDURE_COLUMNS)[number]['key']): string => {
      const v = text(at(key));
      if (!v && P.columns[key] !== undefined) problem(key, t('import.requiredCell'));
      return v;
    };
    const code = required('code');
    let rowOk = true;
    if (code) {
      if (!procedureCodeSchema.safeParse(code).success) {
        problem('code', t('import.badCode', { value: code }));
        rowOk = false;
      } else if (firstRowOfCode.has(code)) {
        problem('code', t('import.duplicateCode', { code, firstRow: firstRowOfCode.get(code) as number }));
        rowOk = false;
      } else firstRowOfCode.set(code, r);
    } else rowOk = false;
    const name = required('name');
    const field = required('field');
    const level = required('level');
    const agency = required('agency');
    const yesNo = (key: 'receive' | 'return'): boolean => {
      const v = at(key);
      const b = parseYesNo(v);
      if (b === undefined) {
        problem(key, t('import.badBool', { value: text(v) }));
        rowOk = false;
      }
      return b ?? false;
    };
    const bcciReceive = yesNo('receive');
    const bcciReturn = yesNo('return');
    const daysCell = at('days');
    const processingDays = P.columns.days === undefined ? 0 : parseDays(scalar(daysCell));
    if (processingDays === undefined) {
      problem('days', t('import.badDays', { value: text(daysCell) }));
      rowOk = false;
    }
    const fee = (key: 'phi' | 'lePhi') => {
      const v = at(key);
      const parsed = parseFee(scalar(v));
      if (!parsed) {
        problem(key, t('import.badMoney', { value: text(v) }));
        rowOk = false;
      }
      return parsed ?? { kind: 'fixed' as const, amount: 0 };
    };
    const phi = fee('phi');
    const lePhi = fee('lePhi');
    if (!rowOk || !name || !field || !level || !agency) continue;
    const p: Procedure = {
      code,
      name,
      field,
      level,
      agency,
      bcciReceive,
      bcciReturn,
      processingDays: processingDays ?? 0,
      phi,
      lePhi,
      documents: [],
    };
    const processingNote = text(at('processingNote'));
    if (processingNote) p.processingNote = processingNote;
    const feeNote = text(at('feeNote'));
    if (feeNote) p.feeNote = feeNote;
    const sourceName = text(at('sourceName'));
    const sourceDate = text(at('sourceDate'));
    if (sourceName && sourceDate) {
      p.source = { name: sourceName, date: sourceDate };
      const url = text(at('sourceUrl'));
      if (url) p.source.url = url;
      const sourceNote = text(at('sourceNote'));
      if (sourceNote) p.source.note = sourceNote;
    }
    procedures.push(p);
    origin.push({
      sheet: procedureSheet.name,
      row: r,
      columnOf: (f) => {
        const key = ({ name: 'name', field: 'field', level: 'level', agency: 'agency', processingDays: 'days', phi: 'phi', lePhi: 'lePhi', source: 'sourceDate' } as Record<string, keyof typeof P.headers>)[f];
        return key ? P.headers[key] : undefined;
      },
    });
  }

  const byCode = new Map(procedures.map((p) => [p.code, p]));
  const docOrigin = new Map<RequiredDocument, number>();
  if (documentSheet) {
    const D = layout(documentSheet, DOCUMENT_COLUMNS, problems, warnings);
    const seqOf = new Map<RequiredDocument, number>();
    for (let r = D.headerRow + 1; r <= documentSheet.rowCount; r++) {
      const row = documentSheet.getRow(r);
      if (isEmptyRow(row)) continue;
      const at = (key: keyof typeof D.columns): CellValue => {
        const col = D.columns[key];
        return col === undefined ? null : cellValue(row.getCell(col));
      };
      const problem = (key: (typeof DOCUMENT_COLUMNS)[number]['key'], message: string) =>
        problems.push({
          sheet: documentSheet.name,
          row: r,
          column: D.headers[key] ?? DOCUMENT_COLUMNS.find((c) => c.key === key)?.header,
          message,
        });
      let rowOk = true;
      const code = text(at('code'));
      let owner: Procedure | undefined;
      if (!code) {
        problem('code', t('import.requiredCell'));
        rowOk = false;
      } else {
        owner = byCode.get(code);
        // A procedure row that was itself invalid is already reported; only a truly unknown code is reported here.
        if (!owner && !firstRowOfCode.has(code)) {
          problem('code', t('import.unknownProcedure', { code, sheet: procedureSheet.name }));
          rowOk = false;
        }
      }
      const name = text(at('name'));
      if (!name) {
        problem('name', t('import.requiredCell'));
        rowOk = false;
      }
      const count = (key: 'originals' | 'copies'): number => {
        const v = at(key);
        const n = parseCount(v === null ? null : typeof v === 'boolean' ? Number(v) : v);
        if (n === undefined) {
          problem(key, t('import.badCount', { value: text(v) }));
          rowOk = false;
        }
        return n ?? 0;
      };
      const originals = count('originals');
      const copies = count('copies');
      if (rowOk && originals + copies === 0) {
        problem('originals', t('import.noCopies'));
        rowOk = false;
      }
      const kindText = text(at('kind'));
      const kind = parseKind(kindText);
      if (!kind) {
        problem('kind', t('import.badKind', { value: kindText }));
        rowOk = false;
      }
      const extra = text(at('conditionOrGroup'));
      if (kind === 'conditional' && !extra) {
        problem('conditionOrGroup', t('import.needCondition'));
        rowOk = false;
      }
      if (kind === 'alternative' && !extra) {
        problem('conditionOrGroup', t('import.needGroup'));
        rowOk = false;
      }
      const formText = text(at('form'));
      const form = formText ? parseForm(formText) : inferForm(name, originals, copies);
      if (!form) {
        problem('form', `"${formText}" — Bản chính, Bản sao chứng thực, Bản sao, Bản sao kèm bản chính`);
        rowOk = false;
      }
      const seqValue = at('seq');
      const seq = typeof seqValue === 'number' ? seqValue : Number(text(seqValue)) || r;
      if (!rowOk || !owner || !kind || !form) continue;
      const doc: RequiredDocument = { name, form, originals, copies, kind };
      if (kind === 'conditional') doc.condition = extra;
      if (kind === 'alternative') doc.group = extra;
      const template = text(at('template'));
      if (template) doc.templateCode = template;
      const note = text(at('note'));
      if (note) doc.note = note;
      owner.documents.push(doc);
      seqOf.set(doc, seq);
      docOrigin.set(doc, r);
    }
    for (const p of procedures) p.documents.sort((a, b) => (seqOf.get(a) ?? 0) - (seqOf.get(b) ?? 0));
  }

  // Whatever the cell parsers let through is checked once more by the shared schema.
  const validated = validateProcedures(procedures, (index, path) => {
    const o = origin[index];
    if (path[0] === 'documents' && typeof path[1] === 'number') {
      const doc = procedures[index].documents[path[1]];
      return { sheet: documentSheet?.name ?? DOCUMENT_SHEET, row: docOrigin.get(doc), column: String(path[2] ?? '') };
    }
    return { sheet: o.sheet, row: o.row, column: o.columnOf(String(path[0])) ?? String(path[0] ?? '') };
  });
  problems.push(...validated.problems);
  if (procedures.length === 0 && problems.length === 0)
    problems.push({ sheet: procedureSheet.name, message: t('import.empty') });
  return { procedures: validated.procedures, problems, warnings };
}
