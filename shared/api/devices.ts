import { z } from 'zod';

/** Devices, their live state and the print queue, as the API carries them. */

export const DEVICE_KINDS = ['receipt_printer', 'label_printer', 'scanner'] as const;
export const deviceKindSchema = z.enum(DEVICE_KINDS);
export type DeviceKind = z.infer<typeof deviceKindSchema>;

export const transportConfigSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('serial'),
    path: z.string().trim().min(1).max(300),
    baudRate: z.union([z.literal(1200), z.literal(2400), z.literal(4800), z.literal(9600), z.literal(19200), z.literal(38400), z.literal(57600), z.literal(115200)]),
    dataBits: z.union([z.literal(7), z.literal(8)]),
    parity: z.enum(['none', 'even', 'odd']),
    stopBits: z.union([z.literal(1), z.literal(2)]),
    flowControl: z.enum(['none', 'rtscts', 'xonxoff']),
  }),
  z.object({
    kind: z.literal('tcp'),
    host: z
      .string()
      .trim()
      .min(1)
      .max(253)
      .regex(/^[A-Za-z0-9.-]+$/),
    port: z.number().int().min(1).max(65535),
  }),
  // A device file under /dev only (no "..": print jobs must not append to other files).
  z.object({ kind: z.literal('usb-file'), path: z.string().trim().regex(/^\/dev\/(?!.*\.\.)[A-Za-z0-9/_.-]+$/) }),
  // This PC's spooler only: a share on another host would send it the Windows credentials.
  z.object({ kind: z.literal('windows-share'), path: z.string().trim().regex(/^\\\\(localhost|127\.0\.0\.1)\\[^\\/:*?"<>|]+$/i) }),
  z.object({ kind: z.literal('emulated') }),
]);
export type TransportConfigInput = z.infer<typeof transportConfigSchema>;

export const TEXT_MODES = ['tcvn3', 'cp1258', 'viscii', 'ascii', 'image'] as const;
export const textModeSchema = z.enum(TEXT_MODES);

export const DEVICE_STATES = ['idle', 'connecting', 'connected', 'printing', 'paper_low', 'error', 'disconnected'] as const;
export const deviceStateSchema = z.enum(DEVICE_STATES);
export type DeviceState = z.infer<typeof deviceStateSchema>;

export const scannerOptionsSchema = z.object({
  framing: z.discriminatedUnion('mode', [
    z.object({ mode: z.literal('suffix'), suffix: z.enum(['CR', 'LF', 'CRLF', 'TAB']) }),
    z.object({ mode: z.literal('idle'), gapMs: z.number().int().min(20).max(2000) }),
  ]),
});

export const deviceSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  kind: deviceKindSchema,
  transport: transportConfigSchema,
  profileId: z.string().nullable(),
  textMode: textModeSchema.nullable(),
  options: z.record(z.string(), z.unknown()).nullable(),
  isDefault: z.boolean(),
  enabled: z.boolean(),
  builtin: z.boolean(),
  state: deviceStateSchema,
  /** The last problem in words a clerk understands. */
  lastError: z.string().nullable(),
});
export type Device = z.infer<typeof deviceSchema>;

export const PRINT_JOB_STATES = ['queued', 'sending', 'printed', 'sent_unconfirmed', 'failed', 'held', 'cancelled'] as const;
export const printJobStateSchema = z.enum(PRINT_JOB_STATES);
export type PrintJobState = z.infer<typeof printJobStateSchema>;

export const printJobSchema = z.object({
  id: z.number().int(),
  idempotencyKey: z.string(),
  deviceId: z.number().int(),
  deviceName: z.string(),
  kind: z.enum(['receipt', 'label', 'self_test']),
  title: z.string(),
  reprintOf: z.number().int().nullable(),
  state: printJobStateSchema,
  attempts: z.number().int(),
  nextAttemptAt: z.string().nullable(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  printedAt: z.string().nullable(),
});
export type PrintJob = z.infer<typeof printJobSchema>;
