import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, startHostProcess, watchApiCalls, watchPageErrors, type ApiCallLog, type RunningHost } from '../support/browserMode';
import { repoRoot, tempDir } from '../support/temp';

/**
 * A new post office's first minutes, in Chromium against the real browser-mode host:
 * first run → sign in → search without diacritics → open the procedure → its checklist and fees.
 */
let browser: Browser;
let host: RunningHost;
let page: Page;
let errors: string[];
let apiCalls: ApiCallLog;
let cleanup: () => void;
const shots = path.join(repoRoot, 'test-results', 'e2e');
// A string, so this Node-typed test needs no DOM types; it runs in the page.
const focusedLabel = () => page.evaluate('document.activeElement && document.activeElement.getAttribute("aria-label")');
const results = () => page.getByRole('listbox', { name: 'Tìm thủ tục hành chính' }).getByRole('option');

beforeAll(async () => {
  const t = tempDir();
  cleanup = t.cleanup;
  fs.mkdirSync(shots, { recursive: true });
  host = await startHostProcess(t.dir);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 860 }, locale: 'vi-VN' });
  page.setDefaultTimeout(8_000);
  errors = watchPageErrors(page);
  apiCalls = watchApiCalls(page);
});
afterAll(async () => {
  await browser?.close();
  await host?.stop();
  cleanup?.();
});

describe('foundation end to end', () => {
  it('refuses the UI without the launch token', async () => {
    const bare = await browser.newPage();
    await bare.goto(host.origin + '/');
    await expect(bare.getByRole('alert').textContent()).resolves.toContain('Thiếu mã phiên');
    await bare.close();
  });

  it('first run: a half-filled form is refused field by field; the full form creates the point and the manager', async () => {
    await page.goto(host.url);
    await page.getByRole('heading', { name: 'Thiết lập lần đầu' }).waitFor();
    await page.getByLabel('Mã điểm giao dịch').fill('bc560100');
    await page.getByLabel('Tên điểm giao dịch').fill('Bưu cục Trung tâm Phan Rang');
    await page.getByRole('button', { name: 'Hoàn tất thiết lập' }).click();
    await expect(page.getByText('Bắt buộc nhập.').count()).resolves.toBeGreaterThanOrEqual(4);
    await expect(page.getByLabel('Mã điểm giao dịch').inputValue()).resolves.toBe('BC560100');

    await page.getByLabel('Tỉnh / thành phố').fill('Khánh Hòa');
    await page.getByLabel('Xã / phường / đặc khu').fill('Phường Phan Rang');
    await page.getByLabel('Loại điểm').selectOption('service_center');
    await page.getByLabel('Họ và tên').fill('Nguyễn Thị Hoa');
    await page.getByLabel('Tên đăng nhập').fill('hoa.nt');
    await page.getByLabel('Mật khẩu', { exact: true }).fill('mat-khau-123');
    await page.getByLabel('Nhập lại mật khẩu').fill('mat-khau-124');
    await page.getByRole('button', { name: 'Hoàn tất thiết lập' }).click();
    await page.getByText('Hai mật khẩu không khớp.').waitFor();
    await page.getByLabel('Nhập lại mật khẩu').fill('mat-khau-123');
    await page.screenshot({ path: path.join(shots, '01-first-run.png') });
    await page.getByRole('button', { name: 'Hoàn tất thiết lập' }).click();
    await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
    await expect(page.getByText('Điểm giao dịch: Bưu cục Trung tâm Phan Rang (BC560100)').isVisible()).resolves.toBe(true);
  });

  it('sign-in: a wrong password is refused in Vietnamese; the right one opens the counter', async () => {
    await page.getByLabel('Tên đăng nhập').fill('hoa.nt');
    await page.getByLabel('Mật khẩu').fill('sai-mat-khau');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByText('Tên đăng nhập hoặc mật khẩu không đúng.').waitFor();
    await page.getByLabel('Mật khẩu').fill('mat-khau-123');
    await page.keyboard.press('Enter');
    await page.getByText('Nguyễn Thị Hoa · Trưởng bưu cục').waitFor();
    await page.getByRole('button', { name: 'Tra cứu thủ tục' }).click();
  });

  it('search without diacritics, arrows and Enter open the procedure with its checklist, fees and processing time', async () => {
    await expect.poll(focusedLabel).toBe('Tìm thủ tục hành chính');
    // A person's pace: keys 15 ms apart would be a barcode scanner, which never types into the field.
    await page.keyboard.type('giay phep lai xe', { delay: 70 });
    // Every keystroke queries the host and the newest reply resets the selection: the prefix
    // "giay phep lai x" lists the same procedures, so wait for the reply to the whole query before
    // pressing ArrowDown, or it could land just after the arrow and select the first one again.
    await apiCalls.latestAnswered('catalogue.search', (p) => p.query === 'giay phep lai xe');
    const options = results();
    await expect.poll(() => options.first().textContent()).toMatch(/giấy phép lái xe/i);
    const secondName = (await options.nth(1).locator('.name').textContent()) as string;
    await page.screenshot({ path: path.join(shots, '02-search.png') });
    await page.keyboard.press('ArrowDown');
    await expect(options.nth(1).getAttribute('aria-selected')).resolves.toBe('true');
    await page.keyboard.press('Enter');
    const heading = page.getByRole('heading', { level: 1 });
    await expect.poll(() => heading.textContent()).toBe(secondName);
    await expect(page.getByTestId('checklist').locator('tbody tr').count()).resolves.toBeGreaterThan(0);
    await expect(page.getByTestId('checklist').textContent()).resolves.toMatch(/Bản chính|Bản sao/);
    await expect(page.getByTestId('fees').textContent()).resolves.toMatch(/135\.000 đ/);
    await expect(page.getByTestId('processing').textContent()).resolves.toMatch(/ngày làm việc/);
    await page.screenshot({ path: path.join(shots, '03-procedure.png'), fullPage: true });
    await page.keyboard.press('Escape');
    await expect.poll(focusedLabel).toBe('Tìm thủ tục hành chính');
  });

  it('a procedure not accepted via BCCI says so plainly', async () => {
    const search = page.getByRole('combobox', { name: 'Tìm thủ tục hành chính' });
    await search.fill('chung thuc chu ky');
    await expect.poll(() => results().first().textContent()).toMatch(/Chứng thực chữ ký/);
    await page.keyboard.press('Enter');
    await page.getByText('Thủ tục này KHÔNG được tiếp nhận qua dịch vụ bưu chính công ích.', { exact: false }).waitFor();
    // Esc back to the list is covered above; here the clerk clicks the back link.
    await page.getByRole('button', { name: /Quay lại tìm kiếm/ }).click();
    await search.waitFor();
  });

  it('finds by code and by diacritics the same way', async () => {
    const search = page.getByRole('combobox', { name: 'Tìm thủ tục hành chính' });
    await search.fill('001193');
    await expect.poll(() => results().first().textContent()).toMatch(/1\.001193.*đăng ký khai sinh/i);
    await search.fill('đăng ký kết hôn');
    await expect.poll(() => results().first().textContent()).toMatch(/đăng ký kết hôn/i);
    await search.fill('khong co thu tuc nao nhu the nay');
    await page.getByText('Không tìm thấy thủ tục nào khớp').waitFor();
  });

  it('locks on demand and unlocks with the password', async () => {
    await page.keyboard.press('Control+l');
    await page.getByRole('heading', { name: 'Phiên làm việc đã khóa' }).waitFor();
    await page.getByLabel('Mật khẩu').fill('mat-khau-123');
    await page.keyboard.press('Enter');
    await page.getByRole('combobox', { name: 'Tìm thủ tục hành chính' }).waitFor();
    expect(errors).toEqual([]);
  });
});
