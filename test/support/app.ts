import { openApp, type App } from '../../main/app/compose';
import { newContext, type CallContext } from '../../main/services/context';
import { tempDir } from './temp';

export interface TestApp extends App {
  dir: string;
  /** Moves the app's clock (idle lock, audit times). */
  advance(ms: number): void;
  dispose(): Promise<void>;
}

/** The real composition root on a real SQLite file in a temp folder, with a clock the test controls. */
export function testApp(start = new Date('2026-11-20T08:00:00+07:00')): TestApp {
  const { dir, cleanup } = tempDir();
  let now = start.getTime();
  const app = openApp({ dataDir: dir, host: 'browser', clock: () => new Date(now), log: () => {} });
  return {
    ...app,
    dir,
    advance: (ms) => {
      now += ms;
    },
    dispose: async () => {
      await app.close();
      cleanup();
    },
  };
}

export const MANAGER = { fullName: 'Nguyễn Thị Hoa', username: 'hoa.nt', password: 'mat-khau-123' };
/** A counter clerk's account (created by the manager where a test needs one). */
export const CLERK = { username: 'gdv.lan', fullName: 'Lê Thị Lan', role: 'clerk' as const, password: 'giao-dich-1' };
export const POINT = {
  code: 'BC560100',
  name: 'Bưu cục Trung tâm Phan Rang',
  province: 'Khánh Hòa',
  commune: 'Phường Phan Rang',
  kind: 'transaction_point' as const,
};

/** Completes first run and returns a signed-in manager context. */
export async function setUpAndSignIn(app: App): Promise<CallContext> {
  await app.services.setup.complete({ point: POINT, manager: MANAGER });
  const ctx = newContext();
  await app.services.auth.signIn(ctx, MANAGER.username, MANAGER.password);
  return ctx;
}

/** One call through the real dispatch, as a transport would make it. */
export async function call(app: App, ctx: CallContext, method: string, params: unknown) {
  return app.dispatch(ctx, { id: 1, method, params });
}

/** Configures the counter's network receipt printer (Epson TM profile, TCVN-3) and makes it the default. */
export function addDefaultTcpPrinter(app: App, ctx: CallContext, port: number): number {
  const id = app.services.devices.save(ctx, {
    name: 'Máy in quầy 1',
    kind: 'receipt_printer',
    transport: { kind: 'tcp', host: '127.0.0.1', port },
    profileId: 'epson-tm-80',
    textMode: 'tcvn3',
    options: null,
    enabled: true,
  }).id;
  app.services.devices.setDefault(ctx, id);
  return id;
}
