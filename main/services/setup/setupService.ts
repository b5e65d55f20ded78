import type { Db } from '../../db/database';
import { ApiError } from '../../../shared/api/errors';
import type { Point } from '../../../shared/api/contract';
import { appendAudit } from '../audit/auditRepository';
import { hashPassword } from '../auth/password';
import { countUsers, insertUser } from '../auth/userRepository';
import type { Clock } from '../context';

interface PointRow extends Point {
  created_at: string;
}

/** First run: the transaction point this installation serves and its first manager. */
export class SetupService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  point(): Point | null {
    const row = this.db
      .prepare('SELECT code, name, province, commune, kind, created_at FROM transaction_point WHERE id = 1')
      .get() as PointRow | undefined;
    if (!row) return null;
    const { created_at: _c, ...point } = row;
    return point;
  }

  needsSetup(): boolean {
    return this.point() === null || countUsers(this.db) === 0;
  }

  async complete(input: { point: Point; manager: { fullName: string; username: string; password: string } }): Promise<void> {
    if (!this.needsSetup()) throw ApiError.of('SETUP_DONE');
    const passwordHash = await hashPassword(input.manager.password);
    const at = this.clock();
    this.db.transaction(() => {
      // Checked again inside the write transaction: two first-run screens cannot both win.
      if (!this.needsSetup()) throw ApiError.of('SETUP_DONE');
      const p = input.point;
      this.db
        .prepare(
          `INSERT INTO transaction_point (id, code, name, province, commune, kind, created_at) VALUES (1, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (id) DO UPDATE SET code = excluded.code, name = excluded.name, province = excluded.province,
             commune = excluded.commune, kind = excluded.kind`,
        )
        .run(p.code, p.name, p.province, p.commune, p.kind, at.toISOString());
      const userId = insertUser(this.db, {
        username: input.manager.username.toLowerCase(),
        fullName: input.manager.fullName,
        role: 'manager',
        passwordHash,
        createdAt: at.toISOString(),
      });
      appendAudit(this.db, at, { userId, action: 'setup.complete', entity: 'transaction_point', entityId: p.code, detail: p });
    }).immediate();
  }
}
