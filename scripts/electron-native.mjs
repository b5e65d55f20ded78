#!/usr/bin/env node
// better-sqlite3 must match the ABI of the runtime that loads it. Tests and browser mode use
// Node's build in node_modules; Electron gets its own copy in .electron-native/, passed through
// better-sqlite3's `nativeBinding` option, so neither build breaks the other.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export async function buildNativeForElectron(root) {
  const electronVersion = JSON.parse(fs.readFileSync(path.join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
  const sqliteDir = path.join(root, 'node_modules', 'better-sqlite3');
  const sqliteVersion = JSON.parse(fs.readFileSync(path.join(sqliteDir, 'package.json'), 'utf8')).version;
  const outDir = path.join(root, '.electron-native');
  const target = path.join(outDir, 'better_sqlite3.node');
  const stampFile = path.join(outDir, 'stamp.json');
  const stamp = JSON.stringify({ electronVersion, sqliteVersion, arch: process.arch, platform: process.platform });
  if (fs.existsSync(target) && fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8') === stamp) return;

  const work = path.join(outDir, 'build');
  fs.rmSync(work, { recursive: true, force: true });
  fs.mkdirSync(work, { recursive: true });
  fs.cpSync(sqliteDir, work, { recursive: true, filter: (src) => !src.includes(`${path.sep}build${path.sep}`) && !src.endsWith(`${path.sep}build`) });
  const bin = (name) => path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);
  // A prebuilt binary for Electron first (connected workstations); compile against Electron's headers otherwise.
  let ok =
    spawnSync(bin('prebuild-install'), ['--runtime', 'electron', '--target', electronVersion, '--arch', process.arch], {
      cwd: work,
      stdio: 'inherit',
      shell: process.platform === 'win32',
    }).status === 0;
  if (!ok) {
    const env = { ...process.env, npm_config_runtime: 'electron', npm_config_target: electronVersion, npm_config_disturl: 'https://electronjs.org/headers' };
    delete env.npm_config_nodedir;
    ok = spawnSync('npm', ['exec', '--yes', '--', 'node-gyp', 'rebuild', '--release'], { cwd: work, stdio: 'inherit', env, shell: process.platform === 'win32' }).status === 0;
  }
  const built = path.join(work, 'build', 'Release', 'better_sqlite3.node');
  if (!ok || !fs.existsSync(built)) throw new Error(`could not build better-sqlite3 ${sqliteVersion} for Electron ${electronVersion}`);
  fs.copyFileSync(built, target);
  fs.writeFileSync(stampFile, stamp);
  fs.rmSync(work, { recursive: true, force: true });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildNativeForElectron(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..'));
}
