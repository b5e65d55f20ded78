#!/usr/bin/env node
// `npm start`: the Electron window when its runtime can be had; otherwise browser mode
// (the same services on 127.0.0.1, the same UI in the default browser), with a clear message.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const forceBrowser = args.includes('--browser') || process.env.BCCI_COUNTER_MODE === 'browser';
const passArgs = args.filter((a) => a !== '--browser');
const say = (line) => process.stdout.write(`[bcci-counter] ${line}\n`);

function run(cmd, cmdArgs, options = {}) {
  return spawnSync(cmd, cmdArgs, { cwd: root, stdio: 'inherit', ...options }).status === 0;
}

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

/** Builds the UI when it is missing or older than its sources. */
function ensureRenderer() {
  const index = path.join(root, 'dist', 'renderer', 'index.html');
  const built = fs.existsSync(index) ? fs.statSync(index).mtimeMs : 0;
  const sources = Math.max(newestMtime(path.join(root, 'renderer')), newestMtime(path.join(root, 'shared')));
  if (built >= sources) return;
  say('Đang build giao diện (lần đầu hoặc mã nguồn đã thay đổi)…');
  if (!run(process.execPath, [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'])) {
    say('Build giao diện thất bại. Xem lỗi ở trên.');
    process.exit(1);
  }
}

/** Path of the Electron binary, or null. Runs electron's own install script once when the binary is missing. */
function electronBinary() {
  const probe = () => {
    const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(require("electron"))'], { cwd: root, encoding: 'utf8' });
    return r.status === 0 && r.stdout && fs.existsSync(r.stdout) ? r.stdout : null;
  };
  let binary = probe();
  if (binary) return binary;
  const installer = path.join(root, 'node_modules', 'electron', 'install.js');
  if (!fs.existsSync(installer)) return null;
  say('Chưa có Electron runtime; đang tải về (cần Internet)…');
  const env = { ...process.env };
  delete env.ELECTRON_SKIP_BINARY_DOWNLOAD;
  const r = spawnSync(process.execPath, [installer], { cwd: path.dirname(installer), encoding: 'utf8', env, timeout: 5 * 60_000 });
  binary = r.status === 0 ? probe() : null;
  if (!binary) {
    // One line of why, not the downloader's stack trace.
    const why = `${r.stderr ?? ''}${r.error?.message ?? ''}`.split('\n').find((l) => l.trim()) ?? 'không rõ lý do';
    say(`Tải Electron thất bại: ${why.trim()}`);
  }
  return binary;
}

function startBrowserMode(reason) {
  if (reason) say(reason);
  say('Khởi động ở chế độ trình duyệt: máy chủ chỉ nghe trên 127.0.0.1, giao diện mở trong trình duyệt mặc định.');
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'main', 'host', 'browserMain.ts'), ...passArgs], {
    cwd: root,
    stdio: 'inherit',
  });
  const forward = (signal) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('exit', (code) => process.exit(code ?? 0));
}

ensureRenderer();
if (forceBrowser) {
  startBrowserMode();
} else {
  const electron = electronBinary();
  if (!electron) {
    startBrowserMode(
      'Không cài được Electron runtime trên máy này (không tải được tệp chạy Electron). ' +
        'Ứng dụng vẫn chạy đầy đủ ở chế độ trình duyệt. Để có cửa sổ riêng, chạy lại npm start khi máy có Internet.',
    );
  } else if (!run(process.execPath, [path.join(root, 'scripts', 'build-electron.mjs')])) {
    startBrowserMode('Không build được phần Electron hoặc module SQLite cho Electron; chuyển sang chế độ trình duyệt.');
  } else {
    const child = spawn(electron, [root, ...passArgs], { cwd: root, stdio: 'inherit' });
    child.on('exit', (code) => process.exit(code ?? 0));
  }
}
