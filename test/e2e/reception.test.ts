import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTcpPrinterEmulator, type TcpPrinterEmulator } from '../../main/devices/emulators/tcpPrinterEmulator';
import type { EscposEmulator } from '../../main/devices/emulators/escposEmulator';
import type { LabelEmulator } from '../../main/devices/emulators/labelEmulator';
import { getProfile } from '../../main/devices/printing/profiles';
import { launchChromium, startHostProcess, watchPageErrors, type RunningHost } from '../support/browserMode';
import { MANAGER, POINT } from '../support/app';
import { repoRoot, tempDir } from '../support/temp';
import { WsClient } from '../support/wsClient';

/**
 * A clerk who has never seen the procedure receives a birth registration: search
 * without diacritics, the guided checklist, a CCCD scan from the (emulated serial)
 * scanner, fees, confirm. The receipt printer and the label printer are emulators on
 * real TCP; their decoded output is checked, and the row in the database.
 */
let browser: Browser;
let host: RunningHost;
let page: Page;
let errors: string[];
let receipts: TcpPrinterEmulator<EscposEmulator>;
let labels: TcpPrinterEmulator<LabelEmulator>;
let scanner: WsClient;
let dataDir: { dir: string; cleanup: () => void };
const shots = path.join(repoRoot, 'test-results', 'e2e');
const CCCD = '079190001234||Đặng Thị Hồng Nhung|12051990|Nữ|Số 15 Lê Duẩn, phường Tuy Hòa, tỉnh Đắk Lắk|10082021';
const DOCS = {
  form: 'Tờ khai đăng ký khai sinh theo mẫu',
  birth: 'Giấy chứng sinh',
  id: /^Bản sao có chứng thực giấy tờ tùy thân của người yêu cầu/,
};

beforeAll(async () => {
  dataDir = tempDir();
  fs.mkdirSync(shots, { recursive: true });
  receipts = await startTcpPrinterEmulator({ language: 'escpos', slots: getProfile('epson-tm-80')!.vietnamese.slots });
  labels = await startTcpPrinterEmulator({ language: 'zpl' });
  host = await startHostProcess(dataDir.dir);
  const url = new URL(host.url);
  const wsUrl = `ws://127.0.0.1:${url.port}/api?token=${url.hash.slice('#token='.length)}`;
  // The manager's one-time set-up, through the same API the screens use.
  const admin = await WsClient.connect(wsUrl);
  expect(await admin.call('setup.complete', { point: POINT, manager: MANAGER })).toMatchObject({ ok: true });
  expect(await admin.call('auth.signIn', { username: MANAGER.username, password: MANAGER.password })).toMatchObject({ ok: true });
  expect(await admin.call('reception.addS10Range', { prefix: 'EA', country: 'VN', startSerial: 12345000, endSerial: 12345999 })).toMatchObject({ ok: true });
  expect(await admin.call('users.create', { username: 'it.admin', fullName: 'Quản trị', role: 'admin', password: 'quan-tri-123' })).toMatchObject({ ok: true });
  const it = await WsClient.connect(wsUrl);
  expect(await it.call('auth.signIn', { username: 'it.admin', password: 'quan-tri-123' })).toMatchObject({ ok: true });
  for (const [kind, port, profileId] of [
    ['receipt_printer', receipts.port, 'epson-tm-80'],
    ['label_printer', labels.port, 'zpl-203'],
  ] as const) {
    const saved = (await it.call('devices.save', {
      name: `${kind === 'receipt_printer' ? 'Máy in biên nhận' : 'Máy in nhãn'} quầy 1`,
      kind,
      transport: { kind: 'tcp', host: '127.0.0.1', port },
      profileId,
      textMode: kind === 'receipt_printer' ? 'tcvn3' : null,
      options: kind === 'label_printer' ? { widthMm: 100, heightMm: 70 } : null,
      enabled: true,
    })) as { ok: boolean; value: { id: number } };
    expect(saved.ok).toBe(true);
    expect(await it.call('devices.setDefault', { id: saved.value.id })).toMatchObject({ ok: true });
  }
  it.close();
  // The emulated serial scanner: scans come in through the host, as from a COM-port scanner.
  scanner = admin;
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
  page.setDefaultTimeout(10_000);
  errors = watchPageErrors(page);
  await page.goto(host.url);
  await page.getByLabel('Tên đăng nhập').fill(MANAGER.username);
  await page.getByLabel('Mật khẩu').fill(MANAGER.password);
  await page.keyboard.press('Enter');
  await page.getByRole('combobox', { name: 'Tìm thủ tục cần tiếp nhận' }).waitFor();
});
afterAll(async () => {
  scanner?.close();
  await browser?.close();
  await host?.stop();
  await receipts?.close();
  await labels?.close();
  dataDir?.cleanup();
});

async function openBirthRegistration() {
  const search = page.getByRole('combobox', { name: 'Tìm thủ tục cần tiếp nhận' });
  await search.focus();
  await page.keyboard.type('dang ky khai sinh', { delay: 70 });
  await expect.poll(() => page.getByRole('option').first().textContent()).toMatch(/Thủ tục đăng ký khai sinh/);
  await page.keyboard.press('Enter');
  await page.getByRole('radio', { name: 'Gửi hồ sơ và nhận kết quả qua bưu chính' }).check();
  await page.keyboard.press('Enter');
  await page.getByTestId('verdict').waitFor();
}

async function answerAllNo() {
  for (;;) {
    const pending = page.getByRole('radiogroup').filter({ has: page.getByRole('radio', { name: 'Không', checked: false }) });
    const groups = await pending.all();
    const open = [];
    for (const g of groups) if (!(await g.getByRole('radio', { name: 'Có' }).isChecked())) open.push(g);
    if (open.length === 0) return;
    await open[0].getByRole('radio', { name: 'Không' }).check();
  }
}

describe('reception end to end', () => {
  it('guides an incomplete dossier: the slip lists exactly what is missing', async () => {
    await openBirthRegistration();
    await page.getByRole('checkbox', { name: DOCS.form }).check();
    await page.getByRole('checkbox', { name: DOCS.birth }).check();
    await answerAllNo();
    await expect.poll(() => page.getByTestId('verdict').textContent()).toMatch(/Thiếu: Bản sao có chứng thực giấy tờ tùy thân/);
    await page.screenshot({ path: path.join(shots, '20-reception-incomplete.png'), fullPage: true });
    await page.keyboard.press('F9');
    await expect.poll(() => receipts.emulator.receipts().length, { timeout: 10_000 }).toBe(1);
    const slip = receipts.emulator.receipts()[0].text();
    expect(slip).toContain('PHIẾU HƯỚNG DẪN BỔ SUNG');
    // Exactly one numbered item: the missing certified copy of the ID.
    const numbered = slip.split('\n').filter((l) => /^\d+\. /.test(l));
    expect(numbered).toHaveLength(1);
    expect(numbered[0]).toMatch(/^1\. Bản sao có chứng thực giấy tờ tùy thân/);
    await page.getByRole('button', { name: /Tiếp nhận hồ sơ mới/ }).click();
  });

  it('receives a complete dossier after a CCCD scan: receipt, envelope list and label print, the row is on disk', async () => {
    const started = Date.now();
    await openBirthRegistration();
    for (const name of [DOCS.form, DOCS.birth, DOCS.id]) await page.getByRole('checkbox', { name }).check();
    await answerAllNo();
    await expect.poll(() => page.getByTestId('verdict').textContent()).toMatch(/Hồ sơ đầy đủ/);
    await page.keyboard.press('Enter');
    await page.getByLabel('Số CCCD').waitFor();
    expect(await scanner.call('scanner.submit', { raw: CCCD, source: 'emulated' })).toMatchObject({ ok: true, value: { kind: 'cccd' } });
    await expect.poll(() => page.getByLabel('Họ và tên').inputValue()).toBe('Đặng Thị Hồng Nhung');
    await expect(page.getByLabel('Số CCCD').inputValue()).resolves.toBe('079190001234');
    await page.getByLabel('Số điện thoại').fill('0905123456');
    // The province defaults to the point's (Khánh Hòa); its communes are suggested without diacritics.
    await expect(page.getByLabel('Tỉnh / thành phố').inputValue()).resolves.toBe('Khánh Hòa');
    await page.getByLabel('Xã / phường / đặc khu').fill('nha trang');
    await page.getByRole('option', { name: 'Phường Nha Trang', exact: true }).waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByLabel('Xã / phường / đặc khu').inputValue()).toBe('Phường Nha Trang');
    await page.getByLabel('Số nhà, đường, thôn / xóm').fill('Số 15 Lê Duẩn');
    await page.keyboard.press('Enter');
    await page.getByLabel('Mức phí').selectOption({ index: 1 });
    await page.getByLabel('Mức lệ phí').selectOption({ index: 1 });
    await page.getByLabel('Khối lượng (gam)').fill('200');
    const total = page.getByTestId('quote-total');
    await expect.poll(() => total.textContent()).toMatch(/\d.*đ/);
    const totalText = ((await total.textContent()) as string).replace(/[^\d.]/g, '');
    await page.keyboard.press('Control+Enter');
    await page.getByRole('button', { name: 'Xác nhận tiếp nhận' }).click();
    const code = page.getByTestId('dossier-code');
    await code.waitFor();
    const dossierCode = ((await code.textContent()) as string).trim();
    const seconds = (Date.now() - started) / 1000;
    process.stdout.write(`[e2e] complete reception in the test's steps: ${seconds.toFixed(1)} s\n`);
    expect(dossierCode).toMatch(new RegExp(`^${POINT.code}-\\d{6}-0001$`));
    // The receipt preview is laid out from the same document the printer gets.
    await page.getByText('VÀ HẸN TRẢ KẾT QUẢ').waitFor({ timeout: 15_000 });
    await page.screenshot({ path: path.join(shots, '21-reception-confirmed.png'), fullPage: true });

    await expect.poll(() => receipts.emulator.receipts().length, { timeout: 15_000 }).toBe(3);
    const receipt = receipts.emulator.receipts()[1].text();
    expect(receipt).toContain('Đặng Thị Hồng Nhung');
    expect(receipt).toContain(dossierCode);
    // Names wrap inside the document column: each row starts with its number and the name's first words.
    for (const doc of ['1. Tờ khai đăng ký khai sinh', '2. Giấy chứng sinh', '3. Bản sao có chứng thực giấy']) expect(receipt).toContain(doc);
    expect(receipt).toContain(totalText);
    expect(receipts.emulator.receipts()[2].text()).toContain('BẢN KÊ GIẤY TỜ TRONG BÌ HỒ SƠ');
    await expect.poll(() => labels.emulator.labels().length, { timeout: 15_000 }).toBe(1);
    const label = labels.emulator.labels()[0];
    const itemNumber = label.barcodes[0]?.data;
    expect(itemNumber).toMatch(/^EA12345000\dVN$/);

    const db = new Database(path.join(dataDir.dir, 'bcci-counter.sqlite'), { readonly: true });
    const row = db.prepare('SELECT code, item_number, applicant_name, status FROM dossier').get();
    const delivery = db.prepare('SELECT delivery FROM dossier').get() as { delivery: string };
    db.close();
    expect(row).toEqual({ code: dossierCode, item_number: itemNumber, applicant_name: 'Đặng Thị Hồng Nhung', status: 'received' });
    expect(JSON.parse(delivery.delivery)).toEqual({ kind: 'address', province: 'Khánh Hòa', commune: 'Phường Nha Trang', street: 'Số 15 Lê Duẩn' });
    expect(errors).toEqual([]);
  });
});
