import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTcpPrinterEmulator, type TcpPrinterEmulator } from '../../main/devices/emulators/tcpPrinterEmulator';
import type { EscposEmulator } from '../../main/devices/emulators/escposEmulator';
import { getProfile } from '../../main/devices/printing/profiles';
import { formatS10 } from '../../shared/scan/s10';
import { launchChromium, startHostProcess, typeAsScanner, waitForWedgeDetector, watchPageErrors, type RunningHost } from '../support/browserMode';
import { MANAGER, POINT } from '../support/app';
import { repoRoot, tempDir } from '../support/temp';
import { WsClient } from '../support/wsClient';

/**
 * The counter's devices in Chromium against the real browser-mode host: wedge
 * scans told apart from typing, the admin's device screen, the emulated printer's
 * pictures, and the failure dialog when a real (emulated-over-TCP) printer runs out of paper.
 */
let browser: Browser;
let host: RunningHost;
let page: Page;
let errors: string[];
let printer: TcpPrinterEmulator<EscposEmulator>;
let cleanup: () => void;
const shots = path.join(repoRoot, 'test-results', 'e2e');
const ADMIN = { username: 'it.admin', password: 'quan-tri-123' };

async function signIn(username: string, password: string) {
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.keyboard.press('Enter');
}

beforeAll(async () => {
  const t = tempDir();
  cleanup = t.cleanup;
  fs.mkdirSync(shots, { recursive: true });
  printer = await startTcpPrinterEmulator({ language: 'escpos', slots: getProfile('epson-tm-80')!.vietnamese.slots });
  host = await startHostProcess(t.dir);
  // First run and an admin account through the API, as the manager would on the users screen.
  const api = await WsClient.connect(`ws://127.0.0.1:${new URL(host.url).port}/api?token=${new URL(host.url).hash.slice('#token='.length)}`);
  expect(await api.call('setup.complete', { point: POINT, manager: MANAGER })).toMatchObject({ ok: true });
  expect(await api.call('auth.signIn', { username: MANAGER.username, password: MANAGER.password })).toMatchObject({ ok: true });
  expect(await api.call('users.create', { ...ADMIN, fullName: 'Trần Quản Trị', role: 'admin' })).toMatchObject({ ok: true });
  api.close();
  // Thresholds as calibrated for a slower (Zebra-like) scanner: a loaded CI machine delays synthetic
  // keystrokes by tens of ms, and a person at 140 ms per key must still not count as a scan.
  const admin = await WsClient.connect(`ws://127.0.0.1:${new URL(host.url).port}/api?token=${new URL(host.url).hash.slice('#token='.length)}`);
  expect(await admin.call('auth.signIn', ADMIN)).toMatchObject({ ok: true });
  expect(await admin.call('settings.update', { wedge: { maxInterKeyMs: 80, minLength: 4, idleEndMs: 200 } })).toMatchObject({ ok: true });
  admin.close();
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
  page.setDefaultTimeout(8_000);
  errors = watchPageErrors(page);
  await page.goto(host.url);
  await signIn(MANAGER.username, MANAGER.password);
  await page.getByRole('button', { name: 'Tra cứu thủ tục' }).click();
  await page.getByRole('combobox', { name: 'Tìm thủ tục hành chính' }).waitFor();
  // The detector is on once the app has rendered after sign-in (and takes this point's thresholds
  // when settings.get answers): keys sent before it listens go into the field.
  await waitForWedgeDetector(page);
});
afterAll(async () => {
  await browser?.close();
  await host?.stop();
  await printer?.close();
  cleanup?.();
});

describe('scanners and printers end to end', () => {
  it('a keyboard-wedge scan becomes one classified event and never types into the search field', async () => {
    const search = page.getByRole('combobox', { name: 'Tìm thủ tục hành chính' });
    await search.focus();
    const item = formatS10('EA', '12345678', 'VN');
    // Keys sent in one go, as a scanner does: keyboard.type() waits for each key's round trip,
    // and under load those gaps exceeded maxInterKeyMs and split the scan (see typeAsScanner).
    await typeAsScanner(page, item, 'Enter');
    const banner = page.getByTestId('scan-banner');
    await expect.poll(() => banner.textContent()).toContain(item);
    await expect(banner.getAttribute('data-kind')).resolves.toBe('s10');
    await expect(search.inputValue()).resolves.toBe('');
  });

  it('a malformed code scanned gets a clear message', async () => {
    await typeAsScanner(page, 'EA123456784VN', 'Enter');
    const banner = page.getByTestId('scan-banner');
    await expect.poll(() => banner.getAttribute('data-kind')).toBe('invalid');
    await expect(banner.textContent()).resolves.toMatch(/sai số kiểm tra/);
  });

  it('a person typing slowly types into the field and is never taken for a scanner', async () => {
    await page.reload();
    await signIn(MANAGER.username, MANAGER.password);
    await page.getByRole('button', { name: 'Tra cứu thủ tục' }).click();
    const search = page.getByRole('combobox', { name: 'Tìm thủ tục hành chính' });
    await search.waitFor();
    // Otherwise the keys may reach the field before the detector is on, and prove nothing.
    await waitForWedgeDetector(page);
    await search.focus();
    await page.keyboard.type('khai sinh', { delay: 140 });
    // Polled: the last key is held up to maxInterKeyMs and released by a page timer, which a
    // loaded renderer may run after type() has returned.
    await expect.poll(() => search.inputValue()).toBe('khai sinh');
    await expect(page.getByTestId('scan-banner').count()).resolves.toBe(0);
    await expect.poll(() => page.getByRole('listbox', { name: 'Tìm thủ tục hành chính' }).getByRole('option').first().textContent()).toMatch(/khai sinh/i);
  });

  it('the admin adds a network printer, prints the self-test, and picks the mode that reads right', async () => {
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await signIn(ADMIN.username, ADMIN.password);
    await page.getByRole('button', { name: 'Thiết bị' }).click();
    await page.getByRole('button', { name: 'Thêm máy in hóa đơn' }).click();
    await page.getByLabel('Tên thiết bị').fill('Máy in quầy 1');
    await page.getByLabel('Kết nối').selectOption('tcp');
    await page.getByLabel('Địa chỉ máy in').fill('127.0.0.1');
    await page.getByLabel('Cổng', { exact: true }).fill(String(printer.port));
    await page.getByLabel('Mẫu máy in').selectOption('epson-tm-80');
    await page.getByRole('button', { name: 'Lưu' }).click();
    const row = page.getByTestId('devices-receipt_printer').getByRole('row', { name: /Máy in quầy 1/ });
    await row.waitFor();
    await row.getByRole('button', { name: 'In trang thử tiếng Việt' }).click();
    await expect.poll(() => printer.emulator.receipts().length, { timeout: 8000 }).toBe(1);
    expect(printer.emulator.text()).toContain('ẮẰẲẴẶ'.slice(0, 1));
    await page.getByRole('group', { name: 'Đoạn nào in đúng tiếng Việt?' }).getByRole('button', { name: /CP1258/ }).click();
    await page.getByText('Đã lưu kiểu in tiếng Việt: CP1258.').waitFor();
    await expect.poll(() => row.textContent()).toMatch(/CP1258/);
    await expect.poll(() => row.textContent()).toMatch(/Sẵn sàng/);
    await page.screenshot({ path: path.join(shots, '10-devices.png'), fullPage: true });
  });

  it('shows what the emulated printer printed as a picture of the paper', async () => {
    const row = page.getByTestId('devices-receipt_printer').getByRole('row', { name: /Máy in hóa đơn giả lập/ });
    await row.getByRole('button', { name: 'In trang thử tiếng Việt' }).click();
    await row.getByRole('button', { name: 'Bản in của thiết bị giả lập' }).click();
    const picture = page.locator('.paper-picture img').first();
    await picture.waitFor();
    await expect(picture.getAttribute('alt')).resolves.toMatch(/TRANG IN THU/);
    const width = await page.evaluate('document.querySelector(".paper-picture img").naturalWidth');
    expect(width).toBeGreaterThan(300);
    await page.screenshot({ path: path.join(shots, '11-emulated-paper.png'), fullPage: true });
  });

  it('when paper runs out the clerk is told in words and can send the job to another printer', async () => {
    printer.emulator.setPaperOut(true);
    const row = page.getByTestId('devices-receipt_printer').getByRole('row', { name: /Máy in quầy 1/ });
    await row.getByRole('button', { name: 'In trang thử tiếng Việt' }).click();
    const dialog = page.getByRole('alertdialog');
    await dialog.waitFor();
    await expect(dialog.textContent()).resolves.toMatch(/Máy in hết giấy/);
    await page.screenshot({ path: path.join(shots, '12-failed-job.png') });
    await dialog.getByRole('combobox', { name: 'In bằng máy khác' }).selectOption({ label: 'Máy in hóa đơn giả lập' });
    await dialog.getByRole('button', { name: 'OK' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    const jobs = page.getByTestId('print-jobs');
    await expect.poll(() => jobs.locator('tbody tr').first().textContent()).toMatch(/Máy in hóa đơn giả lập.*Đã in/);
    printer.emulator.setPaperOut(false);
    expect(errors).toEqual([]);
  });
});
