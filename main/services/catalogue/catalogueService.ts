import fs from 'node:fs';
import type { Db } from '../../db/database';
import { ApiError } from '../../../shared/api/errors';
import { t } from '../../../shared/messages/vi';
import { catalogueFileSchema, type CatalogueFile, type Procedure } from '../../../shared/catalogue/schema';
import type {
  CatalogueVersion,
  FilePayload,
  ImportResult,
  ProcedureDetail,
  ProcedureSummary,
  SearchFilters,
} from '../../../shared/api/contract';
import { appendAudit } from '../audit/auditRepository';
import type { CallContext, Clock } from '../context';
import {
  currentVersionId,
  insertVersion,
  listVersions,
  readAllProcedures,
  readProcedure,
  readSummaries,
} from './catalogueRepository';
import { SearchIndex } from './searchIndex';
import { parseCatalogueJson, type ParsedCatalogue } from './validate';
import { parseCatalogueXlsx } from './xlsxImport';
import { catalogueTemplateXlsx, catalogueToXlsx, publishedListXlsx } from './xlsxExport';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The procedure catalogue: versioned storage, forgiving search, import of the
 * province's published list and export. The search index is rebuilt whenever
 * a new version becomes current.
 */
export class CatalogueService {
  private index: { versionId: number; index: SearchIndex } | null = null;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly sampleFile: string,
    private readonly onChange: (versionId: number) => void = () => {},
  ) {}

  /** First run: a new data folder starts with the shipped sample catalogue. */
  ensureSample(): void {
    if (currentVersionId(this.db) !== null) return;
    const file: CatalogueFile = catalogueFileSchema.parse(JSON.parse(fs.readFileSync(this.sampleFile, 'utf8')));
    this.db.transaction(() => {
      if (currentVersionId(this.db) !== null) return;
      const versionId = insertVersion(this.db, {
        procedures: file.procedures,
        mode: 'sample',
        sourceName: t('catalogue.sample'),
        title: file.title,
        note: file.note,
        importedBy: null,
        at: this.clock(),
      });
      appendAudit(this.db, this.clock(), {
        userId: null,
        action: 'catalogue.loadSample',
        entity: 'catalogue_version',
        entityId: versionId,
        detail: { count: file.procedures.length },
      });
    }).immediate();
  }

  currentVersion(): number | null {
    return currentVersionId(this.db);
  }

  private searchIndex(): { versionId: number | null; index: SearchIndex } {
    const versionId = currentVersionId(this.db);
    if (versionId === null) return { versionId, index: new SearchIndex([]) };
    if (this.index?.versionId !== versionId) this.index = { versionId, index: new SearchIndex(readSummaries(this.db, versionId)) };
    return this.index;
  }

  search(query: string, filters: SearchFilters = {}, limit = 50): { total: number; items: ProcedureSummary[]; versionId: number | null } {
    const { versionId, index } = this.searchIndex();
    return { ...index.search(query, filters, limit), versionId };
  }

  get(code: string, versionId?: number): ProcedureDetail {
    const v = versionId ?? currentVersionId(this.db);
    const p = v === null ? null : readProcedure(this.db, v, code);
    if (!p || v === null) throw ApiError.of('NOT_FOUND', { what: `thủ tục ${code}` });
    return { ...p, versionId: v };
  }

  /** A procedure with its row id in that version: what a dossier records and points at. */
  getRow(code: string, versionId?: number): ProcedureDetail & { rowId: number } {
    const p = this.get(code, versionId);
    const row = this.db.prepare('SELECT id FROM procedure WHERE version_id = ? AND code = ?').get(p.versionId, p.code) as { id: number };
    return { ...p, rowId: row.id };
  }

  facets(): { levels: string[]; fields: string[]; agencies: string[] } {
    const v = currentVersionId(this.db);
    const names = (table: string, column: string) =>
      (
        this.db
          .prepare(`SELECT DISTINCT t.name FROM ${table} t JOIN procedure p ON p.${column} = t.id WHERE p.version_id = ? ORDER BY t.name`)
          .all(v) as { name: string }[]
      ).map((r) => r.name);
    return {
      levels: names('catalogue_level', 'level_id'),
      fields: names('catalogue_field', 'field_id'),
      agencies: names('catalogue_agency', 'agency_id'),
    };
  }

  versions(): CatalogueVersion[] {
    return listVersions(this.db);
  }

  all(): Procedure[] {
    const v = currentVersionId(this.db);
    return v === null ? [] : readAllProcedures(this.db, v);
  }

  /** Parses without writing: the CLI and the UI both show the report before anything changes. */
  async parse(fileName: string, content: Buffer): Promise<ParsedCatalogue> {
    const lower = fileName.toLowerCase();
    const isZip = content.subarray(0, 2).toString('latin1') === 'PK';
    if (lower.endsWith('.xlsx') || (isZip && !lower.endsWith('.json'))) return parseCatalogueXlsx(content);
    if (lower.endsWith('.json') || content.toString('utf8', 0, 64).trimStart().replace(/^\uFEFF/, '').startsWith('{'))
      return parseCatalogueJson(content);
    return { procedures: [], problems: [{ message: t('import.unknownFormat') }], warnings: [] };
  }

  /** All or nothing: a file with any problem changes nothing and returns every problem found. */
  async import(ctx: CallContext, fileName: string, content: Buffer, mode: 'replace' | 'merge'): Promise<ImportResult> {
    const parsed = await this.parse(fileName, content);
    if (parsed.problems.length > 0) return { status: 'rejected', problems: parsed.problems, warnings: parsed.warnings };
    const versionId = this.db.transaction(() => {
      let procedures = parsed.procedures;
      const previous = currentVersionId(this.db);
      if (mode === 'merge' && previous !== null) {
        const incoming = new Set(procedures.map((p) => p.code));
        procedures = [...readAllProcedures(this.db, previous).filter((p) => !incoming.has(p.code)), ...procedures];
      }
      const id = insertVersion(this.db, {
        procedures,
        mode,
        sourceName: fileName,
        title: parsed.title,
        note: parsed.note,
        importedBy: ctx.session?.userId ?? null,
        at: this.clock(),
      });
      appendAudit(this.db, this.clock(), {
        userId: ctx.session?.userId ?? null,
        action: 'catalogue.import',
        entity: 'catalogue_version',
        entityId: id,
        detail: { fileName, mode, imported: parsed.procedures.length, total: procedures.length, previous, actor: ctx.actor },
      });
      return id;
    }).immediate();
    this.onChange(versionId);
    const count = (this.db.prepare('SELECT procedure_count AS n FROM catalogue_version WHERE id = ?').get(versionId) as { n: number }).n;
    return { status: 'imported', version: versionId, count, warnings: parsed.warnings };
  }

  async export(format: 'json' | 'xlsx'): Promise<FilePayload> {
    const v = currentVersionId(this.db);
    const procedures = this.all();
    const stamp = this.clock().toISOString().slice(0, 10);
    if (format === 'json') {
      const file: CatalogueFile = {
        format: 'bcci-counter-catalogue',
        formatVersion: 1,
        title: `Danh mục thủ tục hành chính — phiên bản ${v ?? 0}`,
        procedures,
      };
      return {
        fileName: `danh-muc-tthc-v${v ?? 0}-${stamp}.json`,
        mimeType: 'application/json',
        contentBase64: Buffer.from(JSON.stringify(file, null, 2), 'utf8').toString('base64'),
      };
    }
    return {
      fileName: `danh-muc-tthc-v${v ?? 0}-${stamp}.xlsx`,
      mimeType: XLSX_MIME,
      contentBase64: (await catalogueToXlsx(procedures)).toString('base64'),
    };
  }

  async template(): Promise<FilePayload> {
    const example: Procedure = {
      code: '1.001193',
      name: 'Thủ tục đăng ký khai sinh',
      field: 'Hộ tịch',
      level: 'Cấp Xã',
      agency: 'Ủy ban nhân dân cấp xã',
      bcciReceive: true,
      bcciReturn: true,
      processingDays: 0,
      processingNote: 'Ngay trong ngày tiếp nhận hồ sơ',
      phi: { kind: 'fixed', amount: 0 },
      lePhi: { kind: 'tiers', tiers: [{ label: 'Đăng ký đúng hạn', amount: 0 }, { label: 'Đăng ký quá hạn', amount: 8000 }] },
      documents: [
        { name: 'Tờ khai đăng ký khai sinh theo mẫu', form: 'original', originals: 1, copies: 0, kind: 'mandatory', templateCode: 'Mẫu TK khai sinh' },
        { name: 'Giấy chứng sinh', form: 'original', originals: 1, copies: 0, kind: 'alternative', group: 'Giấy tờ chứng minh việc sinh' },
        { name: 'Văn bản của người làm chứng xác nhận về việc sinh', form: 'original', originals: 1, copies: 0, kind: 'alternative', group: 'Giấy tờ chứng minh việc sinh' },
        { name: 'Văn bản ủy quyền có chứng thực', form: 'certified_copy', originals: 0, copies: 1, kind: 'conditional', condition: 'Người nộp là người được ủy quyền?' },
      ],
    };
    return { fileName: 'mau-danh-muc-tthc.xlsx', mimeType: XLSX_MIME, contentBase64: (await catalogueTemplateXlsx(example)).toString('base64') };
  }

  async publishedList(pointLine: string): Promise<FilePayload> {
    const buffer = await publishedListXlsx(this.all(), {
      title: t('catalogue.publishedList'),
      accepted: t('catalogue.acceptedTitle'),
      notAccepted: t('catalogue.notAcceptedTitle'),
      pointLine,
    });
    return { fileName: `danh-muc-cong-bo-bcci-${this.clock().toISOString().slice(0, 10)}.xlsx`, mimeType: XLSX_MIME, contentBase64: buffer.toString('base64') };
  }
}
