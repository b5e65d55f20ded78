import { Command } from 'commander';
import { openApp } from '../app/compose';
import { resolveDataDir } from '../app/paths';
import { ApiError } from '../../shared/api/errors';
import { startBrowserHost } from './browserHost';
import { openInBrowser } from './openBrowser';

/**
 * Browser mode: the services in this Node process, the UI in the default browser.
 * Prints one machine-readable line `BCCI_COUNTER_URL <url>` for scripts and tests.
 */
async function main(): Promise<void> {
  const program = new Command()
    .name('bcci-counter-browser')
    .description('Chạy BCCI Counter ở chế độ trình duyệt (máy chủ 127.0.0.1 + giao diện trong trình duyệt)')
    .option('--data-dir <dir>', 'thư mục dữ liệu (mặc định: thư mục dữ liệu người dùng hoặc BCCI_COUNTER_DATA_DIR)')
    .option('--port <port>', 'cổng (mặc định: cổng trống bất kỳ)', (v) => Number(v))
    .option('--no-open', 'không tự mở trình duyệt')
    .parse();
  const opts = program.opts<{ dataDir?: string; port?: number; open: boolean }>();
  const dataDir = resolveDataDir(opts.dataDir);
  let app;
  try {
    app = openApp({ dataDir, host: 'browser' });
  } catch (err) {
    process.stderr.write(`${err instanceof ApiError ? err.message : String(err)}\n`);
    process.exit(1);
  }
  const host = await startBrowserHost({
    dispatch: app.dispatch,
    bus: app.services.bus,
    isActive: (ctx) => app.services.auth.isActive(ctx),
    rendererDir: app.paths.rendererDir,
    port: opts.port,
    log: (l) => process.stderr.write(`${l}\n`),
  });
  process.stdout.write(`Dữ liệu: ${app.paths.dbFile}\n`);
  process.stdout.write(`BCCI Counter đang chạy ở chế độ trình duyệt. Mở địa chỉ sau (có mã phiên riêng cho lần chạy này):\n`);
  process.stdout.write(`BCCI_COUNTER_URL ${host.url}\n`);
  if (opts.open && !process.env.CI) {
    const opened = await openInBrowser(host.url);
    if (!opened) process.stdout.write('Không mở được trình duyệt tự động; hãy dán địa chỉ trên vào trình duyệt.\n');
  }
  const stop = async () => {
    await host.close();
    await app.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  // e.g. the port given with --port is taken: one line a person can act on, not a stack trace.
  process.stderr.write(`Không khởi động được máy chủ chế độ trình duyệt: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
