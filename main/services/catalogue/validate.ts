import type { z } from 'zod';
import { t } from '../../../shared/messages/vi';
import type { ImportProblem } from '../../../shared/api/contract';
import { catalogueFileSchema, procedureSchema, type Procedure } from '../../../shared/catalogue/schema';
import { zodIssueVi } from '../../../shared/api/zodMessages';

export interface ParsedCatalogue {
  procedures: Procedure[];
  problems: ImportProblem[];
  warnings: ImportProblem[];
  title?: string;
  note?: string;
}

type Locate = (index: number, path: PropertyKey[]) => Pick<ImportProblem, 'sheet' | 'row' | 'column'>;

/** Checks each procedure with the shared schema, reporting issues where `locate` says they came from. */
export function validateProcedures(procedures: Procedure[], locate: Locate): { procedures: Procedure[]; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const valid: Procedure[] = [];
  procedures.forEach((p, i) => {
    const r = procedureSchema.safeParse(p);
    if (r.success) valid.push(r.data);
    else for (const issue of r.error.issues) problems.push({ ...locate(i, issue.path), message: zodIssueVi(issue) });
  });
  return { procedures: valid, problems };
}

/** The JSON interchange file (what export writes). */
export function parseCatalogueJson(buffer: Buffer): ParsedCatalogue {
  let data: unknown;
  try {
    data = JSON.parse(buffer.toString('utf8').replace(/^\uFEFF/, ''));
  } catch (err) {
    return { procedures: [], problems: [{ message: t('import.badFile', { detail: (err as Error).message }) }], warnings: [] };
  }
  const parsed = catalogueFileSchema.safeParse(data);
  if (!parsed.success)
    return {
      procedures: [],
      problems: parsed.error.issues.map((issue: z.core.$ZodIssue) => ({
        message: t('import.json', { path: formatPath(issue.path), message: zodIssueVi(issue) }),
      })),
      warnings: [],
    };
  const problems: ImportProblem[] = [];
  const first = new Map<string, number>();
  parsed.data.procedures.forEach((p, i) => {
    const seen = first.get(p.code);
    if (seen !== undefined)
      problems.push({
        message: t('import.json', {
          path: `procedures[${i}].code`,
          message: t('import.duplicateCode', { code: p.code, firstRow: `procedures[${seen}]` }),
        }),
      });
    else first.set(p.code, i);
  });
  if (parsed.data.procedures.length === 0) problems.push({ message: t('import.empty') });
  return { procedures: parsed.data.procedures, problems, warnings: [], title: parsed.data.title, note: parsed.data.note };
}

function formatPath(path: PropertyKey[]): string {
  return path.reduce<string>((s, k) => (typeof k === 'number' ? `${s}[${k}]` : s ? `${s}.${String(k)}` : String(k)), '');
}
