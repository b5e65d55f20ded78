import { useEffect, useState, type FormEvent } from 'react';
import type { PrinterProfileSummary } from '../../../shared/api/contract';
import { transportConfigSchema, type Device, type DeviceKind, type TransportConfigInput } from '../../../shared/api/devices';
import { t } from '../../../shared/messages/vi';
import { useApp } from '../../app/context';
import { errorMessage } from '../../app/errors';
import { ErrorLine } from '../../ui/ErrorLine';

type TransportKind = TransportConfigInput['kind'];
type Port = { path: string; manufacturer?: string; serialNumber?: string };

const BAUDS = [1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200] as const;

interface Draft {
  name: string;
  kind: DeviceKind;
  transportKind: TransportKind;
  path: string;
  baudRate: (typeof BAUDS)[number];
  dataBits: 7 | 8;
  parity: 'none' | 'even' | 'odd';
  stopBits: 1 | 2;
  flowControl: 'none' | 'rtscts' | 'xonxoff';
  host: string;
  port: string;
  profileId: string;
  suffix: 'CR' | 'LF' | 'CRLF' | 'TAB' | 'idle';
  gapMs: string;
  enabled: boolean;
}

function fromDevice(d: Device | null, kind: DeviceKind): Draft {
  const tr = d?.transport;
  const framing = (d?.options as { framing?: { mode: string; suffix?: Draft['suffix']; gapMs?: number } } | null)?.framing;
  return {
    name: d?.name ?? '',
    kind: d?.kind ?? kind,
    transportKind: tr?.kind ?? 'serial',
    path: tr && 'path' in tr ? tr.path : '',
    baudRate: tr?.kind === 'serial' ? tr.baudRate : 9600,
    dataBits: tr?.kind === 'serial' ? tr.dataBits : 8,
    parity: tr?.kind === 'serial' ? tr.parity : 'none',
    stopBits: tr?.kind === 'serial' ? tr.stopBits : 1,
    flowControl: tr?.kind === 'serial' ? tr.flowControl : 'none',
    host: tr?.kind === 'tcp' ? tr.host : '',
    port: tr?.kind === 'tcp' ? String(tr.port) : '9100',
    profileId: d?.profileId ?? '',
    suffix: framing?.mode === 'idle' ? 'idle' : (framing?.suffix ?? 'CR'),
    gapMs: String(framing?.gapMs ?? 300),
    enabled: d?.enabled ?? true,
  };
}

function transportOf(d: Draft): TransportConfigInput | string {
  switch (d.transportKind) {
    case 'serial':
      if (!d.path) return 'Chọn cổng serial.';
      return { kind: 'serial', path: d.path, baudRate: d.baudRate, dataBits: d.dataBits, parity: d.parity, stopBits: d.stopBits, flowControl: d.flowControl };
    case 'tcp': {
      const port = Number(d.port);
      if (!/^[A-Za-z0-9.-]+$/.test(d.host)) return 'Nhập địa chỉ IP hoặc tên máy in (ví dụ 192.168.1.50).';
      if (!Number.isInteger(port) || port < 1 || port > 65535) return 'Cổng phải là số từ 1 đến 65535 (thường là 9100).';
      return { kind: 'tcp', host: d.host, port };
    }
    // The shared schema decides what a valid path is, here and on the host.
    case 'usb-file':
      return transportConfigSchema.safeParse({ kind: 'usb-file', path: d.path }).success ? { kind: 'usb-file', path: d.path } : 'Đường dẫn thiết bị dạng /dev/usb/lp0.';
    case 'windows-share':
      return transportConfigSchema.safeParse({ kind: 'windows-share', path: d.path }).success
        ? { kind: 'windows-share', path: d.path }
        : 'Máy in chia sẻ trên chính máy này, dạng \\\\localhost\\TenMayIn.';
    case 'emulated':
      return { kind: 'emulated' };
  }
}

/** Add or edit one device. The serial port list is refreshed every 3 s, so a plugged-in device appears by itself. */
export function DeviceForm({ device, kind, profiles, onSaved, onCancel }: { device: Device | null; kind: DeviceKind; profiles: PrinterProfileSummary[]; onSaved: (d: Device) => void; onCancel: () => void }) {
  const { api } = useApp();
  const [draft, setDraft] = useState<Draft>(() => fromDevice(device, kind));
  const [ports, setPorts] = useState<Port[]>([]);
  const [error, setError] = useState<string | null>(null);
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setDraft((d) => ({ ...d, [k]: v }));

  useEffect(() => {
    if (draft.transportKind !== 'serial') return;
    let alive = true;
    const load = () => api['devices.ports']({}).then((p) => alive && setPorts(p), () => {});
    void load();
    const timer = setInterval(load, 3000);
    return () => {
      alive = false;
      clearInterval(timer);
    };
  }, [api, draft.transportKind]);

  const printerProfiles = profiles.filter((p) => (draft.kind === 'label_printer' ? p.language !== 'escpos' : p.language === 'escpos'));

  async function save(e: FormEvent) {
    e.preventDefault();
    const transport = transportOf(draft);
    if (!draft.name.trim()) return setError('Đặt tên cho thiết bị (ví dụ "Máy in quầy 1").');
    if (typeof transport === 'string') return setError(transport);
    if (draft.kind !== 'scanner' && !draft.profileId) return setError('Chọn mẫu máy in (profile).');
    const gap = Number(draft.gapMs);
    if (draft.kind === 'scanner' && draft.suffix === 'idle' && (!Number.isInteger(gap) || gap < 20 || gap > 2000)) return setError('Khoảng lặng từ 20 đến 2000 ms.');
    try {
      const saved = await api['devices.save']({
        id: device?.id,
        name: draft.name.trim(),
        kind: draft.kind,
        transport,
        profileId: draft.kind === 'scanner' ? null : draft.profileId,
        textMode: device?.textMode ?? null,
        options:
          draft.kind === 'scanner'
            ? { framing: draft.suffix === 'idle' ? { mode: 'idle', gapMs: gap } : { mode: 'suffix', suffix: draft.suffix } }
            : draft.kind === 'label_printer'
              ? { widthMm: 100, heightMm: 60 }
              : null,
        enabled: draft.enabled,
      });
      onSaved(saved);
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  return (
    <form className="panel" onSubmit={save} aria-label={device ? `Sửa thiết bị ${device.name}` : 'Thêm thiết bị'}>
      <h2>{device ? `Sửa: ${device.name}` : t(`devices.add.${draft.kind}`)}</h2>
      <div className="grid2">
        <label className="field">
          <span>Tên thiết bị</span>
          <input name="device-name" value={draft.name} onChange={(e) => set('name', e.target.value)} autoFocus />
        </label>
        <label className="field">
          <span>Kết nối</span>
          <select name="transport" value={draft.transportKind} onChange={(e) => set('transportKind', e.target.value as TransportKind)}>
            <option value="serial">Cổng serial / USB-serial / Bluetooth</option>
            {draft.kind !== 'scanner' && <option value="tcp">Mạng (TCP)</option>}
            {draft.kind !== 'scanner' && <option value="usb-file">USB (Linux: /dev/usb/lp…)</option>}
            {draft.kind !== 'scanner' && <option value="windows-share">Windows: máy in chia sẻ (raw)</option>}
            <option value="emulated">Giả lập</option>
          </select>
        </label>
      </div>
      {draft.transportKind === 'serial' && (
        <div className="grid2">
          <label className="field">
            <span>Cổng</span>
            <select name="serial-path" value={draft.path} onChange={(e) => set('path', e.target.value)}>
              <option value="">— chọn cổng —</option>
              {draft.path && !ports.some((p) => p.path === draft.path) && <option value={draft.path}>{draft.path} (không thấy)</option>}
              {ports.map((p) => (
                <option key={p.path} value={p.path}>
                  {p.path}
                  {p.manufacturer ? ` — ${p.manufacturer}` : ''}
                  {p.serialNumber ? ` (${p.serialNumber})` : ''}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>Tốc độ (baud)</span>
            <select name="baud" value={draft.baudRate} onChange={(e) => set('baudRate', Number(e.target.value) as Draft['baudRate'])}>
              {BAUDS.map((b) => (
                <option key={b} value={b}>
                  {b}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>Số bit dữ liệu</span>
            <select value={draft.dataBits} onChange={(e) => set('dataBits', Number(e.target.value) as 7 | 8)}>
              <option value={8}>8</option>
              <option value={7}>7</option>
            </select>
          </label>
          <label className="field">
            <span>Parity</span>
            <select value={draft.parity} onChange={(e) => set('parity', e.target.value as Draft['parity'])}>
              <option value="none">none</option>
              <option value="even">even</option>
              <option value="odd">odd</option>
            </select>
          </label>
          <label className="field">
            <span>Stop bits</span>
            <select value={draft.stopBits} onChange={(e) => set('stopBits', Number(e.target.value) as 1 | 2)}>
              <option value={1}>1</option>
              <option value={2}>2</option>
            </select>
          </label>
          <label className="field">
            <span>Điều khiển luồng</span>
            <select value={draft.flowControl} onChange={(e) => set('flowControl', e.target.value as Draft['flowControl'])}>
              <option value="none">Không</option>
              <option value="rtscts">RTS/CTS</option>
              <option value="xonxoff">XON/XOFF</option>
            </select>
          </label>
        </div>
      )}
      {draft.transportKind === 'tcp' && (
        <div className="grid2">
          <label className="field">
            <span>Địa chỉ máy in</span>
            <input name="host" value={draft.host} onChange={(e) => set('host', e.target.value.trim())} placeholder="192.168.1.50" />
          </label>
          <label className="field">
            <span>Cổng</span>
            <input name="port" value={draft.port} onChange={(e) => set('port', e.target.value.trim())} />
          </label>
        </div>
      )}
      {(draft.transportKind === 'usb-file' || draft.transportKind === 'windows-share') && (
        <label className="field">
          <span>{draft.transportKind === 'usb-file' ? 'Tệp thiết bị' : 'Máy in chia sẻ'}</span>
          <input name="device-path" value={draft.path} onChange={(e) => set('path', e.target.value.trim())} placeholder={draft.transportKind === 'usb-file' ? '/dev/usb/lp0' : '\\\\localhost\\XP80'} />
        </label>
      )}
      {draft.kind !== 'scanner' ? (
        <label className="field">
          <span>Mẫu máy in</span>
          <select name="profile" value={draft.profileId} onChange={(e) => set('profileId', e.target.value)}>
            <option value="">— chọn —</option>
            {printerProfiles.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name} — {p.models}
              </option>
            ))}
          </select>
        </label>
      ) : (
        <div className="grid2">
          <label className="field">
            <span>Kết thúc một lần quét</span>
            <select name="framing" value={draft.suffix} onChange={(e) => set('suffix', e.target.value as Draft['suffix'])}>
              <option value="CR">Ký tự CR (Enter)</option>
              <option value="LF">Ký tự LF</option>
              <option value="CRLF">CR + LF</option>
              <option value="TAB">Tab</option>
              <option value="idle">Khoảng lặng</option>
            </select>
          </label>
          {draft.suffix === 'idle' && (
            <label className="field">
              <span>Khoảng lặng (ms)</span>
              <input value={draft.gapMs} onChange={(e) => set('gapMs', e.target.value)} />
            </label>
          )}
          <p className="muted small">{t('scanner.preferSerial')}</p>
        </div>
      )}
      <label>
        <input type="checkbox" checked={draft.enabled} onChange={(e) => set('enabled', e.target.checked)} /> Đang dùng
      </label>
      <ErrorLine error={error} />
      <div className="row">
        <button type="submit" className="primary">
          {t('common.save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
