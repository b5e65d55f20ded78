import type { Db } from '../../db/database';
import { transportConfigSchema, type Device, type DeviceKind, type TransportConfigInput } from '../../../shared/api/devices';

interface DeviceRow {
  id: number;
  name: string;
  kind: DeviceKind;
  transport: string;
  profile_id: string | null;
  text_mode: Device['textMode'];
  options: string | null;
  is_default: number;
  enabled: number;
  builtin: number;
}

/** A device as stored; its live state is kept by the device manager, not in the table. */
export type DeviceRecord = Omit<Device, 'state' | 'lastError'>;

function toRecord(r: DeviceRow): DeviceRecord {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind,
    transport: transportConfigSchema.parse(JSON.parse(r.transport)),
    profileId: r.profile_id,
    textMode: r.text_mode,
    options: r.options ? (JSON.parse(r.options) as Record<string, unknown>) : null,
    isDefault: r.is_default === 1,
    enabled: r.enabled === 1,
    builtin: r.builtin === 1,
  };
}

export function listDevices(db: Db): DeviceRecord[] {
  return (db.prepare('SELECT * FROM device ORDER BY kind, builtin DESC, name').all() as DeviceRow[]).map(toRecord);
}

export function getDevice(db: Db, id: number): DeviceRecord | null {
  const r = db.prepare('SELECT * FROM device WHERE id = ?').get(id) as DeviceRow | undefined;
  return r ? toRecord(r) : null;
}

export function findDeviceByName(db: Db, name: string): DeviceRecord | null {
  const r = db.prepare('SELECT * FROM device WHERE name = ?').get(name) as DeviceRow | undefined;
  return r ? toRecord(r) : null;
}

export function defaultDevice(db: Db, kind: DeviceKind): DeviceRecord | null {
  const r = db.prepare('SELECT * FROM device WHERE kind = ? AND is_default = 1 AND enabled = 1').get(kind) as DeviceRow | undefined;
  return r ? toRecord(r) : null;
}

export interface DeviceInput {
  name: string;
  kind: DeviceKind;
  transport: TransportConfigInput;
  profileId: string | null;
  textMode: Device['textMode'];
  options: Record<string, unknown> | null;
  enabled: boolean;
}

export function insertDevice(db: Db, d: DeviceInput, at: string): number {
  return Number(
    db
      .prepare(
        `INSERT INTO device (name, kind, transport, profile_id, text_mode, options, enabled, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(d.name, d.kind, JSON.stringify(d.transport), d.profileId, d.textMode, d.options ? JSON.stringify(d.options) : null, d.enabled ? 1 : 0, at, at)
      .lastInsertRowid,
  );
}

export function updateDevice(db: Db, id: number, d: Omit<DeviceInput, 'kind'>, at: string): void {
  db.prepare(
    `UPDATE device SET name = ?, transport = ?, profile_id = ?, text_mode = ?, options = ?, enabled = ?, updated_at = ? WHERE id = ?`,
  ).run(d.name, JSON.stringify(d.transport), d.profileId, d.textMode, d.options ? JSON.stringify(d.options) : null, d.enabled ? 1 : 0, at, id);
}

export function setTextMode(db: Db, id: number, textMode: Device['textMode'], at: string): void {
  db.prepare('UPDATE device SET text_mode = ?, updated_at = ? WHERE id = ?').run(textMode, at, id);
}

/** One default per kind: the partial unique index enforces it, this moves it. */
export function setDefault(db: Db, id: number, kind: DeviceKind, at: string): void {
  db.transaction(() => {
    db.prepare('UPDATE device SET is_default = 0, updated_at = ? WHERE kind = ? AND is_default = 1').run(at, kind);
    db.prepare('UPDATE device SET is_default = 1, updated_at = ? WHERE id = ?').run(at, id);
  })();
}
