import fs from 'node:fs';
import { openDatabase, type Db } from '../db/database';
import { createDispatch, type Dispatch } from '../ipc/dispatch';
import { createServices, type Services } from '../services';
import type { Clock } from '../services/context';
import { appPaths, type AppPaths } from './paths';

export interface AppOptions {
  dataDir: string;
  host: 'electron' | 'browser';
  appRoot?: string;
  nativeBinding?: string;
  clock?: Clock;
  /** Off for one-shot CLI commands: no port polling, no scanners, no queue worker. */
  startDevices?: boolean;
  log?: (line: string) => void;
}

export interface App {
  paths: AppPaths;
  db: Db;
  services: Services;
  dispatch: Dispatch;
  /** Stops the print queue and the devices, then closes the database. */
  close(): Promise<void>;
}

function readVersion(appRoot: string): string {
  try {
    return (JSON.parse(fs.readFileSync(`${appRoot}/package.json`, 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}

/** The one composition root: picks the database file, opens it, wires the services. */
export function openApp(o: AppOptions): App {
  const paths = appPaths(o.dataDir, o.appRoot);
  const log = o.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const db = openDatabase(paths.dbFile, { nativeBinding: o.nativeBinding, migrationsDir: paths.migrations });
  try {
    const services = createServices({
      db,
      host: o.host,
      version: readVersion(paths.appRoot),
      sampleCatalogueFile: paths.sampleCatalogue,
      fontsDir: paths.fontsDir,
      clock: o.clock,
      startDevices: o.startDevices,
    });
    const dispatch = createDispatch(services, {
      onInternalError: (method, err) => log(`[lỗi] ${method}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`),
    });
    return {
      paths,
      db,
      services,
      dispatch,
      close: async () => {
        await services.stop();
        if (db.open) db.close();
      },
    };
  } catch (err) {
    db.close();
    throw err;
  }
}
