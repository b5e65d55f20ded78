import type { PrinterStatus } from '../types';

export interface PrintOutcome {
  /** True when the printer answered a status request after the job's bytes drained. */
  confirmed: boolean;
}

export interface PrintHooks {
  /** Called once the printer was found ready, just before the job's first byte is written. */
  beforeTransmit?(): void;
}

/** One printer as the print queue sees it, whatever its transport and language. */
export interface PrinterDriver {
  /** Status now, or null when the printer cannot answer (a state, not an error). Throws DeviceError when unreachable. */
  status(): Promise<PrinterStatus | null>;
  /** Sends one job. Throws DeviceError (paper out, cover open, disconnected…) without sending when the printer is not ready. */
  print(bytes: Uint8Array, hooks?: PrintHooks): Promise<PrintOutcome>;
  close(): Promise<void>;
}
