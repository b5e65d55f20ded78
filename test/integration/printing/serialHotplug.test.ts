import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openApp, type App } from '../../../main/app/compose';
import { openPtyPair, startSerialPrinterEmulator, type PtyPair, type SerialPrinterEmulator } from '../../../main/devices/emulators/ptyPair';
import type { EscposEmulator } from '../../../main/devices/emulators/escposEmulator';
import { getProfile } from '../../../main/devices/printing/profiles';
import { standardReceipt, STANDARD_RECEIPT_DATA } from '../../../main/devices/printing/sampleReceipt';
import type { CallContext } from '../../../main/services/context';
import { setUpAndSignIn } from '../../support/app';
import { waitFor } from '../../support/emulators';
import { tempDir } from '../../support/temp';

/** A serial receipt printer on a real socat pty pair: unplugged and plugged back, its queue resumes by itself. */
const profile = getProfile('epson-tm-80')!;
let pty: PtyPair;
let printer: SerialPrinterEmulator<EscposEmulator>;
let app: App;
let clerk: CallContext;
let dir: { dir: string; cleanup: () => void };
let deviceId: number;

beforeEach(async () => {
  dir = tempDir();
  pty = await openPtyPair();
  printer = await startSerialPrinterEmulator({ path: pty.devicePath, baudRate: 115200, pty, language: 'escpos', slots: profile.vietnamese.slots });
  app = openApp({ dataDir: dir.dir, host: 'browser', log: () => {} });
  clerk = await setUpAndSignIn(app);
  deviceId = app.services.devices.save(clerk, {
    name: 'Máy in serial',
    kind: 'receipt_printer',
    transport: { kind: 'serial', path: pty.appPath, baudRate: 115200, dataBits: 8, parity: 'none', stopBits: 1, flowControl: 'none' },
    profileId: profile.id,
    textMode: 'cp1258',
    options: null,
    enabled: true,
  }).id;
});
afterEach(async () => {
  await app.close();
  await printer.close();
  await pty.close();
  dir.cleanup();
});

describe('serial printer hot-plug', () => {
  it('prints over the serial line in CP1258, confirmed by DLE EOT', async () => {
    const job = app.services.printing.print(clerk, { idempotencyKey: 'serial-1', document: standardReceipt(), deviceId });
    await waitFor(() => app.services.printQueue.get(job.id).state === 'printed', 5000);
    expect(printer.emulator.receipts()[0].text()).toContain(STANDARD_RECEIPT_DATA.applicant);
  });

  it('shows the printer disconnected when unplugged, and prints the waiting job within 3 s of plugging it back', async () => {
    const first = app.services.printing.print(clerk, { idempotencyKey: 'serial-2', document: standardReceipt(), deviceId });
    await waitFor(() => app.services.printQueue.get(first.id).state === 'printed', 5000);
    await printer.setDisconnected(true);
    await waitFor(() => app.services.devices.get(deviceId).state === 'disconnected', 5000, 'disconnected state');
    const waiting = app.services.printing.print(clerk, { idempotencyKey: 'serial-3', document: standardReceipt(), deviceId });
    await waitFor(() => app.services.printQueue.get(waiting.id).state === 'failed', 5000);
    expect(app.services.printQueue.get(waiting.id).nextAttemptAt).not.toBeNull();
    await printer.setDisconnected(false);
    const back = Date.now();
    await waitFor(() => app.services.printQueue.get(waiting.id).state === 'printed', 5000, 'printed after replug');
    expect(Date.now() - back).toBeLessThan(3000);
    await app.services.printQueue.idle();
    expect(printer.emulator.receipts()).toHaveLength(2);
  });
});
