import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOCUMENT_HEADER, PROCEDURE_HEADER, workbook } from '../support/xlsx';
import { repoRoot, tempDir } from '../support/temp';

/** Runs the real `bcci-counter` bin, as the IT person would with npx. */
function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [path.join(repoRoot, 'bin', 'bcci-counter.mjs'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, BCCI_COUNTER_DATA_DIR: '' },
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

let dir: string;
let cleanup: () => void;
let data: string;
beforeAll(() => {
  ({ dir, cleanup } = tempDir());
  data = path.join(dir, 'data');
});
afterAll(() => cleanup());

// Each test spawns the CLI (tsx, ~1–4 s a run, more on a loaded 2-core machine or with a cold
// transform cache) several times; the 30 s default left too little room for a test of 3–5 runs.
describe('bcci-counter CLI', { timeout: 120_000 }, () => {
  it('prints help at every level', () => {
    for (const args of [['--help'], ['catalogue', '--help'], ['catalogue', 'search', '--help'], ['db', '--help'], ['db', 'backup', '--help']]) {
      const r = cli(...args);
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.stdout).toMatch(/Usage: bcci-counter/);
    }
  });

  it('starts a new data folder with the sample catalogue and searches it as JSON, best match first', () => {
    const r = cli('--data-dir', data, 'catalogue', 'search', 'dang ky ket hon', '--json');
    expect(r.code, r.stderr).toBe(0);
    const items = JSON.parse(r.stdout) as { code: string; name: string }[];
    expect(Array.isArray(items)).toBe(true);
    expect(items[0]).toMatchObject({ code: '1.000894', name: 'Thủ tục đăng ký kết hôn' });
    const byCode = JSON.parse(cli('--data-dir', data, 'catalogue', 'search', '001193', '--json').stdout) as { code: string }[];
    expect(byCode[0].code).toBe('1.001193');
  });

  it('exports, and re-imports its own export', () => {
    const json = path.join(dir, 'catalogue.json');
    const xlsx = path.join(dir, 'catalogue.xlsx');
    expect(cli('--data-dir', data, 'catalogue', 'export', json).code).toBe(0);
    expect(cli('--data-dir', data, 'catalogue', 'export', xlsx).code).toBe(0);
    expect(JSON.parse(fs.readFileSync(json, 'utf8')).procedures.length).toBeGreaterThanOrEqual(40);
    const r = cli('--data-dir', data, 'catalogue', 'import', xlsx);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Đã nhập: phiên bản 2/);
  });

  it('rejects a bad file with every problem listed, a non-zero exit code, and the catalogue unchanged', async () => {
    const before = cli('--data-dir', data, 'catalogue', 'search', '', '--json', '--limit', '20000').stdout;
    const bad = path.join(dir, 'bad.xlsx');
    fs.writeFileSync(
      bad,
      await workbook({
        'Thủ tục': [
          PROCEDURE_HEADER.filter((h) => h !== 'Lĩnh vực'),
          ['1.100001', 'Thủ tục A', 'Cấp Xã', 'UBND cấp xã', 'x', 'x', 5, '', ''],
          ['1.100001', 'Thủ tục A lặp', 'Cấp Xã', 'UBND cấp xã', 'x', 'x', 5, '', ''],
          ['1.100002', 'Thủ tục B', 'Cấp Xã', 'UBND cấp xã', 'x', 'x', 5, 'mười nghìn', ''],
        ],
        'Thành phần hồ sơ': [DOCUMENT_HEADER, ['1.999999', 1, 'Giấy tờ mồ côi', 1, 0, 'Bắt buộc', '', '']],
      }),
    );
    const r = cli('--data-dir', data, 'catalogue', 'import', bad);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('thiếu cột "Lĩnh vực"');
    expect(r.stderr).toContain('mã TTHC 1.100001 trùng với dòng 2');
    expect(r.stderr).toContain('"mười nghìn" không phải số tiền');
    expect(r.stderr).toContain('mã TTHC 1.999999 không có trong sheet "Thủ tục"');
    expect(r.stderr).toContain('danh mục không thay đổi');
    expect(cli('--data-dir', data, 'catalogue', 'search', '', '--json', '--limit', '20000').stdout).toBe(before);
  });

  it('checks the database and backs it up to a file that opens as the same catalogue', () => {
    const check = cli('--data-dir', data, 'db', 'check', '--json');
    expect(check.code, check.stderr).toBe(0);
    expect(JSON.parse(check.stdout)).toMatchObject({ ok: true, integrity: ['ok'], foreignKeyViolations: 0, journalMode: 'wal' });
    const backup = path.join(dir, 'backup', 'copy.sqlite');
    fs.mkdirSync(path.dirname(backup));
    expect(cli('--data-dir', data, 'db', 'backup', backup).code).toBe(0);
    expect(cli('--data-dir', data, 'db', 'backup', backup).code).toBe(1); // exists: refuses without --force
    const restored = path.join(dir, 'restored');
    fs.mkdirSync(restored);
    fs.copyFileSync(backup, path.join(restored, 'bcci-counter.sqlite'));
    const a = cli('--data-dir', data, 'catalogue', 'search', 'khai sinh', '--json').stdout;
    expect(cli('--data-dir', restored, 'catalogue', 'search', 'khai sinh', '--json').stdout).toBe(a);
  });

  it('fails clearly on wrong usage and missing files', () => {
    expect(cli('catalogue', 'frobnicate').code).toBe(2);
    const missing = cli('--data-dir', data, 'catalogue', 'import', path.join(dir, 'khong-co.xlsx'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/Không tìm thấy tệp/);
    expect(cli('--data-dir', data, 'catalogue', 'export', path.join(dir, 'x.csv')).code).toBe(2);
  });

  it('refuses a database from a newer version of the app with a clear message', async () => {
    const Database = (await import('better-sqlite3')).default;
    const newer = path.join(dir, 'newer');
    fs.mkdirSync(newer);
    const db = new Database(path.join(newer, 'bcci-counter.sqlite'));
    db.pragma('user_version = 99');
    db.close();
    const r = cli('--data-dir', newer, 'db', 'check');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/phiên bản mới hơn/);
  });
});
