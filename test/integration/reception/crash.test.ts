import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import path from 'node:path';
import { openApp } from '../../../main/app/compose';
import { startTcpPrinterEmulator, type TcpPrinterEmulator } from '../../../main/devices/emulators/tcpPrinterEmulator';
import type { EscposEmulator } from '../../../main/devices/emulators/escposEmulator';
import { getProfile } from '../../../main/devices/printing/profiles';
import { startHostProcess, type RunningHost } from '../../support/browserMode';
import { addDefaultTcpPrinter, MANAGER, setUpAndSignIn } from '../../support/app';
import { waitFor } from '../../support/emulators';
import { allocateItemNumbers, APPLICANT, confirmInput } from '../../support/reception';
import { tempDir } from '../../support/temp';
import { WsClient } from '../../support/wsClient';

/**
 * "Nothing is lost": the browser-mode host is killed (SIGKILL, no shutdown) right after
 * confirm returns. After a restart the dossier, its fees and its print jobs are on disk,
 * and the jobs print.
 */
let printer: TcpPrinterEmulator<EscposEmulator> | null = null;
let host: RunningHost | null = null;
let dir: { dir: string; cleanup: () => void } | null = null;
afterEach(async () => {
  await host?.stop('SIGKILL');
  await printer?.close();
  dir?.cleanup();
});

describe('a crash right after confirm', () => {
  it('keeps the dossier, its fees and its print jobs, and prints them after restart', async () => {
    dir = tempDir();
    const profile = getProfile('epson-tm-80')!;
    printer = await startTcpPrinterEmulator({ language: 'escpos', slots: profile.vietnamese.slots });
    // Set up once in-process: point, manager, item numbers, the counter's network printer (switched off).
    const setup = openApp({ dataDir: dir.dir, host: 'browser', log: () => {}, startDevices: false });
    const manager = await setUpAndSignIn(setup);
    allocateItemNumbers(setup, manager);
    addDefaultTcpPrinter(setup, manager, printer.port);
    const input = confirmInput(setup, '3.000333', 'crash-key-0001');
    await setup.close();
    await printer.setRefuseConnections(true);

    host = await startHostProcess(dir.dir);
    const url = new URL(host.url);
    const api = await WsClient.connect(`ws://127.0.0.1:${url.port}/api?token=${url.hash.slice('#token='.length)}`);
    expect(await api.call('auth.signIn', { username: MANAGER.username, password: MANAGER.password })).toMatchObject({ ok: true });
    const reply = (await api.call('reception.confirm', input)) as { ok: boolean; value: { dossier: { id: number; code: string } } };
    expect(reply.ok).toBe(true);
    // Killed the moment the clerk saw "confirmed": no chance to flush anything more.
    await host.stop('SIGKILL');
    host = null;
    api.close();

    const db = new Database(path.join(dir.dir, 'bcci-counter.sqlite'), { readonly: true });
    const dossier = db.prepare('SELECT code, applicant_name, total_amount FROM dossier').get() as { code: string; applicant_name: string; total_amount: number };
    const fees = db.prepare('SELECT sum(amount) AS total FROM ledger_entry WHERE dossier_id = ?').get(reply.value.dossier.id) as { total: number };
    const jobs = db.prepare('SELECT state FROM print_job WHERE idempotency_key LIKE ? ORDER BY id').all(`dossier:${reply.value.dossier.id}:%`) as { state: string }[];
    db.close();
    expect(dossier).toMatchObject({ code: reply.value.dossier.code, applicant_name: APPLICANT.fullName });
    expect(fees.total).toBe(dossier.total_amount);
    expect(jobs).toHaveLength(3);
    expect(jobs.every((j) => ['queued', 'failed', 'sending'].includes(j.state))).toBe(true);

    await printer.setRefuseConnections(false);
    host = await startHostProcess(dir.dir);
    await waitFor(() => printer!.emulator.receipts().length >= 2, 10_000, 'the receipt and the envelope list printed after restart');
    const printed = printer.emulator.receipts().map((r) => r.text());
    expect(printed[0]).toContain(APPLICANT.fullName);
    expect(printed[0]).toContain(reply.value.dossier.code);
    expect(printed[1]).toContain('BẢN KÊ GIẤY TỜ TRONG BÌ HỒ SƠ');
  });
});
