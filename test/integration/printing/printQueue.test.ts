import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PrintJob } from '../../../shared/api/devices';
import { newContext, type CallContext } from '../../../main/services/context';
import { openApp, type App } from '../../../main/app/compose';
import { getProfile } from '../../../main/devices/printing/profiles';
import { standardReceipt, STANDARD_RECEIPT_DATA } from '../../../main/devices/printing/sampleReceipt';
import { startTcpPrinterEmulator, type TcpPrinterEmulator } from '../../../main/devices/emulators/tcpPrinterEmulator';
import type { EscposEmulator } from '../../../main/devices/emulators/escposEmulator';
import { addDefaultTcpPrinter, setUpAndSignIn } from '../../support/app';
import { tempDir } from '../../support/temp';
import { waitFor } from '../../support/emulators';

/**
 * The print queue against a real TCP printer emulator on 127.0.0.1 and a real
 * SQLite file: a job is never lost and never printed twice by accident.
 */
const profile = getProfile('epson-tm-80')!;
let dir: { dir: string; cleanup: () => void };
let printer: TcpPrinterEmulator<EscposEmulator>;
let app: App;
let clerk: CallContext;
let deviceId: number;

async function open(): Promise<App> {
  const a = openApp({ dataDir: dir.dir, host: 'browser', log: () => {} });
  return a;
}

beforeEach(async () => {
  dir = tempDir();
  printer = await startTcpPrinterEmulator({ language: 'escpos', slots: profile.vietnamese.slots });
  app = await open();
  clerk = await setUpAndSignIn(app);
  deviceId = addDefaultTcpPrinter(app, clerk, printer.port);
});
afterEach(async () => {
  await app.close();
  await printer.close();
  dir.cleanup();
});

const job = (id: number) => app.services.printQueue.get(id);
const receipt = (key: string): PrintJob => app.services.printing.print(clerk, { idempotencyKey: key, document: standardReceipt() });

describe('print queue over a real TCP connection', () => {
  it('prints a receipt whose bytes decode to the Vietnamese text, confirmed by the printer', async () => {
    const j = receipt('dossier-1');
    await waitFor(() => job(j.id).state === 'printed', 5000, 'printed');
    expect(printer.emulator.receipts()).toHaveLength(1);
    const text = printer.emulator.receipts()[0].text();
    expect(text).toContain(STANDARD_RECEIPT_DATA.applicant);
    expect(text).toContain(STANDARD_RECEIPT_DATA.dossierCode);
    expect(job(j.id).printedAt).not.toBeNull();
  });

  it('never prints twice for the same idempotency key', async () => {
    const a = receipt('dossier-2');
    const b = receipt('dossier-2');
    expect(b.id).toBe(a.id);
    await waitFor(() => job(a.id).state === 'printed', 5000);
    receipt('dossier-2');
    await app.services.printQueue.idle();
    expect(printer.emulator.receipts()).toHaveLength(1);
  });

  it('holds a job while the printer is off and prints it exactly once when it comes back', async () => {
    await printer.setRefuseConnections(true);
    const j = receipt('dossier-3');
    await waitFor(() => job(j.id).state === 'failed', 5000, 'failed');
    expect(job(j.id).lastError).toMatch(/^Mất kết nối với thiết bị/);
    expect(app.services.devices.get(deviceId).state).toBe('disconnected');
    await printer.setRefuseConnections(false);
    const back = Date.now();
    await waitFor(() => job(j.id).state === 'printed', 5000, 'printed after the printer came back');
    expect(Date.now() - back).toBeLessThan(3000);
    await app.services.printQueue.idle();
    expect(printer.emulator.receipts()).toHaveLength(1);
    expect(job(j.id).attempts).toBeGreaterThan(1);
  });

  it('says "hết giấy" when the paper is out, sends nothing, and prints once after paper is loaded', async () => {
    printer.emulator.setPaperOut(true);
    const j = receipt('dossier-4');
    await waitFor(() => job(j.id).state === 'failed', 5000, 'failed');
    expect(job(j.id).lastError).toBe('Máy in hết giấy');
    expect(app.services.devices.get(deviceId)).toMatchObject({ state: 'error', lastError: 'Máy in hết giấy' });
    expect(printer.emulator.receipts()).toHaveLength(0);
    printer.emulator.setPaperOut(false);
    await waitFor(() => job(j.id).state === 'printed', 5000, 'printed after paper was loaded');
    await app.services.printQueue.idle();
    expect(printer.emulator.receipts()).toHaveLength(1);
  });

  it('reports the cover open in words', async () => {
    printer.emulator.setCoverOpen(true);
    const j = receipt('dossier-5');
    await waitFor(() => job(j.id).state === 'failed', 5000);
    expect(job(j.id).lastError).toBe('Nắp máy in đang mở');
  });

  it('holds a job for a printer that should answer and is silent (off), and prints it when it answers again', async () => {
    printer.emulator.setMute(true);
    const j = receipt('dossier-13');
    await waitFor(() => job(j.id).state === 'failed', 5000);
    expect(job(j.id).lastError).toMatch(/^Thiết bị không trả lời/);
    expect(printer.emulator.receipts()).toHaveLength(0);
    printer.emulator.setMute(false);
    await waitFor(() => job(j.id).state === 'printed', 6000, 'printed once the printer answered');
  });

  it('marks a job from a model that never answers (its profile says so) as sent but unconfirmed', async () => {
    printer.emulator.setMute(true);
    app.services.devices.save(clerk, {
      id: deviceId,
      name: 'Máy in quầy 1',
      kind: 'receipt_printer',
      transport: { kind: 'tcp', host: '127.0.0.1', port: printer.port },
      profileId: 'generic-80',
      textMode: 'tcvn3',
      options: null,
      enabled: true,
    });
    const j = receipt('dossier-6');
    await waitFor(() => ['printed', 'sent_unconfirmed'].includes(job(j.id).state), 8000);
    expect(job(j.id).state).toBe('sent_unconfirmed');
    // Nothing confirms arrival, so the bytes may still be on their way.
    await waitFor(() => printer.emulator.receipts().length === 1, 5000, 'the receipt arrived');
  });

  it('does not resend on its own a job cut off mid-print; the clerk retries it', async () => {
    printer.setDropAfterBytes(200);
    const j = receipt('dossier-7');
    await waitFor(() => job(j.id).state === 'failed', 5000);
    expect(job(j.id).lastError).toMatch(/trong khi đang in/);
    expect(job(j.id).nextAttemptAt).toBeNull();
    await new Promise((r) => setTimeout(r, 2500));
    expect(job(j.id).state).toBe('failed');
    app.services.printQueue.retry(j.id);
    await waitFor(() => job(j.id).state === 'printed', 5000);
    expect(printer.emulator.receipts().at(-1)?.text()).toContain(STANDARD_RECEIPT_DATA.applicant);
  });

  it('marks an explicit reprint "BẢN IN LẠI"', async () => {
    const j = receipt('dossier-8');
    await waitFor(() => job(j.id).state === 'printed', 5000);
    const again = app.services.printing.reprint(clerk, j.id, 'reprint-click-1');
    expect(again.reprintOf).toBe(j.id);
    // A double click (the same request twice) is one reprint.
    expect(app.services.printing.reprint(clerk, j.id, 'reprint-click-1').id).toBe(again.id);
    await waitFor(() => job(again.id).state === 'printed', 5000);
    const texts = printer.emulator.receipts().map((r) => r.text());
    expect(texts[0]).not.toContain('BẢN IN LẠI');
    expect(texts[1]).toContain('BẢN IN LẠI');
    await app.services.printQueue.idle();
    expect(printer.emulator.receipts()).toHaveLength(2);
    expect(app.db.prepare("SELECT action FROM audit_log WHERE action = 'print.reprint'").all()).toHaveLength(1);
  });

  it('resumes queued jobs after a restart, resends one caught before its bytes left, and leaves one caught mid-transmission for the clerk', async () => {
    await printer.setRefuseConnections(true);
    const a = receipt('dossier-9');
    const b = receipt('dossier-10');
    const c = receipt('dossier-12');
    await waitFor(() => job(a.id).state === 'failed', 5000);
    // Crashes while sending: b had started writing its bytes, c was still connecting.
    app.db.prepare("UPDATE print_job SET state = 'sending', transmit_started_at = '2026-11-20T02:00:00Z' WHERE id = ?").run(b.id);
    app.db.prepare("UPDATE print_job SET state = 'sending', transmit_started_at = NULL WHERE id = ?").run(c.id);
    await app.close();
    await printer.setRefuseConnections(false);
    app = await open();
    clerk = newContext();
    await waitFor(() => job(a.id).state === 'printed', 5000, 'queued job resumed after restart');
    await waitFor(() => job(c.id).state === 'printed', 5000, 'job caught before transmitting resent');
    expect(job(b.id).state).toBe('failed');
    expect(job(b.id).lastError).toMatch(/Ứng dụng bị tắt khi đang gửi lệnh in/);
    await app.services.printQueue.idle();
    expect(printer.emulator.receipts()).toHaveLength(2);
  });

  it('keeps the append-only history of every job state', async () => {
    await printer.setRefuseConnections(true);
    const j = receipt('dossier-11');
    await waitFor(() => job(j.id).state === 'failed', 5000);
    await printer.setRefuseConnections(false);
    await waitFor(() => job(j.id).state === 'printed', 5000);
    const states = (app.db.prepare('SELECT state FROM print_job_event WHERE job_id = ? ORDER BY id').all(j.id) as { state: string }[]).map((r) => r.state);
    expect(states[0]).toBe('queued');
    expect(states).toContain('failed');
    expect(states.at(-1)).toBe('printed');
    expect(() => app.db.prepare('DELETE FROM print_job_event').run()).toThrow(/append-only/);
  });
});
