import type { Db } from '../../db/database';
import { settingsSchema, type Settings } from '../../../shared/api/contract';
import { appendAudit } from '../audit/auditRepository';
import type { CallContext, Clock } from '../context';

const DEFAULTS: Settings = { idleLockMinutes: 10, wedge: { maxInterKeyMs: 40, minLength: 4, idleEndMs: 150 } };

export class SettingsService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  /** Kept in memory: every API call reads the idle-lock time. Only update() changes it. */
  private cached: Settings | null = null;

  get(): Settings {
    if (this.cached) return this.cached;
    const rows = this.db.prepare('SELECT key, value FROM setting').all() as { key: string; value: string }[];
    const stored: Record<string, unknown> = {};
    for (const r of rows) stored[r.key] = JSON.parse(r.value);
    const parsed = settingsSchema.safeParse({ ...DEFAULTS, ...stored });
    this.cached = parsed.success ? parsed.data : DEFAULTS;
    return this.cached;
  }

  update(ctx: CallContext, patch: Partial<Settings>): Settings {
    const upsert = this.db.prepare(
      'INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    );
    this.db.transaction(() => {
      for (const [key, value] of Object.entries(patch)) upsert.run(key, JSON.stringify(value));
      appendAudit(this.db, this.clock(), { userId: ctx.session?.userId ?? null, action: 'settings.update', detail: patch });
    })();
    this.cached = null;
    return this.get();
  }
}
