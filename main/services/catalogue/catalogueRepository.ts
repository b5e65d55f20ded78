import type { Db } from '../../db/database';
import { feeSchema, type Procedure, type RequiredDocument } from '../../../shared/catalogue/schema';
import type { CatalogueVersion, ProcedureSummary } from '../../../shared/api/contract';

export type VersionMode = CatalogueVersion['mode'];

export interface NewVersion {
  procedures: Procedure[];
  mode: VersionMode;
  sourceName: string;
  title?: string;
  note?: string;
  importedBy: number | null;
  at: Date;
}

export function currentVersionId(db: Db): number | null {
  return (db.prepare('SELECT max(id) AS id FROM catalogue_version').get() as { id: number | null }).id;
}

function lookupId(db: Db, table: 'catalogue_level' | 'catalogue_field' | 'catalogue_agency', name: string): number {
  const row = db.prepare(`SELECT id FROM ${table} WHERE name = ?`).get(name) as { id: number } | undefined;
  if (row) return row.id;
  return Number(db.prepare(`INSERT INTO ${table} (name) VALUES (?)`).run(name).lastInsertRowid);
}

/** Writes a complete catalogue version. Call inside the caller's transaction. */
export function insertVersion(db: Db, v: NewVersion): number {
  const versionId = Number(
    db
      .prepare(
        `INSERT INTO catalogue_version (imported_at, imported_by, source_name, mode, title, note, procedure_count)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(v.at.toISOString(), v.importedBy, v.sourceName, v.mode, v.title ?? null, v.note ?? null, v.procedures.length)
      .lastInsertRowid,
  );
  const insertProcedure = db.prepare(
    `INSERT INTO procedure (version_id, code, name, field_id, level_id, agency_id, bcci_receive, bcci_return,
       processing_days, processing_note, phi, le_phi, fee_note, source_name, source_url, source_date, source_note)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertDocument = db.prepare(
    `INSERT INTO required_document (procedure_id, seq, name, form, originals, copies, kind, condition_question,
       group_name, template_code, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const ids = new Map<string, number>();
  const cachedId = (table: Parameters<typeof lookupId>[1], name: string) => {
    const key = `${table}\u0000${name}`;
    let id = ids.get(key);
    if (id === undefined) ids.set(key, (id = lookupId(db, table, name)));
    return id;
  };
  for (const p of v.procedures) {
    const procedureId = Number(
      insertProcedure.run(
        versionId,
        p.code,
        p.name,
        cachedId('catalogue_field', p.field),
        cachedId('catalogue_level', p.level),
        cachedId('catalogue_agency', p.agency),
        p.bcciReceive ? 1 : 0,
        p.bcciReturn ? 1 : 0,
        p.processingDays,
        p.processingNote ?? null,
        JSON.stringify(p.phi),
        JSON.stringify(p.lePhi),
        p.feeNote ?? null,
        p.source?.name ?? null,
        p.source?.url ?? null,
        p.source?.date ?? null,
        p.source?.note ?? null,
      ).lastInsertRowid,
    );
    p.documents.forEach((d, i) =>
      insertDocument.run(
        procedureId,
        i + 1,
        d.name,
        d.form,
        d.originals,
        d.copies,
        d.kind,
        d.condition ?? null,
        d.group ?? null,
        d.templateCode ?? null,
        d.note ?? null,
      ),
    );
  }
  return versionId;
}

interface ProcedureRow {
  id: number;
  code: string;
  name: string;
  field: string;
  level: string;
  agency: string;
  bcci_receive: number;
  bcci_return: number;
  processing_days: number;
  processing_note: string | null;
  phi: string;
  le_phi: string;
  fee_note: string | null;
  source_name: string | null;
  source_url: string | null;
  source_date: string | null;
  source_note: string | null;
}

interface DocumentRow {
  procedure_id: number;
  name: string;
  form: RequiredDocument['form'];
  originals: number;
  copies: number;
  kind: RequiredDocument['kind'];
  condition_question: string | null;
  group_name: string | null;
  template_code: string | null;
  note: string | null;
}

const PROCEDURE_SELECT = `
  SELECT p.id, p.code, p.name, f.name AS field, l.name AS level, a.name AS agency, p.bcci_receive, p.bcci_return,
         p.processing_days, p.processing_note, p.phi, p.le_phi, p.fee_note,
         p.source_name, p.source_url, p.source_date, p.source_note
    FROM procedure p
    JOIN catalogue_field f ON f.id = p.field_id
    JOIN catalogue_level l ON l.id = p.level_id
    JOIN catalogue_agency a ON a.id = p.agency_id`;

const opt = <T>(v: T | null): T | undefined => (v === null ? undefined : v);

function toDocument(r: DocumentRow): RequiredDocument {
  const d: RequiredDocument = { name: r.name, form: r.form, originals: r.originals, copies: r.copies, kind: r.kind };
  if (r.condition_question !== null) d.condition = r.condition_question;
  if (r.group_name !== null) d.group = r.group_name;
  if (r.template_code !== null) d.templateCode = r.template_code;
  if (r.note !== null) d.note = r.note;
  return d;
}

function toProcedure(r: ProcedureRow, documents: RequiredDocument[]): Procedure {
  const p: Procedure = {
    code: r.code,
    name: r.name,
    field: r.field,
    level: r.level,
    agency: r.agency,
    bcciReceive: r.bcci_receive === 1,
    bcciReturn: r.bcci_return === 1,
    processingDays: r.processing_days,
    processingNote: opt(r.processing_note),
    phi: feeSchema.parse(JSON.parse(r.phi)),
    lePhi: feeSchema.parse(JSON.parse(r.le_phi)),
    feeNote: opt(r.fee_note),
    documents,
  };
  if (r.source_name && r.source_date)
    p.source = { name: r.source_name, url: opt(r.source_url), date: r.source_date, note: opt(r.source_note) };
  for (const k of Object.keys(p) as (keyof Procedure)[]) if (p[k] === undefined) delete p[k];
  return p;
}

export function readProcedure(db: Db, versionId: number, code: string): Procedure | null {
  const row = db.prepare(`${PROCEDURE_SELECT} WHERE p.version_id = ? AND p.code = ?`).get(versionId, code) as
    | ProcedureRow
    | undefined;
  if (!row) return null;
  const docs = db
    .prepare('SELECT * FROM required_document WHERE procedure_id = ? ORDER BY seq')
    .all(row.id) as DocumentRow[];
  return toProcedure(row, docs.map(toDocument));
}

/** Every procedure of a version with its documents, ordered by code (export, merge). */
export function readAllProcedures(db: Db, versionId: number): Procedure[] {
  const rows = db.prepare(`${PROCEDURE_SELECT} WHERE p.version_id = ? ORDER BY p.code`).all(versionId) as ProcedureRow[];
  const docs = db
    .prepare(
      `SELECT d.* FROM required_document d JOIN procedure p ON p.id = d.procedure_id
        WHERE p.version_id = ? ORDER BY d.procedure_id, d.seq`,
    )
    .all(versionId) as DocumentRow[];
  const byProcedure = new Map<number, RequiredDocument[]>();
  for (const d of docs) {
    let list = byProcedure.get(d.procedure_id);
    if (!list) byProcedure.set(d.procedure_id, (list = []));
    list.push(toDocument(d));
  }
  return rows.map((r) => toProcedure(r, byProcedure.get(r.id) ?? []));
}

/** The columns the search index needs, without documents. */
export function readSummaries(db: Db, versionId: number): ProcedureSummary[] {
  return (
    db
      .prepare(
        `SELECT p.code, p.name, f.name AS field, l.name AS level, a.name AS agency,
                p.bcci_receive AS bcciReceive, p.bcci_return AS bcciReturn, p.processing_days AS processingDays
           FROM procedure p
           JOIN catalogue_field f ON f.id = p.field_id
           JOIN catalogue_level l ON l.id = p.level_id
           JOIN catalogue_agency a ON a.id = p.agency_id
          WHERE p.version_id = ? ORDER BY p.code`,
      )
      .all(versionId) as (Omit<ProcedureSummary, 'bcciReceive' | 'bcciReturn'> & { bcciReceive: number; bcciReturn: number })[]
  ).map((r) => ({ ...r, bcciReceive: r.bcciReceive === 1, bcciReturn: r.bcciReturn === 1 }));
}

export function listVersions(db: Db): CatalogueVersion[] {
  const current = currentVersionId(db);
  return (
    db
      .prepare(
        `SELECT v.id, v.imported_at AS importedAt, u.username AS importedBy, v.source_name AS sourceName, v.mode,
                v.procedure_count AS procedureCount
           FROM catalogue_version v LEFT JOIN app_user u ON u.id = v.imported_by ORDER BY v.id DESC`,
      )
      .all() as Omit<CatalogueVersion, 'current'>[]
  ).map((v) => ({ ...v, current: v.id === current }));
}
