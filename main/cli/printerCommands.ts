import { Command } from 'commander';
import { TEXT_MODES, type PrintJob } from '../../shared/api/devices';
import { t } from '../../shared/messages/vi';
import type { App } from '../app/compose';
import { EscposDriver } from '../devices/drivers/escposDriver';
import { LabelDriver } from '../devices/drivers/labelDriver';
import { escposStatusProtocol } from '../devices/drivers/statusProtocol';
import type { TextMode } from '../devices/printing/modes';
import { getProfile, listProfiles } from '../devices/printing/profiles';
import { renderSelfTest } from '../devices/printing/selfTest';
import { DeviceError } from '../devices/transports/deviceError';
import { FileTransport } from '../devices/transports/fileTransport';
import { SerialTransport } from '../devices/transports/serialTransport';
import { TcpTransport } from '../devices/transports/tcpTransport';
import type { ByteTransport, PrinterProfile } from '../devices/types';
import { newContext } from '../services/context';

type Fail = (message: string, code?: number) => never;
type WithApp = <T>(fn: (app: App) => Promise<T> | T) => Promise<T>;

const FINAL: PrintJob['state'][] = ['printed', 'sent_unconfirmed', 'failed', 'held', 'cancelled'];

/**
 * An ad-hoc interface: tcp://host[:port], serial:/dev/ttyUSB0?baud=9600 (or a
 * bare /dev/tty… / COM3 path), file:///dev/usb/lp0, or \\host\share.
 */
export function parseInterface(url: string, fail: Fail): ByteTransport {
  const tcp = url.match(/^tcp:\/\/([A-Za-z0-9.-]+)(?::(\d{1,5}))?\/?$/);
  if (tcp) return new TcpTransport(tcp[1], tcp[2] ? Number(tcp[2]) : 9100);
  if (url.startsWith('file://')) return new FileTransport(url.slice('file://'.length));
  if (/^\\\\[^\\]+\\[^\\]+$/.test(url)) return new FileTransport(url);
  const serial = url.match(/^(?:serial:)?((?:\/dev\/|COM)[^?]+)(?:\?baud=(\d+))?$/i);
  if (serial) {
    const baudRate = serial[2] ? Number(serial[2]) : 9600;
    return new SerialTransport({ kind: 'serial', path: serial[1], baudRate, dataBits: 8, parity: 'none', stopBits: 1, flowControl: 'none' });
  }
  return fail(`Giao diện "${url}" không hiểu được. Dùng tcp://192.168.1.50:9100, /dev/ttyUSB0?baud=9600, COM3, file:///dev/usb/lp0 hoặc \\\\may\\chia-se.`, 2);
}

export function addPrinterCommands(program: Command, withApp: WithApp, fail: Fail, out: (s: string) => void): void {
  const printer = program.command('printer').description('máy in hóa đơn và máy in nhãn').exitOverride();

  printer
    .command('profiles')
    .description('các mẫu máy in có sẵn và khả năng của từng mẫu')
    .option('--json', 'in JSON')
    .action((o: { json?: boolean }) => {
      const profiles = listProfiles();
      if (o.json) return out(JSON.stringify(profiles, null, 2));
      for (const p of profiles)
        out(
          `${p.id.padEnd(16)} ${p.name} — ${p.models}\n${' '.repeat(17)}${p.language.toUpperCase()}, ${p.paperWidthMm} mm, ${p.columns} cột, ` +
            `tiếng Việt: ${p.vietnamese.modes.join(' > ')}, dao cắt: ${p.cutter}, trạng thái: ${p.status === 'dle-eot' ? 'DLE EOT' : 'không'}`,
        );
    });

  printer
    .command('list')
    .description('các thiết bị đã cấu hình')
    .option('--json', 'in JSON')
    .action(async (o: { json?: boolean }) => {
      await withApp((app) => {
        const devices = app.services.devices.list();
        if (o.json) return out(JSON.stringify(devices, null, 2));
        for (const d of devices) {
          const tr = d.transport;
          const where = tr.kind === 'tcp' ? `tcp://${tr.host}:${tr.port}` : tr.kind === 'emulated' ? 'giả lập' : tr.path;
          out(`${String(d.id).padStart(3)}  ${d.name.padEnd(28)} ${t(`devices.kind.${d.kind}`).padEnd(16)} ${where}${d.isDefault ? '  [mặc định]' : ''}${d.enabled ? '' : '  [tắt]'}`);
        }
      });
    });

  printer
    .command('test')
    .description('in trang thử tiếng Việt trên máy in đã cấu hình (theo tên) hoặc trên một giao diện bất kỳ')
    .argument('[name]', 'tên thiết bị đã cấu hình')
    .option('--interface <url>', 'tcp://host:9100, /dev/ttyUSB0?baud=9600, COM3, file:///dev/usb/lp0, \\\\máy\\chia-sẻ')
    .option('--profile <id>', 'mẫu máy in (xem: printer profiles)')
    .option('--mode <mode>', `chỉ in một kiểu: ${TEXT_MODES.join('|')}`)
    .action(async (name: string | undefined, o: { interface?: string; profile?: string; mode?: string }) => {
      if (o.mode && !(TEXT_MODES as readonly string[]).includes(o.mode)) fail(`--mode phải là một trong ${TEXT_MODES.join(', ')}`, 2);
      if (o.interface) {
        if (name) fail('Dùng tên thiết bị hoặc --interface, không dùng cả hai.', 2);
        if (!o.profile) fail('Cần --profile khi dùng --interface (xem: bcci-counter printer profiles).', 2);
        const base = getProfile(o.profile as string) ?? fail(`Không có mẫu máy in "${o.profile}".`, 2);
        const profile: PrinterProfile = o.mode ? { ...base, vietnamese: { ...base.vietnamese, modes: [o.mode as TextMode] } } : base;
        if (o.mode && !base.vietnamese.modes.includes(o.mode as TextMode)) fail(`Mẫu ${base.id} không có kiểu ${o.mode}.`, 2);
        const transport = parseInterface(o.interface as string, fail);
        const driver = profile.language === 'escpos' ? new EscposDriver(transport, profile, escposStatusProtocol) : new LabelDriver(transport);
        try {
          const outcome = await driver.print(renderSelfTest(profile));
          out(outcome.confirmed ? `Đã in trang thử trên ${transport.description} (máy in đã xác nhận).` : `Đã gửi trang thử tới ${transport.description} (máy in không trả lời trạng thái).`);
        } catch (err) {
          fail(err instanceof DeviceError ? `${transport.description}: ${err.message}` : String(err));
        } finally {
          await driver.close().catch(() => {});
        }
        return;
      }
      if (!name) fail('Cần tên thiết bị hoặc --interface (xem: bcci-counter printer list).', 2);
      await withApp(async (app) => {
        const device = app.services.devices.byName(name as string);
        const ctx = newContext();
        ctx.actor = 'cli';
        let job = app.services.devices.selfTest(ctx, device.id);
        const deadline = Date.now() + 20_000;
        while (!FINAL.includes(job.state) && Date.now() < deadline) {
          await new Promise((r) => setTimeout(r, 100));
          job = app.services.printQueue.get(job.id);
        }
        if (job.state === 'printed') out(`Đã in trang thử trên "${device.name}" (máy in đã xác nhận).`);
        else if (job.state === 'sent_unconfirmed') out(`Đã gửi trang thử tới "${device.name}" (máy in không trả lời trạng thái).`);
        else fail(`Không in được trên "${device.name}": ${job.lastError ?? t(`job.state.${job.state}`)}`);
      });
    });
}
