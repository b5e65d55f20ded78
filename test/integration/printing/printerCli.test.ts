import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTcpPrinterEmulator, type TcpPrinterEmulator } from '../../../main/devices/emulators/tcpPrinterEmulator';
import type { EscposEmulator } from '../../../main/devices/emulators/escposEmulator';
import { getProfile } from '../../../main/devices/printing/profiles';
import { vietnameseAlphabet } from '../../../main/devices/printing/selfTest';
import { repoRoot, tempDir } from '../../support/temp';

/** The real bin as a child process (async: the emulator answers from this process meanwhile). */
function cli(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(repoRoot, 'bin', 'bcci-counter.mjs'), ...args], { env: { ...process.env, BCCI_COUNTER_DATA_DIR: '' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

const epson = getProfile('epson-tm-80')!;
let printer: TcpPrinterEmulator<EscposEmulator>;
let dir: { dir: string; cleanup: () => void };
beforeAll(async () => {
  printer = await startTcpPrinterEmulator({ language: 'escpos', slots: epson.vietnamese.slots });
  dir = tempDir();
});
afterAll(async () => {
  await printer.close();
  dir.cleanup();
});

// Each test spawns the CLI (tsx, ~1–4 s a run, more on a loaded 2-core machine or with a cold
// transform cache) several times; the 30 s default left too little room for a test of 3–5 runs.
describe('bcci-counter printer …', { timeout: 120_000 }, () => {
  it('lists the built-in profiles as JSON', async () => {
    const r = await cli('printer', 'profiles', '--json');
    expect(r.code, r.stderr).toBe(0);
    const ids = (JSON.parse(r.stdout) as { id: string }[]).map((p) => p.id);
    expect(ids).toEqual(expect.arrayContaining(['epson-tm-80', 'xprinter-80', 'pos-5890', 'rongta-rp3xx', 'bixolon-srp', 'generic-58', 'generic-80', 'zpl-203', 'tspl-203']));
  });

  it('prints the self-test page to an ad-hoc TCP interface: every Vietnamese letter reads right in each mode', async () => {
    const r = await cli('printer', 'test', '--interface', `tcp://127.0.0.1:${printer.port}`, '--profile', 'epson-tm-80');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Đã in trang thử/);
    // Lines wrap on paper: compare word by word. The TCVN-3 and CP1258 sections each print every letter.
    const words = printer.emulator.text().split(/\s+/);
    for (const group of [...vietnameseAlphabet('lower').split(' '), ...vietnameseAlphabet('upper').split(' ')]) {
      expect(words.filter((w) => w === group).length, group).toBeGreaterThanOrEqual(2);
    }
    expect(printer.emulator.text()).toContain('50.000₫');
  });

  it('prints only the chosen mode with --mode, and refuses a mode the profile lacks', async () => {
    printer.emulator.clearPaper();
    expect((await cli('printer', 'test', '--interface', `tcp://127.0.0.1:${printer.port}`, '--profile', 'epson-tm-80', '--mode', 'cp1258')).code).toBe(0);
    expect(printer.emulator.text()).toMatch(/1\. CP1258/);
    expect(printer.emulator.text()).not.toMatch(/TCVN-3/);
    const bad = await cli('printer', 'test', '--interface', `tcp://127.0.0.1:${printer.port}`, '--profile', 'epson-tm-80', '--mode', 'viscii');
    expect(bad.code).toBe(2);
  });

  it('fails with a clear message when the printer is off', async () => {
    await printer.setRefuseConnections(true);
    const r = await cli('printer', 'test', '--interface', `tcp://127.0.0.1:${printer.port}`, '--profile', 'epson-tm-80');
    await printer.setRefuseConnections(false);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Mất kết nối với thiết bị/);
  });

  it('lists configured devices and tests one by name', async () => {
    const list = await cli('--data-dir', dir.dir, 'printer', 'list');
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout).toContain('Máy in hóa đơn giả lập');
    const r = await cli('--data-dir', dir.dir, 'printer', 'test', 'Máy in hóa đơn giả lập');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Đã in trang thử trên "Máy in hóa đơn giả lập"/);
    expect((await cli('--data-dir', dir.dir, 'printer', 'test', 'Không có máy này')).code).toBe(1);
  });
});
