import { stmt } from '../../db/statements';
import type { Db } from '../../db/database';
import type { AuditEntry } from '../../../shared/api/contract';

export interface AuditRecord {
  userId: number | null;
  action: string;
  entity?: string;
  entityId?: string | number;
  detail?: unknown;
}

/** Appends one audit line; the table's triggers refuse updates and deletes. */
export function appendAudit(db: Db, at: Date, record: AuditRecord): void {
  stmt(db, 
    `INSERT INTO audit_log (at, user_id, action, entity, entity_id, detail) VALUES (?, ?, ?, ?, ?, ?)`,
  ).run(
    at.toISOString(),
    record.userId,
    record.action,
    record.entity ?? null,
    record.entityId === undefined ? null : String(record.entityId),
    record.detail === undefined ? null : JSON.stringify(record.detail),
  );
}

export function listAudit(db: Db, limit: number, beforeId?: number): AuditEntry[] {
  return stmt(db, 
      `SELECT a.id, a.at, u.username, a.action, a.entity, a.entity_id AS entityId, a.detail
         FROM audit_log a LEFT JOIN app_user u ON u.id = a.user_id
        WHERE a.id < ? ORDER BY a.id DESC LIMIT ?`,
    )
    .all(beforeId ?? Number.MAX_SAFE_INTEGER, limit) as AuditEntry[];
}
