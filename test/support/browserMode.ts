import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { repoRoot } from './temp';

export interface RunningHost {
  url: string;
  origin: string;
  process: ChildProcess;
  output: () => string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Starts the real browser-mode host process on a data folder and waits for its URL line. */
export function startHostProcess(dataDir: string, extraEnv: Record<string, string> = {}): Promise<RunningHost> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'main', 'host', 'browserMain.ts'), '--data-dir', dataDir, '--no-open'], {
    cwd: repoRoot,
    env: { ...process.env, ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`host did not start:\n${out}`)), 30_000);
    child.once('exit', (code) => reject(new Error(`host exited ${code}:\n${out}`)));
    const poll = setInterval(() => {
      const m = out.match(/BCCI_COUNTER_URL (\S+)/);
      if (!m) return;
      clearInterval(poll);
      clearTimeout(timer);
      child.removeAllListeners('exit');
      resolve({
        url: m[1],
        origin: new URL(m[1]).origin,
        process: child,
        output: () => out,
        stop: (signal = 'SIGTERM') =>
          new Promise((done) => {
            if (child.exitCode !== null) return done(child.exitCode);
            child.once('exit', (code) => done(code));
            child.kill(signal);
          }),
      });
    }, 50);
  });
}

/** Debian's Chromium, headless, with no calls home (this machine's network is closed). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
  });
}

/** Collects what a clerk would never want to see: uncaught page errors and console errors. */
export function watchPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return errors;
}
