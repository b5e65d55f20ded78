import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp } from '../../main/app/compose';
import type { EscposEmulator } from '../../main/devices/emulators/escposEmulator';
import { startTcpPrinterEmulator, type TcpPrinterEmulator } from '../../main/devices/emulators/tcpPrinterEmulator';
import { getProfile } from '../../main/devices/printing/profiles';
import { newContext, type Session } from '../../main/services/context';
import { formatMoney } from '../../shared/messages/vi';
import { displayDate, vietnamDay } from '../../shared/time/vietnam';
import { addDefaultTcpPrinter, CLERK, MANAGER, setUpAndSignIn } from '../support/app';
import { launchChromium, startHostProcess, watchPageErrors, type RunningHost } from '../support/browserMode';
import { allocateItemNumbers, confirmInput } from '../support/reception';
import { notesFor } from '../support/cash';
import { repoRoot, tempDir } from '../support/temp';

/**
 * The cash close in Chromium against the real browser-mode host. A clerk took three receptions
 * today (two in cash, one by transfer); she counts her drawer blind, banknote by banknote, 10.000 đ
 * short, sees the ledger's figures only once the count is recorded, is told to give a reason, gives
 * it and closes her shift (its paper reaches the TCP printer emulator). The manager then sets the
 * close settings (an invalid threshold refused on the form, 5.000 đ saved and still there after a
 * reload), closes the day with an override for the open work and a 20.000 đ difference that now
 * needs her approval, gets the Z report on the printer and in the history; the SQLite file agrees.
 */
let browser: Browser;
let host: RunningHost;
let page: Page;
let errors: string[];
let printer: TcpPrinterEmulator<EscposEmulator>;
let dataDir: { dir: string; cleanup: () => void };
const shots = path.join(repoRoot, 'test-results', 'e2e');
const dbFile = () => path.join(dataDir.dir, 'bcci-counter.sqlite');

const SHIFT_SHORT = 10_000; // below the default 50.000 đ threshold: a reason, no approval
const DAY_SHORT = 20_000; // below 50.000 đ but above the 5.000 đ the manager sets: an approval too
const SHIFT_REASON = 'Trả lại tiền thừa nhầm cho khách';
const DAY_REASON = 'Thiếu tiền, đang xác minh với giao dịch viên';
const OVERRIDE = 'Hồ sơ chuyển cơ quan sáng mai theo lịch';

/** What the prepared data folder holds, read with plain SQL before the host starts. */
let DAY: string; // the Vietnam day of the clerk's receptions, the day the manager closes
let codes: string[];
let clerkLines: number;
let clerkCash: number;
let clerkTransfer: number;
let dayCash: number;
let dayTransfer: number;

const money = (n: number) => `${formatMoney(n)} đ`;
/** Texts as the screen shows them, with any run of spaces (non-breaking too) as one space. */
const squash = (s: string | null) => (s ?? '').replace(/\s+/g, ' ').trim();

beforeAll(async () => {
  dataDir = tempDir();
  fs.mkdirSync(shots, { recursive: true });
  printer = await startTcpPrinterEmulator({ language: 'escpos', slots: getProfile('epson-tm-80')!.vietnamese.slots });
  // The counter's day so far, through the real services on the real file: the manager, a clerk,
  // the clerk's receptions paid in cash and by transfer, then the counter's network receipt printer.
  const app = openApp({ dataDir: dataDir.dir, host: 'browser', log: () => {}, startDevices: false });
  const manager = await setUpAndSignIn(app);
  allocateItemNumbers(app, manager);
  await app.services.auth.createUser(manager, CLERK);
  const clerk = newContext();
  await app.services.auth.signIn(clerk, CLERK.username, CLERK.password);
  const receive = (code: string, key: string, payment: 'cash' | 'transfer') =>
    app.services.reception.confirm(clerk, clerk.session as Session, confirmInput(app, code, key, { payment })).dossier.code;
  codes = [receive('3.000333', 'e2e-dayclose-1', 'cash'), receive('1.001456', 'e2e-dayclose-2', 'transfer'), receive('1.001471', 'e2e-dayclose-3', 'cash')];
  addDefaultTcpPrinter(app, manager, printer.port);
  await app.close();

  const db = new Database(dbFile(), { readonly: true, fileMustExist: true });
  try {
    const sum = (where: string, ...args: unknown[]) => (db.prepare(`SELECT coalesce(sum(amount), 0) FROM ledger_entry WHERE ${where}`).pluck().get(...args) as number) ?? 0;
    const clerkId = db.prepare('SELECT id FROM app_user WHERE username = ?').pluck().get(CLERK.username) as number;
    // The day the lines were written on, as the app dates them (Vietnam time): near midnight the
    // test may run into the next day, so the manager closes this day by name, not "today".
    DAY = (db.prepare('SELECT min(day) FROM ledger_entry').pluck().get() as string | null) ?? vietnamDay();
    clerkLines = db.prepare('SELECT count(*) FROM ledger_entry WHERE user_id = ?').pluck().get(clerkId) as number;
    clerkCash = sum("user_id = ? AND payment_method = 'cash'", clerkId);
    clerkTransfer = sum("user_id = ? AND payment_method = 'transfer'", clerkId);
    dayCash = sum("day = ? AND payment_method = 'cash'", DAY);
    dayTransfer = sum("day = ? AND payment_method = 'transfer'", DAY);
  } finally {
    db.close();
  }
  expect(clerkCash).toBeGreaterThan(SHIFT_SHORT);
  expect(clerkTransfer).toBeGreaterThan(0);
  expect(dayCash).toBeGreaterThan(DAY_SHORT);

  host = await startHostProcess(dataDir.dir);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 1000 }, locale: 'vi-VN' });
  page.setDefaultTimeout(10_000);
  errors = watchPageErrors(page);
  await page.goto(host.url);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await host?.stop();
  await printer?.close();
  dataDir?.cleanup();
});

const nav = (name: string) => page.getByRole('navigation', { name: 'Chức năng' }).getByRole('button', { name, exact: true }).click();

async function signIn(username: string, password: string, firstView: string) {
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.keyboard.press('Enter');
  await page.getByRole('navigation', { name: 'Chức năng' }).getByRole('button', { name: firstView, exact: true }).waitFor();
}

/** Types a blind count: the banknotes for `cash`, then the transfer total, into the form in `scope`. */
async function typeCount(scope: Locator, cash: number, transfer: number) {
  for (const n of notesFor(cash)) await scope.getByLabel(`Số tờ ${formatMoney(n.value)} đ`, { exact: true }).fill(String(n.count));
  await expect.poll(async () => squash(await scope.getByTestId('counted-cash').textContent())).toBe(money(cash));
  await scope.getByLabel('Tổng tiền chuyển khoản đã đối chiếu').fill(String(transfer));
}

/** The comparison table's row for a payment method: [expected, counted, difference]. */
async function comparison(scope: Locator, method: 'Tiền mặt' | 'Chuyển khoản'): Promise<string[]> {
  const row = scope.getByTestId('count-comparison').getByRole('row', { name: new RegExp(`^${method}`) });
  return (await row.getByRole('cell').allTextContents()).map(squash);
}

describe('the cash close, shift then day, through the screens', () => {
  it('the clerk counts her drawer blind, gives a reason for the difference and closes her shift', async () => {
    await signIn(CLERK.username, CLERK.password, 'Kết ca');
    await nav('Kết ca');
    await expect.poll(async () => squash(await page.getByRole('region', { name: 'Ca đang mở' }).textContent())).toContain(`có ${clerkLines} giao dịch thu tiền`);
    // Blind: nothing the ledger expects is on the screen before the count is recorded.
    await page.getByRole('heading', { name: 'Đếm tiền (đếm mù)' }).waitFor();
    expect(await page.getByTestId('count-comparison').count()).toBe(0);
    const before = squash(await page.locator('main').textContent());
    expect(before).not.toContain(money(clerkCash));
    expect(before).not.toContain(money(clerkTransfer));

    const main = page.locator('main');
    await typeCount(main, clerkCash - SHIFT_SHORT, clerkTransfer);
    await page.getByRole('button', { name: 'Gửi số đã đếm' }).click();
    await page.getByRole('heading', { name: 'Đối chiếu và chênh lệch' }).waitFor();
    expect(await comparison(main, 'Tiền mặt')).toEqual([money(clerkCash), money(clerkCash - SHIFT_SHORT), `${money(-SHIFT_SHORT)} (thiếu)`]);
    expect(await comparison(main, 'Chuyển khoản')).toEqual([money(clerkTransfer), money(clerkTransfer), '0 đ (khớp)']);
    // 10.000 đ is under the 50.000 đ threshold: a reason, no manager.
    expect(await page.getByRole('group', { name: 'Trưởng bưu cục duyệt chênh lệch' }).count()).toBe(0);

    // Closing without a reason, then with one too short, is refused in words.
    const reason = page.getByLabel('Lý do chênh lệch');
    await page.getByRole('button', { name: 'Đóng ca và in phiếu' }).click();
    await expect.poll(() => page.getByRole('alert').allTextContents()).toContain('Chưa gửi: còn 1 chỗ cần điền hoặc sửa (đánh dấu đỏ).');
    await expect.poll(() => main.getByText('Có chênh lệch: ghi lý do (ít nhất 5 ký tự).').count()).toBe(1);
    expect(await reason.getAttribute('aria-invalid')).toBe('true');
    await reason.fill('Sai');
    await expect.poll(() => main.getByText('Cần ít nhất 5 ký tự.').count()).toBe(1);
    await page.getByRole('button', { name: 'Đóng ca và in phiếu' }).click();
    expect(await page.getByRole('heading', { name: 'Đã đóng ca' }).count()).toBe(0);

    await reason.fill(SHIFT_REASON);
    await page.getByRole('button', { name: 'Đóng ca và in phiếu' }).click();
    const closed = page.getByRole('region', { name: 'Đã đóng ca' });
    await closed.getByRole('heading', { name: 'Đã đóng ca' }).waitFor();
    const facts = squash(await closed.locator('dl').textContent());
    expect(facts).toContain(CLERK.fullName);
    expect(facts).toContain(`đếm ${money(clerkCash - SHIFT_SHORT)} / sổ ${money(clerkCash)} · ${money(-SHIFT_SHORT)} (thiếu)`);
    expect(facts).toContain(`đếm ${money(clerkTransfer)} / sổ ${money(clerkTransfer)} · 0 đ (khớp)`);
    expect(facts).toContain(SHIFT_REASON);
    // The shift-close paper reached the network receipt printer.
    await expect.poll(() => printer.emulator.text(), { timeout: 15_000 }).toContain('BÁO CÁO KẾT CA');
    await page.screenshot({ path: path.join(shots, 'dayclose-1-shift-closed.png'), fullPage: true });
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
  });

  it('the manager’s close settings: an invalid threshold is refused on the form, a valid one is saved and stays', async () => {
    await signIn(MANAGER.username, MANAGER.password, 'Khóa sổ ngày');
    await nav('Khóa sổ ngày');
    await page.getByRole('tab', { name: 'Cài đặt khóa sổ' }).click();
    const panel = page.getByRole('tabpanel', { name: 'Cài đặt khóa sổ' });
    const threshold = panel.getByLabel('Chênh lệch tiền cần quản lý duyệt khi vượt quá');
    await expect.poll(() => threshold.inputValue()).toBe('50.000');
    expect(await panel.getByLabel('Cấp Tỉnh', { exact: true }).inputValue()).toBe('85');
    expect(await panel.getByLabel('Cấp Xã', { exact: true }).inputValue()).toBe('60');
    const notDelivered = panel.getByRole('checkbox', { name: 'Kết quả đã nhận chưa trả cho công dân' });
    expect(await notDelivered.isChecked()).toBe(true);

    await threshold.fill('abc');
    await panel.getByRole('button', { name: 'Lưu cài đặt' }).click();
    await expect.poll(() => panel.getByRole('alert').allTextContents()).toContain('Chưa gửi: còn 1 chỗ cần điền hoặc sửa (đánh dấu đỏ).');
    await expect.poll(() => panel.getByText('Nhập số tiền từ 0 đến 100.000.000 đ.').count()).toBe(1);
    expect(await threshold.getAttribute('aria-invalid')).toBe('true');
    expect(await panel.getByText('Đã lưu cài đặt khóa sổ.').count()).toBe(0);
    const saved = () => {
      const db = new Database(dbFile(), { readonly: true, fileMustExist: true });
      try {
        const v = db.prepare("SELECT value FROM setting WHERE key = 'dayClose.config'").pluck().get() as string | undefined;
        return v === undefined ? null : (JSON.parse(v) as { differenceThreshold: number; blockOn: string[]; bcciTargets: { level: string; percent: number }[] });
      } finally {
        db.close();
      }
    };
    expect(saved()).toBeNull();

    await threshold.fill('5.000');
    await notDelivered.uncheck();
    await panel.getByRole('button', { name: 'Lưu cài đặt' }).click();
    await panel.getByRole('status').filter({ hasText: 'Đã lưu cài đặt khóa sổ.' }).waitFor();
    expect(await panel.getByRole('alert').count()).toBe(0);
    expect(saved()).toMatchObject({
      differenceThreshold: 5000,
      blockOn: ['printJobs', 'notInManifest', 'feesOutstanding', 'openShifts'],
    });
    // saved in the catalogue's level order, whatever order the defaults had
    expect(saved()?.bcciTargets).toHaveLength(2);
    expect(saved()?.bcciTargets).toEqual(
      expect.arrayContaining([
        { level: 'Cấp Tỉnh', percent: 85 },
        { level: 'Cấp Xã', percent: 60 },
      ]),
    );

    // A reload (a new sign-in) shows what was saved.
    await page.reload();
    await signIn(MANAGER.username, MANAGER.password, 'Khóa sổ ngày');
    await nav('Khóa sổ ngày');
    await page.getByRole('tab', { name: 'Cài đặt khóa sổ' }).click();
    await expect.poll(() => panel.getByLabel('Chênh lệch tiền cần quản lý duyệt khi vượt quá').inputValue()).toBe('5.000');
    expect(await panel.getByRole('checkbox', { name: 'Kết quả đã nhận chưa trả cho công dân' }).isChecked()).toBe(false);
    expect(await panel.getByRole('checkbox', { name: 'Hồ sơ đã nhận chưa vào bảng kê bàn giao' }).isChecked()).toBe(true);
    expect(await panel.getByLabel('Cấp Tỉnh', { exact: true }).inputValue()).toBe('85');
    expect(await panel.getByLabel('Cấp Xã', { exact: true }).inputValue()).toBe('60');
  });

  let shownCash: string[];
  let shownTransfer: string[];

  it('the manager closes the day: open work overridden, a blind count over the new threshold approved, the Z report printed', async () => {
    await page.getByRole('tab', { name: 'Các bước khóa sổ' }).click();
    const panel = page.getByRole('tabpanel', { name: 'Các bước khóa sổ' });
    // The day by name (the day of the receptions), whatever the clock says by now.
    await panel.getByLabel('Ngày khóa sổ').fill(displayDate(DAY));
    await panel.getByRole('button', { name: 'Chọn ngày' }).click();

    // Step 1: what is still open. The clerk's shift is closed; the dossiers wait for a manifest.
    await panel.getByRole('heading', { name: 'Việc còn dở' }).waitFor();
    const notInManifest = panel.getByRole('region', { name: 'Hồ sơ đã nhận chưa vào bảng kê bàn giao' });
    await expect.poll(async () => squash(await notInManifest.textContent())).toContain(`còn ${codes.length}`);
    for (const code of codes) expect(await notInManifest.getByRole('cell', { name: code }).count()).toBe(1);
    expect(squash(await panel.getByRole('region', { name: 'Giao dịch viên chưa kết ca' }).textContent())).toContain('không còn');
    expect(squash(await panel.getByRole('region', { name: 'Phí, lệ phí thu hộ chưa bàn giao cho cơ quan' }).textContent())).toMatch(/còn \d/);
    expect(squash(await panel.getByRole('status').first().textContent())).toContain('Còn việc dở phải xử lý trước khi khóa sổ');
    // Going on without a reason is refused in words.
    await panel.getByRole('button', { name: 'Ghi lý do và đếm tiền' }).click();
    await expect.poll(() => panel.getByText('Còn việc dở: ghi lý do vẫn khóa sổ (ít nhất 5 ký tự), hoặc xử lý xong rồi kiểm tra lại.').count()).toBe(1);
    expect(await panel.getByRole('heading', { name: 'Đếm tiền (đếm mù)' }).count()).toBe(0);
    await panel.getByLabel('Lý do vẫn khóa sổ khi còn việc dở').fill(OVERRIDE);
    await panel.getByRole('button', { name: 'Ghi lý do và đếm tiền' }).click();

    // Step 2: the blind count of the whole office, 20.000 đ short.
    await panel.getByRole('heading', { name: 'Đếm tiền (đếm mù)' }).waitFor();
    expect(await panel.getByTestId('count-comparison').count()).toBe(0);
    expect(squash(await panel.textContent())).not.toContain(money(dayCash));
    await typeCount(panel, dayCash - DAY_SHORT, dayTransfer);
    await panel.getByRole('button', { name: 'Gửi số đã đếm' }).click();

    // Step 3: the ledger's figures, the difference; above 5.000 đ it needs a manager's approval.
    await panel.getByRole('heading', { name: 'Đối chiếu và chênh lệch' }).waitFor();
    shownCash = await comparison(panel, 'Tiền mặt');
    shownTransfer = await comparison(panel, 'Chuyển khoản');
    expect(shownCash).toEqual([money(dayCash), money(dayCash - DAY_SHORT), `${money(-DAY_SHORT)} (thiếu)`]);
    expect(shownTransfer).toEqual([money(dayTransfer), money(dayTransfer), '0 đ (khớp)']);
    const approval = panel.getByRole('group', { name: 'Trưởng bưu cục duyệt chênh lệch' });
    expect(squash(await approval.textContent())).toContain('Chênh lệch vượt ngưỡng 5.000 đ');
    await panel.getByRole('button', { name: 'Tiếp tục: khóa sổ' }).click();
    await expect.poll(() => panel.getByRole('alert').allTextContents()).toContain('Chưa gửi: còn 3 chỗ cần điền hoặc sửa (đánh dấu đỏ).');
    await panel.getByLabel('Lý do chênh lệch').fill(DAY_REASON);
    // The service lets a manager approve her own count (auth.approve checks the role only).
    await approval.getByLabel('Tên đăng nhập người duyệt').fill(MANAGER.username);
    await approval.getByLabel('Mật khẩu người duyệt').fill(MANAGER.password);
    await panel.getByRole('button', { name: 'Tiếp tục: khóa sổ' }).click();

    // Step 4: the recap, nothing remitted, and the close.
    const confirm = panel.getByRole('group', { name: 'Khóa sổ', exact: true });
    await confirm.waitFor();
    const recap = squash(await confirm.locator('dl').first().textContent());
    expect(recap).toContain(`Vẫn khóa sổ khi còn việc dở. Lý do: ${OVERRIDE}`);
    expect(recap).toContain(`đếm ${money(dayCash - DAY_SHORT)} / sổ ${money(dayCash)} · ${money(-DAY_SHORT)} (thiếu)`);
    expect(recap).toContain(DAY_REASON);
    expect(await confirm.getByLabel('Tiền mặt nộp về (ngân hàng, cấp trên)').inputValue()).toBe('0');
    await expect.poll(async () => squash(await confirm.getByTestId('cash-carried').textContent())).toContain(money(dayCash - DAY_SHORT));
    await confirm.getByRole('button', { name: 'Khóa sổ và in báo cáo Z' }).click();
    await panel.getByRole('heading', { name: `Đã khóa sổ ngày ${displayDate(DAY)} — báo cáo Z số 1` }).waitFor({ timeout: 20_000 });
    // The Z report on the counter's printer.
    await expect.poll(() => squash(printer.emulator.text()), { timeout: 15_000 }).toContain('BÁO CÁO KHÓA SỔ CUỐI NGÀY (Z)');
    expect(squash(printer.emulator.text())).toContain(formatMoney(dayCash - DAY_SHORT));
    await page.screenshot({ path: path.join(shots, 'dayclose-2-day-closed.png'), fullPage: true });

    // The history lists the close with its difference, reason, approval and override.
    await page.getByRole('tab', { name: 'Lịch sử khóa sổ' }).click();
    const history = page.getByRole('tabpanel', { name: 'Lịch sử khóa sổ' }).getByTestId('day-closes');
    const row = history.getByRole('row').filter({ hasText: displayDate(DAY) });
    await row.waitFor();
    const line = squash(await row.textContent());
    expect(line).toContain(money(dayCash - DAY_SHORT));
    expect(line).toContain(money(-DAY_SHORT));
    expect(line).toContain(`Lý do chênh lệch: ${DAY_REASON}`);
    expect(line).toContain(`Người duyệt: ${MANAGER.fullName}`);
    expect(line).toContain(`Khóa khi còn việc dở: ${OVERRIDE}`);
    await page.screenshot({ path: path.join(shots, 'dayclose-3-history.png'), fullPage: true });
  });

  it('the SQLite file holds the closes as typed, and the figures shown are the ledger’s sums', () => {
    expect(errors).toEqual([]);
    const db = new Database(dbFile(), { readonly: true, fileMustExist: true });
    try {
      const sum = (where: string, ...args: unknown[]) => db.prepare(`SELECT coalesce(sum(amount), 0) FROM ledger_entry WHERE ${where}`).pluck().get(...args) as number;
      const managerId = db.prepare('SELECT id FROM app_user WHERE username = ?').pluck().get(MANAGER.username) as number;
      const close = db.prepare('SELECT * FROM day_close').all() as Record<string, unknown>[];
      expect(close).toHaveLength(1);
      expect(close[0]).toMatchObject({
        sequence: 1,
        day: DAY,
        closed_by: managerId,
        cash_counted: dayCash - DAY_SHORT,
        cash_expected: sum("day = ? AND payment_method = 'cash'", DAY),
        transfer_confirmed: dayTransfer,
        transfer_expected: sum("day = ? AND payment_method = 'transfer'", DAY),
        reason: DAY_REASON,
        approved_by: managerId,
        override_reason: OVERRIDE,
        cash_remitted: 0,
      });
      // What the comparison showed is the ledger's sums for the day.
      expect(shownCash[0]).toBe(money(close[0].cash_expected as number));
      expect(shownTransfer[0]).toBe(money(close[0].transfer_expected as number));
      const count = db.prepare('SELECT denominations FROM cash_count WHERE id = ?').pluck().get(close[0].count_id) as string;
      expect((JSON.parse(count) as [number, number][]).filter(([, n]) => n > 0)).toEqual(notesFor(dayCash - DAY_SHORT).map((n) => [n.value, n.count]));

      const shift = db.prepare('SELECT s.*, u.username FROM shift_close s JOIN app_user u ON u.id = s.clerk_id').all() as Record<string, unknown>[];
      expect(shift).toHaveLength(1);
      expect(shift[0]).toMatchObject({
        username: CLERK.username,
        cash_expected: clerkCash,
        cash_counted: clerkCash - SHIFT_SHORT,
        transfer_expected: clerkTransfer,
        transfer_confirmed: clerkTransfer,
        reason: SHIFT_REASON,
        approved_by: null,
        line_count: clerkLines,
      });
      const config = JSON.parse(db.prepare("SELECT value FROM setting WHERE key = 'dayClose.config'").pluck().get() as string) as { differenceThreshold: number };
      expect(config.differenceThreshold).toBe(5000);
    } finally {
      db.close();
    }
  });
});
