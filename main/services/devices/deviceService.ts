import fs from 'node:fs';
import type { Db } from '../../db/database';
import { ApiError } from '../../../shared/api/errors';
import type { EmulatedOutput, PrinterProfileSummary, ScanEvent } from '../../../shared/api/contract';
import type { Device, DeviceState, PrintJob } from '../../../shared/api/devices';
import { t } from '../../../shared/messages/vi';
import { classifyScan, scanMessage, type ScanResult } from '../../../shared/scan/classify';
import { EscposDriver } from '../../devices/drivers/escposDriver';
import type { PrinterDriver } from '../../devices/drivers/driver';
import { LabelDriver } from '../../devices/drivers/labelDriver';
import { escposStatusProtocol } from '../../devices/drivers/statusProtocol';
import { EscposEmulator } from '../../devices/emulators/escposEmulator';
import { LabelEmulator } from '../../devices/emulators/labelEmulator';
import { renderLabelPng } from '../../devices/emulators/labelPicture';
import { renderPaperPng } from '../../devices/emulators/paperPicture';
import { getProfile, listProfiles } from '../../devices/printing/profiles';
import { SerialScanner } from '../../devices/scanner/serialScanner';
import { createTransport } from '../../devices/transports/createTransport';
import type { EmulatedDevice } from '../../devices/transports/emulatedTransport';
import { listSerialPorts } from '../../devices/transports/serialTransport';
import type { PrinterProfile, TransportConfig } from '../../devices/types';
import { appendAudit } from '../audit/auditRepository';
import type { CallContext, Clock } from '../context';
import type { EventBus } from '../eventBus';
import type { PrintQueue } from '../printing/printQueue';
import { renderJob } from '../printing/renderJob';
import {
  defaultDevice,
  findDeviceByName,
  getDevice,
  insertDevice,
  listDevices,
  setDefault,
  setTextMode,
  updateDevice,
  type DeviceInput,
  type DeviceRecord,
} from './deviceRepository';

interface Live {
  state: DeviceState;
  lastError: string | null;
}

interface EmulatedPrinter {
  emulator: EscposEmulator | LabelEmulator;
  outputs: EmulatedOutput[];
}

const MAX_EMULATED_OUTPUTS = 50;
const PORT_POLL_MS = 2000;

/**
 * The counter's devices: configuration, live state, drivers for the print
 * queue, the emulated twins and the serial scanners. Ports are re-listed every
 * 2 s: a device that disappears is shown disconnected at once, and one that
 * comes back has its queue resumed.
 */
export class DeviceService {
  private readonly live = new Map<number, Live>();
  private readonly drivers = new Map<number, PrinterDriver>();
  private readonly emulated = new Map<number, EmulatedPrinter>();
  private readonly scanners = new Map<number, SerialScanner>();
  private queue: PrintQueue | null = null;
  private pollTimer: ReturnType<typeof setInterval> | null = null;
  private readonly present = new Map<number, boolean>();

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly bus: EventBus,
  ) {}

  attachQueue(queue: PrintQueue): void {
    this.queue = queue;
  }

  /** Starts scanners and hot-plug polling; called once by the composition root. */
  start(): void {
    for (const d of listDevices(this.db)) if (d.kind === 'scanner' && d.enabled) this.startScanner(d);
    this.pollTimer = setInterval(() => void this.pollPorts(), PORT_POLL_MS);
    this.pollTimer.unref?.();
  }

  async stop(): Promise<void> {
    if (this.pollTimer) clearInterval(this.pollTimer);
    this.pollTimer = null;
    for (const s of this.scanners.values()) await s.stop();
    this.scanners.clear();
    for (const d of this.drivers.values()) await d.close().catch(() => {});
    this.drivers.clear();
  }

  private liveOf(id: number): Live {
    return this.live.get(id) ?? { state: 'idle', lastError: null };
  }

  setState(id: number, state: DeviceState, lastError: string | null): void {
    const before = this.liveOf(id);
    if (before.state === state && before.lastError === lastError) return;
    this.live.set(id, { state, lastError });
    this.bus.emit('devices.state', { deviceId: id, state, lastError });
  }

  private withLive(d: DeviceRecord): Device {
    return { ...d, ...this.liveOf(d.id) };
  }

  list(): Device[] {
    return listDevices(this.db).map((d) => this.withLive(d));
  }

  get(id: number): Device {
    const d = getDevice(this.db, id);
    if (!d) throw ApiError.of('NOT_FOUND', { what: `thiết bị #${id}` });
    return this.withLive(d);
  }

  byName(name: string): Device {
    const d = findDeviceByName(this.db, name);
    if (!d) throw ApiError.of('NOT_FOUND', { what: `thiết bị "${name}"` });
    return this.withLive(d);
  }

  defaultFor(kind: Device['kind']): Device {
    const d = defaultDevice(this.db, kind);
    if (!d) throw ApiError.of('NOT_FOUND', { what: t(`devices.kind.${kind}`) });
    return this.withLive(d);
  }

  profiles(): PrinterProfileSummary[] {
    return listProfiles().map((p) => ({
      id: p.id,
      name: p.name,
      models: p.models,
      language: p.language,
      paperWidthMm: p.paperWidthMm,
      columns: p.columns,
      textModes: [...p.vietnamese.modes],
      cutter: p.cutter,
      status: p.status,
      note: p.note,
    }));
  }

  ports() {
    return listSerialPorts();
  }

  save(ctx: CallContext, input: DeviceInput & { id?: number }): Device {
    if (input.kind !== 'scanner') {
      const profile = input.profileId ? getProfile(input.profileId) : undefined;
      if (!profile) throw new ApiError('CONFLICT', `Mẫu máy in "${input.profileId ?? ''}" không có trong danh sách.`);
      if ((input.kind === 'label_printer') !== (profile.language !== 'escpos'))
        throw new ApiError('CONFLICT', `Mẫu "${profile.name}" không dùng cho ${t(`devices.kind.${input.kind}`).toLowerCase()}.`);
      if (input.textMode && !profile.vietnamese.modes.includes(input.textMode))
        throw new ApiError('CONFLICT', `Mẫu "${profile.name}" không hỗ trợ kiểu in ${input.textMode}.`);
    }
    const clash = findDeviceByName(this.db, input.name);
    if (clash && clash.id !== input.id) throw new ApiError('CONFLICT', `Đã có thiết bị tên "${input.name}".`);
    const at = this.clock().toISOString();
    const id = this.db.transaction(() => {
      let deviceId: number;
      if (input.id) {
        const existing = getDevice(this.db, input.id);
        if (!existing) throw ApiError.of('NOT_FOUND', { what: `thiết bị #${input.id}` });
        if (existing.builtin) throw new ApiError('CONFLICT', 'Thiết bị giả lập có sẵn không sửa được; hãy thêm thiết bị mới.');
        if (existing.kind !== input.kind) throw new ApiError('CONFLICT', 'Không đổi được loại thiết bị; hãy thêm thiết bị mới.');
        updateDevice(this.db, input.id, input, at);
        deviceId = input.id;
      } else deviceId = insertDevice(this.db, input, at);
      appendAudit(this.db, this.clock(), {
        userId: ctx.session?.userId ?? null,
        action: input.id ? 'device.update' : 'device.create',
        entity: 'device',
        entityId: deviceId,
        detail: { name: input.name, kind: input.kind, transport: input.transport, profileId: input.profileId, actor: ctx.actor },
      });
      return deviceId;
    })();
    void this.reset(id);
    return this.get(id);
  }

  setDefault(ctx: CallContext, id: number): Device {
    const d = this.get(id);
    if (!d.enabled) throw new ApiError('CONFLICT', 'Thiết bị đang tắt, không đặt làm mặc định được.');
    this.db.transaction(() => {
      setDefault(this.db, id, d.kind, this.clock().toISOString());
      appendAudit(this.db, this.clock(), { userId: ctx.session?.userId ?? null, action: 'device.setDefault', entity: 'device', entityId: id });
    })();
    return this.get(id);
  }

  chooseTextMode(ctx: CallContext, id: number, mode: NonNullable<Device['textMode']>): Device {
    const d = this.get(id);
    const profile = this.profileOf(d);
    if (!profile.vietnamese.modes.includes(mode)) throw new ApiError('CONFLICT', `Mẫu "${profile.name}" không hỗ trợ kiểu in ${mode}.`);
    this.db.transaction(() => {
      setTextMode(this.db, id, mode, this.clock().toISOString());
      appendAudit(this.db, this.clock(), { userId: ctx.session?.userId ?? null, action: 'device.textMode', entity: 'device', entityId: id, detail: { mode } });
    })();
    return this.get(id);
  }

  profileOf(d: Pick<Device, 'profileId' | 'name'>): PrinterProfile {
    const profile = d.profileId ? getProfile(d.profileId) : undefined;
    if (!profile) throw new ApiError('CONFLICT', `Thiết bị "${d.name}" chưa có mẫu máy in.`);
    return profile;
  }

  /** Drops a device's driver and scanner after its configuration changed; the next job reconnects. */
  private async reset(id: number): Promise<void> {
    const driver = this.drivers.get(id);
    this.drivers.delete(id);
    this.emulated.delete(id);
    await driver?.close().catch(() => {});
    const scanner = this.scanners.get(id);
    this.scanners.delete(id);
    await scanner?.stop();
    const d = getDevice(this.db, id);
    this.setState(id, 'idle', null);
    if (d?.kind === 'scanner' && d.enabled) this.startScanner(d);
    else if (d) this.queue?.kick(id);
  }

  private emulatedPrinter(d: DeviceRecord): EmulatedPrinter {
    let e = this.emulated.get(d.id);
    if (e) return e;
    const profile = this.profileOf(d);
    const outputs: EmulatedOutput[] = [];
    let index = 0;
    if (profile.language === 'escpos') {
      const emulator = EscposEmulator.forProfile(profile);
      emulator.onReceipt((receipt) => {
        outputs.unshift({
          index: ++index,
          at: this.clock().toISOString(),
          kind: 'receipt',
          text: receipt.text(),
          pngBase64: renderPaperPng(receipt, profile.dotsPerLine).toString('base64'),
        });
        outputs.length = Math.min(outputs.length, MAX_EMULATED_OUTPUTS);
      });
      e = { emulator, outputs };
    } else {
      const emulator = new LabelEmulator({ language: profile.language });
      emulator.onLabel((label) => {
        outputs.unshift({
          index: ++index,
          at: this.clock().toISOString(),
          kind: 'label',
          text: [...label.texts.map((x) => x.text), ...label.barcodes.map((b) => b.data), ...label.qrCodes.map((q) => q.data)].join('\n'),
          pngBase64: renderLabelPng(label).toString('base64'),
        });
        outputs.length = Math.min(outputs.length, MAX_EMULATED_OUTPUTS);
      });
      e = { emulator, outputs };
    }
    this.emulated.set(d.id, e);
    return e;
  }

  /** The in-process emulator of an emulated device (tests use it to switch paper out on and off). */
  emulatorOf(id: number): EscposEmulator | LabelEmulator {
    const d = getDevice(this.db, id);
    if (!d || d.transport.kind !== 'emulated') throw ApiError.of('NOT_FOUND', { what: `thiết bị giả lập #${id}` });
    return this.emulatedPrinter(d).emulator;
  }

  emulatorPaper(id: number, limit: number): EmulatedOutput[] {
    const d = getDevice(this.db, id);
    if (!d || d.transport.kind !== 'emulated' || d.kind === 'scanner') throw ApiError.of('NOT_FOUND', { what: `máy in giả lập #${id}` });
    return this.emulatedPrinter(d).outputs.slice(0, limit);
  }

  driverFor(id: number): PrinterDriver {
    let driver = this.drivers.get(id);
    if (driver) return driver;
    const d = getDevice(this.db, id);
    if (!d || d.kind === 'scanner') throw ApiError.of('NOT_FOUND', { what: `máy in #${id}` });
    const profile = this.profileOf(d);
    const transport = createTransport(d.transport as TransportConfig, () => this.emulatedPrinter(d).emulator as EmulatedDevice);
    const baud = d.transport.kind === 'serial' ? d.transport.baudRate : 0;
    driver =
      profile.language === 'escpos'
        ? new EscposDriver(transport, profile, escposStatusProtocol, {
            // At 9600 baud a 2 KB receipt takes ~2 s on the wire before the printer can answer.
            drainAllowanceMs: (bytes) => (baud ? Math.ceil((bytes * 10 * 1000) / baud) + 500 : 500),
          })
        : new LabelDriver(transport);
    this.drivers.set(id, driver);
    transport.onClose(() => {
      if (this.drivers.get(id) === driver) this.setState(id, 'disconnected', t('device.failure.disconnected'));
    });
    return driver;
  }

  async render(job: PrintJob, document: unknown): Promise<Uint8Array> {
    const d = this.get(job.deviceId);
    return renderJob(job, document, d, this.profileOf(d));
  }

  selfTest(ctx: CallContext, id: number): PrintJob {
    const d = this.get(id);
    if (d.kind === 'scanner') throw new ApiError('CONFLICT', t('job.wrongKind', { name: d.name }));
    if (!this.queue) throw new Error('print queue not attached');
    return this.queue.enqueue({
      idempotencyKey: `self-test:${id}:${this.clock().getTime()}`,
      deviceId: id,
      kind: 'self_test',
      title: `Trang thử — ${d.name}`,
      document: { selfTest: true },
      createdBy: ctx.session?.userId ?? null,
    });
  }

  /** A scan from any scanner, or typed into the emulated one: classified and sent to every screen. */
  scan(raw: string, deviceId: number | null): ScanEvent {
    const result: ScanResult = classifyScan(raw);
    const event: ScanEvent = {
      deviceId,
      raw,
      kind: result.kind,
      value: 'value' in result ? result.value : 'code' in result ? { code: result.code } : undefined,
      message: scanMessage(result),
      at: this.clock().toISOString(),
    };
    this.bus.emit('scanner.scan', event);
    return event;
  }

  private startScanner(d: DeviceRecord): void {
    if (d.transport.kind !== 'serial') {
      this.setState(d.id, d.transport.kind === 'emulated' ? 'connected' : 'idle', null);
      return;
    }
    const framing = (d.options as { framing?: ConstructorParameters<typeof SerialScanner>[0]['framing'] } | null)?.framing;
    const scanner = new SerialScanner({
      path: d.transport.path,
      baudRate: d.transport.baudRate,
      dataBits: d.transport.dataBits,
      parity: d.transport.parity,
      stopBits: d.transport.stopBits,
      framing,
    });
    scanner.on('scan', (e) => this.scan(e.raw, d.id));
    scanner.on('state', (s) =>
      this.setState(
        d.id,
        s.state === 'connected' ? 'connected' : s.state === 'connecting' ? 'connecting' : s.state === 'error' ? 'error' : s.state === 'stopped' ? 'idle' : 'disconnected',
        s.state === 'connected' || s.state === 'connecting' ? null : s.message,
      ),
    );
    this.scanners.set(d.id, scanner);
    void scanner.start();
  }

  /** Hot-plug: serial printers whose port vanished are shown disconnected; when it returns their queue resumes. */
  private async pollPorts(): Promise<void> {
    const serial = listDevices(this.db).filter((d) => d.kind !== 'scanner' && d.enabled && d.transport.kind === 'serial');
    if (serial.length === 0) return;
    const listed = new Set((await listSerialPorts()).map((p) => p.path));
    for (const d of serial) {
      const path = (d.transport as { path: string }).path;
      // Device files (/dev/ttyUSB0, /dev/serial/by-id/…) vanish when unplugged, even where the list misses them.
      const present = listed.has(path) || (process.platform !== 'win32' && fs.existsSync(path));
      const before = this.present.get(d.id);
      this.present.set(d.id, present);
      if (!present && this.liveOf(d.id).state !== 'disconnected') {
        const driver = this.drivers.get(d.id);
        this.drivers.delete(d.id);
        await driver?.close().catch(() => {});
        this.setState(d.id, 'disconnected', t('device.failure.not_found'));
      } else if (present && before === false) {
        this.setState(d.id, 'connecting', null);
        this.queue?.kick(d.id);
      }
    }
  }
}
