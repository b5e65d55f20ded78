/**
 * Resources the device sections start (socat pty pairs, open ports, temporary folders) must go
 * away even when a section fails or the run is interrupted. Every opened resource is tracked with
 * its closer; `finally` blocks close them in the normal and the failing case, and a SIGINT / SIGTERM
 * while any is open closes them all before the process exits.
 */

type Closer = () => Promise<void> | void;

const open = new Set<Closer>();
let signalsInstalled = false;

async function closeAll(): Promise<void> {
  const closers = [...open].reverse();
  open.clear();
  for (const close of closers) {
    try {
      await close();
    } catch {
      // best effort: the next one still gets its chance
    }
  }
}

function onSignal(signal: NodeJS.Signals): void {
  process.stderr.write(`\n${signal}: closing pty pairs and ports…\n`);
  void closeAll().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
}

function installSignals(): void {
  if (signalsInstalled) return;
  signalsInstalled = true;
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
}

function removeSignals(): void {
  if (!signalsInstalled) return;
  signalsInstalled = false;
  process.removeListener('SIGINT', onSignal);
  process.removeListener('SIGTERM', onSignal);
}

/**
 * Tracks `close` until the returned function is called (idempotent; it runs `close` once).
 * Use: `const release = track(() => pair.close()); try { … } finally { await release(); }`.
 */
export function track(close: Closer): () => Promise<void> {
  let done = false;
  const closer: Closer = async () => {
    if (done) return;
    done = true;
    await close();
  };
  open.add(closer);
  installSignals();
  return async () => {
    open.delete(closer);
    if (open.size === 0) removeSignals();
    await closer();
  };
}

/** Opens a resource and runs `body` with it; the resource is closed whatever happens. */
export async function using<R, T>(openIt: () => Promise<R>, close: (r: R) => Promise<void> | void, body: (r: R) => Promise<T>): Promise<T> {
  const resource = await openIt();
  const release = track(() => close(resource));
  try {
    return await body(resource);
  } finally {
    await release();
  }
}

/** Rejects with `what` when `promise` has not settled within `ms`. */
export function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${Math.round(ms)} ms waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
