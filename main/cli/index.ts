import { Command, CommanderError, Option } from 'commander';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ApiError } from '../../shared/api/errors';
import type { ImportProblem, SearchFilters } from '../../shared/api/contract';
import { openApp, type App } from '../app/compose';
import { DATA_DIR_ENV, resolveDataDir } from '../app/paths';
import { checkDatabase } from '../db/database';
import { newContext } from '../services/context';
import { addPrinterCommands } from './printerCommands';
import { addReportCommands, dossierStatusProblems, dossierStatusSummary, sealProblems, sealSummary } from './reportCommands';

/** Exit codes: 0 done, 1 failed, 2 wrong usage, 3 a file was rejected (report printed). */
class CliFailure extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

const out = (s: string) => process.stdout.write(s.endsWith('\n') ? s : `${s}\n`);

function withApp<T>(program: Command, fn: (app: App) => Promise<T> | T): Promise<T> {
  const { dataDir } = program.opts<{ dataDir?: string }>();
  const app = openApp({ dataDir: resolveDataDir(dataDir), host: 'browser', log: () => {}, startDevices: false });
  return Promise.resolve()
    .then(() => fn(app))
    .finally(() => app.close());
}

function cliContext() {
  const ctx = newContext();
  ctx.actor = `cli:${os.userInfo().username}`;
  return ctx;
}

function formatProblem(p: ImportProblem): string {
  const where = [p.sheet && `sheet "${p.sheet}"`, p.row && `dòng ${p.row}`, p.column && `cột "${p.column}"`].filter(Boolean).join(', ');
  return where ? `${where}: ${p.message}` : p.message;
}

const yesNo = (v: string): boolean => {
  if (['yes', 'co', 'có', '1', 'true'].includes(v.toLowerCase())) return true;
  if (['no', 'khong', 'không', '0', 'false'].includes(v.toLowerCase())) return false;
  throw new CliFailure(`"${v}" phải là yes hoặc no`, 2);
};

export function buildProgram(): Command {
  const program = new Command()
    .name('bcci-counter')
    .description('BCCI Counter — công cụ quản trị cho bộ phận CNTT (cùng dịch vụ với ứng dụng)')
    .option('--data-dir <dir>', `thư mục dữ liệu (mặc định: ${DATA_DIR_ENV} hoặc thư mục dữ liệu người dùng)`)
    .showHelpAfterError()
    .exitOverride();

  const catalogue = program.command('catalogue').description('danh mục thủ tục hành chính').exitOverride();

  catalogue
    .command('import')
    .description('nhập danh mục từ tệp XLSX hoặc JSON (tất cả hoặc không: tệp có lỗi không thay đổi gì)')
    .argument('<file>', 'tệp .xlsx hoặc .json')
    .option('--merge', 'bổ sung / cập nhật theo mã TTHC thay vì thay thế toàn bộ')
    .option('--dry-run', 'chỉ kiểm tra tệp, không ghi')
    .action(async (file: string, o: { merge?: boolean; dryRun?: boolean }) => {
      if (!fs.existsSync(file)) throw new CliFailure(`Không tìm thấy tệp ${file}`);
      const content = fs.readFileSync(file);
      await withApp(program, async (app) => {
        if (o.dryRun) {
          const parsed = await app.services.catalogue.parse(path.basename(file), content);
          parsed.warnings.forEach((w) => process.stderr.write(`Cảnh báo: ${formatProblem(w)}\n`));
          if (parsed.problems.length) {
            parsed.problems.forEach((p) => process.stderr.write(`Lỗi: ${formatProblem(p)}\n`));
            throw new CliFailure(`Tệp có ${parsed.problems.length} lỗi.`, 3);
          }
          out(`Tệp hợp lệ: ${parsed.procedures.length} thủ tục (chưa ghi gì).`);
          return;
        }
        const r = await app.services.catalogue.import(cliContext(), path.basename(file), content, o.merge ? 'merge' : 'replace');
        r.warnings.forEach((w) => process.stderr.write(`Cảnh báo: ${formatProblem(w)}\n`));
        if (r.status === 'rejected') {
          r.problems.forEach((p) => process.stderr.write(`Lỗi: ${formatProblem(p)}\n`));
          throw new CliFailure(`Tệp có ${r.problems.length} lỗi; danh mục không thay đổi.`, 3);
        }
        out(`Đã nhập: phiên bản ${r.version}, ${r.count} thủ tục.`);
      });
    });

  catalogue
    .command('export')
    .description('xuất danh mục đang dùng; định dạng theo đuôi tệp (.json giữ đầy đủ, .xlsx theo mẫu công bố)')
    .argument('<file>', 'tệp .json hoặc .xlsx')
    .action(async (file: string) => {
      const format = file.toLowerCase().endsWith('.xlsx') ? 'xlsx' : file.toLowerCase().endsWith('.json') ? 'json' : null;
      if (!format) throw new CliFailure('Tên tệp phải kết thúc bằng .json hoặc .xlsx', 2);
      await withApp(program, async (app) => {
        const f = await app.services.catalogue.export(format);
        fs.writeFileSync(file, Buffer.from(f.contentBase64, 'base64'));
        out(`Đã xuất ${app.services.catalogue.all().length} thủ tục ra ${file}`);
      });
    });

  catalogue
    .command('template')
    .description('ghi tệp XLSX mẫu để nhập danh mục')
    .argument('<file>', 'tệp .xlsx')
    .action(async (file: string) => {
      await withApp(program, async (app) => {
        fs.writeFileSync(file, Buffer.from((await app.services.catalogue.template()).contentBase64, 'base64'));
        out(`Đã ghi tệp mẫu ${file}`);
      });
    });

  catalogue
    .command('published-list')
    .description('ghi danh mục TTHC tiếp nhận / không tiếp nhận qua BCCI (XLSX)')
    .argument('<file>', 'tệp .xlsx')
    .action(async (file: string) => {
      await withApp(program, async (app) => {
        const point = app.services.setup.point();
        const f = await app.services.catalogue.publishedList(point ? `${point.name} (${point.code})` : '');
        fs.writeFileSync(file, Buffer.from(f.contentBase64, 'base64'));
        out(`Đã ghi ${file}`);
      });
    });

  catalogue
    .command('search')
    .description('tìm thủ tục theo tên (có dấu hoặc không) hoặc mã')
    .argument('<query...>', 'từ khóa')
    .option('--json', 'in JSON: mảng, khớp nhất trước')
    .addOption(new Option('--limit <n>', 'số kết quả tối đa').default(20).argParser((v) => Number(v)))
    .option('--level <name>', 'lọc theo cấp thực hiện')
    .option('--field <name>', 'lọc theo lĩnh vực')
    .option('--agency <name>', 'lọc theo cơ quan thực hiện')
    .option('--receive <yes|no>', 'lọc theo tiếp nhận qua BCCI')
    .option('--return <yes|no>', 'lọc theo trả kết quả qua BCCI')
    .action(async (words: string[], o: { json?: boolean; limit: number; level?: string; field?: string; agency?: string; receive?: string; return?: string }) => {
      if (!Number.isInteger(o.limit) || o.limit < 1 || o.limit > 20_000) throw new CliFailure('--limit phải là số nguyên từ 1 đến 20000', 2);
      const filters: SearchFilters = {};
      if (o.level) filters.level = o.level;
      if (o.field) filters.field = o.field;
      if (o.agency) filters.agency = o.agency;
      if (o.receive) filters.receive = yesNo(o.receive);
      if (o.return) filters.return = yesNo(o.return);
      await withApp(program, (app) => {
        const r = app.services.catalogue.search(words.join(' '), filters, o.limit);
        if (o.json) out(JSON.stringify(r.items, null, 2));
        else if (r.items.length === 0) out('Không tìm thấy thủ tục nào.');
        else {
          for (const p of r.items) out(`${p.code.padEnd(14)} ${p.name}  [${p.field} · ${p.level}${p.bcciReceive ? '' : ' · KHÔNG nhận qua BCCI'}]`);
          if (r.total > r.items.length) out(`… và ${r.total - r.items.length} thủ tục khác (--limit)`);
        }
      });
    });

  addPrinterCommands(
    program,
    (fn) => withApp(program, fn),
    (message, code = 1) => {
      throw new CliFailure(message, code);
    },
    out,
  );

  addReportCommands(
    program,
    (fn) => withApp(program, fn),
    (message, code = 1) => {
      throw new CliFailure(message, code);
    },
    out,
  );

  const db = program.command('db').description('cơ sở dữ liệu').exitOverride();
  db.command('check')
    .description('kiểm tra toàn vẹn và trạng thái migration')
    .option('--json', 'in JSON')
    .action(async (o: { json?: boolean }) => {
      await withApp(program, (app) => {
        const c = checkDatabase(app.db, app.paths.migrations);
        const problems: string[] = [];
        if (c.integrity.length !== 1 || c.integrity[0] !== 'ok') problems.push(`integrity_check: ${c.integrity.join('; ')}`);
        if (c.foreignKeyViolations > 0) problems.push(`${c.foreignKeyViolations} vi phạm khóa ngoại`);
        if (c.schemaVersion !== c.latestVersion) problems.push(`schema ${c.schemaVersion} khác bản mới nhất ${c.latestVersion}`);
        problems.push(...sealProblems(c.seals), ...dossierStatusProblems(c.dossierStatus));
        if (o.json) out(JSON.stringify({ ...c, file: app.paths.dbFile, ok: problems.length === 0, problems }, null, 2));
        else {
          out(`Tệp: ${app.paths.dbFile}`);
          out(`Toàn vẹn: ${c.integrity.join('; ')}`);
          out(`Khóa ngoại: ${c.foreignKeyViolations === 0 ? 'ok' : c.foreignKeyViolations + ' vi phạm'}`);
          out(`Migration: ${c.schemaVersion}/${c.latestVersion}${c.schemaVersion === c.latestVersion ? ' (mới nhất)' : ''}`);
          out(`Journal: ${c.journalMode}`);
          out(sealSummary(c.seals));
          out(dossierStatusSummary(c.dossierStatus));
        }
        if (problems.length) throw new CliFailure(`Cơ sở dữ liệu có vấn đề: ${problems.join('; ')}`);
      });
    });
  db.command('backup')
    .description('sao lưu trực tuyến ra một tệp (ứng dụng vẫn có thể đang chạy)')
    .argument('<file>', 'tệp đích')
    .option('--force', 'ghi đè nếu tệp đã có')
    .action(async (file: string, o: { force?: boolean }) => {
      const target = path.resolve(file);
      if (fs.existsSync(target) && !o.force) throw new CliFailure(`Tệp ${file} đã tồn tại (dùng --force để ghi đè).`);
      if (!fs.existsSync(path.dirname(target))) throw new CliFailure(`Thư mục ${path.dirname(target)} không tồn tại.`);
      await withApp(program, async (app) => {
        if (fs.existsSync(target)) fs.rmSync(target);
        await app.db.backup(target);
        out(`Đã sao lưu ${app.paths.dbFile} → ${target} (${fs.statSync(target).size} byte)`);
      });
    });
  return program;
}

export async function runCli(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    if (argv.length <= 2) {
      program.outputHelp();
      return 2;
    }
    await program.parseAsync(argv);
    return 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.help' || err.code === 'commander.version') return 0;
      return 2;
    }
    if (err instanceof CliFailure) {
      process.stderr.write(`${err.message}\n`);
      return err.exitCode;
    }
    if (err instanceof ApiError) {
      process.stderr.write(`${err.message}\n`);
      return 1;
    }
    process.stderr.write(`Lỗi: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
}

process.exitCode = await runCli(process.argv);
