import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const APP_NAME = 'bcci-counter';
export const DATA_DIR_ENV = 'BCCI_COUNTER_DATA_DIR';

/** The repository / app root: resources, migrations and the built renderer are found from here. */
export const defaultAppRoot = (): string => fileURLToPath(new URL('../../', import.meta.url));

/** The same folder Electron's app.getPath('userData') gives, so both hosts share one database. */
export function defaultDataDir(): string {
  const home = os.homedir();
  if (process.platform === 'win32') return path.join(process.env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_NAME);
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_NAME);
  return path.join(process.env.XDG_CONFIG_HOME ?? path.join(home, '.config'), APP_NAME);
}

/** --data-dir wins, then the environment variable, then the user's data folder. */
export function resolveDataDir(flag?: string): string {
  return path.resolve(flag ?? process.env[DATA_DIR_ENV] ?? defaultDataDir());
}

export interface AppPaths {
  appRoot: string;
  dataDir: string;
  dbFile: string;
  sampleCatalogue: string;
  migrations: string;
  rendererDir: string;
  fontsDir: string;
}

export function appPaths(dataDir: string, appRoot = defaultAppRoot()): AppPaths {
  return {
    appRoot,
    dataDir,
    dbFile: path.join(dataDir, 'bcci-counter.sqlite'),
    sampleCatalogue: path.join(appRoot, 'resources', 'catalogue', 'sample-catalogue.json'),
    migrations: path.join(appRoot, 'main', 'db', 'migrations'),
    rendererDir: path.join(appRoot, 'dist', 'renderer'),
    fontsDir: path.join(appRoot, 'resources', 'fonts'),
  };
}
