import type { Db } from '../../db/database';
import { ApiError } from '../../../shared/api/errors';
import type { FilePayload } from '../../../shared/api/contract';
import type { DayCloseConfig, Incident, PeriodReport } from '../../../shared/api/dayClose';
import { periodReportA4 } from '../../../shared/dayClose/documents';
import type { A4Document } from '../../../shared/printing/a4';
import { vietnamDay } from '../../../shared/time/vietnam';
import { appendAudit } from '../audit/auditRepository';
import type { CallContext, Clock, Session } from '../context';
import { checkDayRange } from '../dayClose/dayRange';
import { buildPeriodReport } from './reportBuilders';
import { filePayload, periodReportXlsx, reportPdf } from './reportFiles';
import { INCIDENT_COLUMNS } from './reportRepository';

/** Reports upward cover at most this many years (the aggregates make even that fast). */
const MAX_PERIOD_DAYS = 5 * 366;

/**
 * Reports upward for a period (dossiers and results by level, field and agency, the share of
 * procedures accepted via BCCI against the province's targets, quality, guidance, the monthly
 * trend) and the incidents that feed the quality figures.
 */
export class ReportService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly fontsDir: string,
    private readonly targets: () => DayCloseConfig['bcciTargets'],
  ) {}

  period(from: string, to: string): PeriodReport {
    checkDayRange(from, to, MAX_PERIOD_DAYS);
    return buildPeriodReport(this.db, from, to, this.targets(), this.clock());
  }

  periodDocument(from: string, to: string): A4Document {
    return periodReportA4(this.period(from, to));
  }

  async periodFile(from: string, to: string, format: 'pdf' | 'xlsx', o: { compress?: boolean } = {}): Promise<FilePayload> {
    const report = this.period(from, to);
    const name = `bao-cao-ky-${from}_${to}.${format}`;
    return filePayload(name, format === 'pdf' ? await reportPdf(periodReportA4(report), this.fontsDir, o.compress) : await periodReportXlsx(report));
  }

  /** A dossier or result lost or damaged: recorded once per request key, never changed. */
  recordIncident(ctx: CallContext, session: Session, input: { dossierId: number; kind: 'lost' | 'damaged'; note: string; idempotencyKey: string }): Incident {
    const existing = this.db.prepare(`SELECT ${INCIDENT_COLUMNS} WHERE i.idempotency_key = ?`).get(input.idempotencyKey) as Incident | undefined;
    if (existing) return existing;
    const dossier = this.db.prepare('SELECT code FROM dossier WHERE id = ?').get(input.dossierId) as { code: string } | undefined;
    if (!dossier) throw ApiError.of('NOT_FOUND', { what: `hồ sơ #${input.dossierId}` });
    const at = this.clock();
    const id = this.db
      .transaction(() => {
        const newId = Number(
          this.db
            .prepare('INSERT INTO incident (dossier_id, kind, note, at, day, user_id, idempotency_key) VALUES (?, ?, ?, ?, ?, ?, ?)')
            .run(input.dossierId, input.kind, input.note, at.toISOString(), vietnamDay(at), session.userId, input.idempotencyKey).lastInsertRowid,
        );
        appendAudit(this.db, at, { userId: session.userId, action: 'incident.record', entity: 'dossier', entityId: dossier.code, detail: { kind: input.kind, note: input.note, actor: ctx.actor } });
        return newId;
      })
      .immediate();
    return this.db.prepare(`SELECT ${INCIDENT_COLUMNS} WHERE i.id = ?`).get(id) as Incident;
  }

  incidents(from: string, to: string, limit: number): Incident[] {
    checkDayRange(from, to, MAX_PERIOD_DAYS);
    return this.db.prepare(`SELECT ${INCIDENT_COLUMNS} WHERE i.day BETWEEN ? AND ? ORDER BY i.id DESC LIMIT ?`).all(from, to, limit) as Incident[];
  }
}
