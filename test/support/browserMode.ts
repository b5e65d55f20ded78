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

/** The scanner's pace: a fast USB scanner sends a key every few milliseconds. */
const KEY_MS = 4;
/** How far ahead the first key is stamped: more than the worst lag of a loaded machine delivering keys to the page. */
const LEAD_MS = 1000;

/**
 * Types `text` the way a USB keyboard-wedge scanner does, then `endKey`: every key event is handed
 * to Chromium at once (CDP `Input.dispatchKeyEvent`, all sent before any is awaited), each stamped
 * with its own time (CDP `timestamp`, which becomes the page's `event.timeStamp`) KEY_MS after the
 * previous one — as the OS stamps a scanner's keys when they come off the USB bus.
 *
 * Why not `page.keyboard.type(text, { delay })`: it waits for the page to acknowledge each key
 * (keydown, delay, keyup, next keydown: round trips through Node, the browser and the renderer),
 * and the page stamps each key when it handles it. Measured on this 2-core machine under load, the
 * gaps the page saw reached ~320 ms (a person's pace by the wedge's thresholds: the scan is split);
 * sending in one go without stamps still reached ~70–210 ms (the renderer descheduled between two
 * keys). With the stamps the page sees exactly the scanner's pace. The first key is stamped LEAD_MS
 * ahead so that the detector's own timers (which compare the stamps with `performance.now()`)
 * cannot decide "the keys stopped" while the rest of the burst is still on its way to a loaded
 * renderer.
 */
export async function typeAsScanner(page: Page, text: string, endKey: 'Enter' | 'Tab' | null = 'Enter'): Promise<void> {
  const keys = [...text].map((ch) => {
    const upper = ch.toUpperCase();
    if (/^[A-Z]$/.test(upper)) return { key: ch, code: `Key${upper}`, keyCode: upper.charCodeAt(0), text: ch };
    if (/^[0-9]$/.test(ch)) return { key: ch, code: `Digit${ch}`, keyCode: ch.charCodeAt(0), text: ch };
    throw new Error(`typeAsScanner: no key for ${JSON.stringify(ch)}`);
  });
  if (endKey === 'Enter') keys.push({ key: 'Enter', code: 'Enter', keyCode: 13, text: '\r' });
  if (endKey === 'Tab') keys.push({ key: 'Tab', code: 'Tab', keyCode: 9, text: '' });
  const session = await page.context().newCDPSession(page);
  try {
    const sent: Promise<unknown>[] = [];
    // Each key carries its own time (CDP `timestamp`, seconds since the epoch), KEY_MS apart from the last.
    const start = Date.now() / 1000 + LEAD_MS / 1000;
    keys.forEach((k, i) => {
      const at = start + (i * KEY_MS) / 1000;
      sent.push(
        session.send('Input.dispatchKeyEvent', {
          type: k.text ? 'keyDown' : 'rawKeyDown',
          key: k.key,
          code: k.code,
          windowsVirtualKeyCode: k.keyCode,
          timestamp: at,
          ...(k.text ? { text: k.text, unmodifiedText: k.text } : {}),
        }),
      );
      sent.push(session.send('Input.dispatchKeyEvent', { type: 'keyUp', key: k.key, code: k.code, windowsVirtualKeyCode: k.keyCode, timestamp: at + KEY_MS / 2000 }));
    });
    await Promise.all(sent);
  } finally {
    await session.detach();
  }
}

/**
 * Resolves once the page's keyboard-wedge detector is listening. It starts when the signed-in app
 * has rendered (with default thresholds, then the point's once `settings.get` answers); keys sent
 * before that go straight into the focused field, so a scan sent too early on a loaded machine
 * would be typed, not detected.
 *
 * The probe has no side effect on any field and does not depend on timing: with nothing focused it
 * sends one character key and awaits its acknowledgement (the page has handled it). The detector
 * holds a character (it stops the event's propagation and later replays an untrusted copy), so a
 * bubble-phase listener on window sees the trusted keydown only while the detector is off.
 * Leaves nothing focused; focus the field to type into afterwards.
 */
export async function waitForWedgeDetector(page: Page, timeoutMs = 15_000): Promise<void> {
  const session = await page.context().newCDPSession(page);
  try {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      await page.evaluate(`(() => {
        if (document.activeElement && document.activeElement !== document.body) document.activeElement.blur();
        window.__wedgeProbeSeen = false;
        window.__wedgeProbeReplayed = false;
        if (!window.__wedgeProbe) {
          window.__wedgeProbe = true;
          window.addEventListener('keydown', (e) => {
            if (e.key !== 'Q') return;
            if (e.isTrusted) window.__wedgeProbeSeen = true;
            else window.__wedgeProbeReplayed = true;
          });
        }
      })()`);
      await session.send('Input.dispatchKeyEvent', { type: 'keyDown', key: 'Q', code: 'KeyQ', windowsVirtualKeyCode: 81, text: 'Q', unmodifiedText: 'Q' });
      await session.send('Input.dispatchKeyEvent', { type: 'keyUp', key: 'Q', code: 'KeyQ', windowsVirtualKeyCode: 81 });
      if (!(await page.evaluate('window.__wedgeProbeSeen'))) {
        // Held: wait until the detector has given it back (a person's key, replayed on the body), so
        // the next keys start a burst of their own instead of joining the probe's.
        // (Polled with evaluate: the app's CSP forbids waitForFunction's string predicates.)
        while (!(await page.evaluate('window.__wedgeProbeReplayed'))) {
          if (Date.now() > deadline) throw new Error(`the keyboard-wedge detector did not give back a held key within ${timeoutMs} ms`);
          await new Promise((r) => setTimeout(r, 20));
        }
        return;
      }
      if (Date.now() > deadline) throw new Error(`the keyboard-wedge detector did not start within ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 50));
    }
  } finally {
    await session.detach();
  }
}

export interface ApiCallLog {
  /**
   * Resolves once the page's latest call of `method` is one `matches` accepts and the host's reply
   * to it has reached the browser (e.g. the search for the whole typed query, not for a prefix).
   */
  latestAnswered(method: string, matches: (params: Record<string, unknown>) => boolean, timeoutMs?: number): Promise<void>;
}

/**
 * Watches the API calls the page makes over its WebSocket (frames as CDP reports them). Call it
 * before the page opens the app. A screen that re-queries on every keystroke can show an older
 * query's answer that looks the same as the final one; waiting for the final call's reply avoids
 * acting (an arrow key, Enter) just before that reply lands and resets the list.
 */
export function watchApiCalls(page: Page): ApiCallLog {
  let calls: { id: number; method: string; params: Record<string, unknown> }[] = [];
  let answered = new Set<number>();
  const parse = (payload: string | Buffer): Record<string, unknown> | null => {
    try {
      const m = JSON.parse(String(payload)) as unknown;
      return m && typeof m === 'object' ? (m as Record<string, unknown>) : null;
    } catch {
      return null;
    }
  };
  page.on('websocket', (ws) => {
    if (!new URL(ws.url()).pathname.startsWith('/api')) return;
    // One socket at a time; ids start again on a new one.
    calls = [];
    answered = new Set();
    ws.on('framesent', (f) => {
      const m = parse(f.payload);
      if (m && typeof m.id === 'number' && typeof m.method === 'string') calls.push({ id: m.id, method: m.method, params: (m.params ?? {}) as Record<string, unknown> });
    });
    ws.on('framereceived', (f) => {
      const m = parse(f.payload);
      if (m && typeof m.id === 'number') answered.add(m.id);
    });
  });
  return {
    async latestAnswered(method, matches, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const latest = calls.filter((c) => c.method === method).at(-1);
        if (latest && matches(latest.params) && answered.has(latest.id)) return;
        if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for the reply to the latest ${method} (latest: ${JSON.stringify(latest?.params)})`);
        await new Promise((r) => setTimeout(r, 10));
      }
    },
  };
}
