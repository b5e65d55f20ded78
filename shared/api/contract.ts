import { z } from 'zod';
import { procedureSchema, procedureCodeSchema } from '../catalogue/schema';
import { ROLES, PERMISSIONS, type Permission } from '../auth/roles';
import {
  DEVICE_KINDS,
  PRINT_JOB_STATES,
  deviceSchema,
  deviceStateSchema,
  printJobSchema,
  scannerOptionsSchema,
  textModeSchema,
  transportConfigSchema,
} from './devices';
import { printDocumentSchema, receiptDocumentSchema } from '../printing/document';
import {
  confirmInputSchema,
  confirmResultSchema,
  draftSchema,
  dossierSchema,
  guidanceInputSchema,
  quoteInputSchema,
  quoteSchema,
} from './reception';
import { lifecycleMethods } from './lifecycle';
import { dayCloseMethods } from './dayClose';

/**
 * The complete list of API methods: one place, both transports. Each method has
 * a zod schema for its params and its result, and the access it needs:
 * 'public' (no sign-in), 'session' (any signed-in, unlocked user) or a permission.
 */

export type Access = 'public' | 'session' | Permission;

export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  access: Access;
  /** Allowed while the session is locked (unlock, sign-out, reading app info). */
  whileLocked?: boolean;
  /** Background polling by a screen, not the clerk's doing: it does not keep the session from idle-locking. */
  background?: boolean;
}

function method<I extends z.ZodType, O extends z.ZodType>(
  input: I,
  output: O,
  access: Access,
  whileLocked = false,
  background = false,
): MethodSpec<I, O> {
  return { input, output, access, whileLocked, background };
}

const empty = z.object({}).strict();
const ok = z.object({ ok: z.literal(true) });
const nonEmpty = (max: number) => z.string().trim().min(1).max(max);

export const POINT_KINDS = ['transaction_point', 'service_center'] as const;
export const pointSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[A-Z0-9][A-Z0-9.-]{1,19}$/),
  name: nonEmpty(200),
  province: nonEmpty(100),
  commune: nonEmpty(100),
  kind: z.enum(POINT_KINDS),
});
export type Point = z.infer<typeof pointSchema>;

export const usernameSchema = z
  .string()
  .trim()
  .regex(/^[a-z0-9._]{3,32}$/);
export const passwordSchema = z.string().min(8).max(200);
export const roleSchema = z.enum(ROLES);

export const userSchema = z.object({
  id: z.number().int(),
  username: z.string(),
  fullName: z.string(),
  role: roleSchema,
  disabled: z.boolean(),
  createdAt: z.string(),
});
export type User = z.infer<typeof userSchema>;

export const sessionSchema = z.object({
  user: userSchema,
  permissions: z.array(z.enum(PERMISSIONS)),
  locked: z.boolean(),
  idleLockMinutes: z.number(),
});
export type SessionInfo = z.infer<typeof sessionSchema>;

export const appInfoSchema = z.object({
  version: z.string(),
  host: z.enum(['electron', 'browser']),
  needsSetup: z.boolean(),
  point: pointSchema.nullable(),
  catalogueVersion: z.number().int().nullable(),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

export const settingsSchema = z.object({
  idleLockMinutes: z.number().int().min(1).max(240),
  /** Keyboard-wedge scanner detection (see renderer/features/scanner/wedgeDetector.ts). */
  wedge: z.object({
    maxInterKeyMs: z.number().int().min(5).max(100),
    minLength: z.number().int().min(3).max(20),
    idleEndMs: z.number().int().min(50).max(1000),
  }),
});
export type Settings = z.infer<typeof settingsSchema>;

export const procedureSummarySchema = z.object({
  code: z.string(),
  name: z.string(),
  field: z.string(),
  level: z.string(),
  agency: z.string(),
  bcciReceive: z.boolean(),
  bcciReturn: z.boolean(),
  processingDays: z.number(),
});
export type ProcedureSummary = z.infer<typeof procedureSummarySchema>;

export const searchFiltersSchema = z
  .object({
    level: nonEmpty(200).optional(),
    field: nonEmpty(300).optional(),
    agency: nonEmpty(500).optional(),
    receive: z.boolean().optional(),
    return: z.boolean().optional(),
  })
  .strict();
export type SearchFilters = z.infer<typeof searchFiltersSchema>;

export const searchInputSchema = z
  .object({
    query: z.string().max(300),
    filters: searchFiltersSchema.default({}),
    limit: z.number().int().min(1).max(20_000).default(50),
  })
  .strict();

export const procedureDetailSchema = procedureSchema.extend({ versionId: z.number().int() });
export type ProcedureDetail = z.infer<typeof procedureDetailSchema>;

export const catalogueVersionSchema = z.object({
  id: z.number().int(),
  importedAt: z.string(),
  importedBy: z.string().nullable(),
  sourceName: z.string(),
  mode: z.enum(['sample', 'replace', 'merge']),
  procedureCount: z.number().int(),
  current: z.boolean(),
});
export type CatalogueVersion = z.infer<typeof catalogueVersionSchema>;

export const importProblemSchema = z.object({
  sheet: z.string().optional(),
  row: z.number().int().optional(),
  column: z.string().optional(),
  message: z.string(),
});
export type ImportProblem = z.infer<typeof importProblemSchema>;

export const importResultSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('imported'),
    version: z.number().int(),
    count: z.number().int(),
    warnings: z.array(importProblemSchema),
  }),
  z.object({
    status: z.literal('rejected'),
    problems: z.array(importProblemSchema),
    warnings: z.array(importProblemSchema),
  }),
]);
export type ImportResult = z.infer<typeof importResultSchema>;

export const fileSchema = z.object({
  fileName: z.string(),
  mimeType: z.string(),
  contentBase64: z.string(),
});
export type FilePayload = z.infer<typeof fileSchema>;

/** 25 MB of base64 is far above any province's catalogue spreadsheet. */
const base64 = z
  .string()
  .max(35_000_000)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/);

export const auditEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  username: z.string().nullable(),
  action: z.string(),
  entity: z.string().nullable(),
  entityId: z.string().nullable(),
  detail: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const printerProfileSchema = z.object({
  id: z.string(),
  name: z.string(),
  models: z.string(),
  language: z.enum(['escpos', 'zpl', 'tspl']),
  paperWidthMm: z.number(),
  columns: z.number(),
  textModes: z.array(textModeSchema),
  cutter: z.enum(['full', 'partial', 'none']),
  status: z.enum(['dle-eot', 'none']),
  note: z.string().optional(),
});
export type PrinterProfileSummary = z.infer<typeof printerProfileSchema>;

export const emulatedOutputSchema = z.object({
  index: z.number().int(),
  at: z.string(),
  kind: z.enum(['receipt', 'label']),
  text: z.string(),
  /** A picture of the paper: the receipt as printed, or the whole label at one pixel per dot (PNG). */
  pngBase64: z.string().nullable(),
});
export type EmulatedOutput = z.infer<typeof emulatedOutputSchema>;

export const scanEventSchema = z.object({
  deviceId: z.number().int().nullable(),
  raw: z.string(),
  kind: z.enum(['cccd', 's10', 'dossier', 'procedure', 'invalid', 'unknown']),
  /** Parsed content (CCCD fields, S10 parts, the code), absent for unknown / invalid. */
  value: z.unknown().optional(),
  /** What the clerk reads: what was scanned, or why it was not understood. */
  message: z.string(),
  at: z.string(),
});
export type ScanEvent = z.infer<typeof scanEventSchema>;

const jobRef = z.object({ id: z.number().int().positive() }).strict();

export const receptionConfigSchema = z.object({
  /** Postal charges by distance zone and weight class (the manager keeps it to the post's tariff). */
  tariff: z.object({
    zones: z.array(z.object({ id: z.string().min(1).max(40), name: z.string().min(1).max(100) })).min(1).max(20),
    weightClasses: z.array(z.object({ id: z.string().min(1).max(40), maxGrams: z.number().int().positive(), name: z.string().min(1).max(100) })).min(1).max(20),
    prices: z.record(z.string(), z.record(z.string(), z.number().int().min(0).max(10_000_000))),
    exemptions: z.array(z.object({ id: z.string().min(1).max(40), name: z.string().min(1).max(200) })).max(20),
  }),
  /** Working days the post needs to bring a dossier to an agency (by agency name; default otherwise). */
  transitDays: z.object({ default: z.number().int().min(0).max(30), byAgency: z.record(z.string(), z.number().int().min(0).max(30)) }),
  /** The point's account for transfers (VietQR). */
  bank: z.object({ bin: z.string().regex(/^\d{6}$/), accountNumber: z.string().regex(/^[0-9A-Za-z]{4,19}$/), accountName: z.string().min(2).max(100) }).nullable(),
  /** Days off and working days decided each year (compensatory days, swapped Saturdays). */
  calendar: z.object({
    extraDaysOff: z.array(z.object({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), name: z.string().min(1).max(200) })).max(200),
    extraWorkingDays: z.array(z.object({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), name: z.string().min(1).max(200) })).max(200),
  }),
});
export type ReceptionConfig = z.infer<typeof receptionConfigSchema>;

export const s10RangeSchema = z.object({
  id: z.number().int(),
  prefix: z.string(),
  country: z.string(),
  startSerial: z.number().int(),
  endSerial: z.number().int(),
  lastUsed: z.number().int().nullable(),
  remaining: z.number().int(),
});

/** A province or a commune of the current administrative units (two levels since 1/7/2025). */
export const adminUnitSchema = z.object({ code: z.string(), name: z.string() });
export type AdminUnitInfo = z.infer<typeof adminUnitSchema>;

export const api = {
  'app.info': method(empty, appInfoSchema, 'public', true),

  'setup.complete': method(
    z
      .object({
        point: pointSchema,
        manager: z.object({ fullName: nonEmpty(200), username: usernameSchema, password: passwordSchema }).strict(),
      })
      .strict(),
    ok,
    'public',
  ),

  'auth.signIn': method(
    z.object({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(200) }).strict(),
    sessionSchema,
    'public',
  ),
  'auth.session': method(empty, sessionSchema.nullable(), 'public', true),
  'auth.signOut': method(empty, ok, 'public', true),
  'auth.lock': method(empty, ok, 'session', true),
  'auth.unlock': method(z.object({ password: z.string().min(1).max(200) }).strict(), sessionSchema, 'session', true),
  'auth.heartbeat': method(empty, ok, 'session'),
  'auth.changePassword': method(
    z.object({ currentPassword: z.string().min(1).max(200), newPassword: passwordSchema }).strict(),
    ok,
    'session',
  ),

  'users.list': method(empty, z.array(userSchema), 'users.manage'),
  'users.create': method(
    z.object({ username: usernameSchema, fullName: nonEmpty(200), role: roleSchema, password: passwordSchema }).strict(),
    userSchema,
    'users.manage',
  ),
  'users.update': method(
    z
      .object({
        id: z.number().int().positive(),
        fullName: nonEmpty(200).optional(),
        role: roleSchema.optional(),
        disabled: z.boolean().optional(),
      })
      .strict(),
    userSchema,
    'users.manage',
  ),
  'users.resetPassword': method(
    z.object({ id: z.number().int().positive(), password: passwordSchema }).strict(),
    ok,
    'users.manage',
  ),

  'settings.get': method(empty, settingsSchema, 'session'),
  'settings.update': method(settingsSchema.partial().strict(), settingsSchema, 'settings.manage'),

  'catalogue.search': method(
    searchInputSchema,
    z.object({ total: z.number().int(), items: z.array(procedureSummarySchema), versionId: z.number().int().nullable() }),
    'catalogue.read',
  ),
  'catalogue.get': method(
    z.object({ code: procedureCodeSchema, versionId: z.number().int().positive().optional() }).strict(),
    procedureDetailSchema,
    'catalogue.read',
  ),
  'catalogue.facets': method(
    empty,
    z.object({ levels: z.array(z.string()), fields: z.array(z.string()), agencies: z.array(z.string()) }),
    'catalogue.read',
  ),
  'catalogue.versions': method(empty, z.array(catalogueVersionSchema), 'catalogue.read'),
  'catalogue.import': method(
    z
      .object({
        fileName: nonEmpty(260),
        contentBase64: base64,
        mode: z.enum(['replace', 'merge']).default('replace'),
      })
      .strict(),
    importResultSchema,
    'catalogue.manage',
  ),
  'catalogue.export': method(z.object({ format: z.enum(['json', 'xlsx']) }).strict(), fileSchema, 'catalogue.read'),
  'catalogue.template': method(empty, fileSchema, 'catalogue.read'),
  'catalogue.publishedList': method(empty, fileSchema, 'catalogue.read'),

  'devices.list': method(empty, z.array(deviceSchema), 'session'),
  'devices.ports': method(
    empty,
    z.array(z.object({ path: z.string(), manufacturer: z.string().optional(), serialNumber: z.string().optional(), vendorId: z.string().optional(), productId: z.string().optional() })),
    'devices.manage',
    false,
    true,
  ),
  'devices.profiles': method(empty, z.array(printerProfileSchema), 'session'),
  'devices.save': method(
    z
      .object({
        id: z.number().int().positive().optional(),
        name: nonEmpty(100),
        kind: z.enum(DEVICE_KINDS),
        transport: transportConfigSchema,
        profileId: z.string().max(60).nullable(),
        textMode: textModeSchema.nullable(),
        options: z.union([scannerOptionsSchema, z.object({ widthMm: z.number().min(20).max(200), heightMm: z.number().min(10).max(300) })]).nullable(),
        enabled: z.boolean(),
      })
      .strict(),
    deviceSchema,
    'devices.manage',
  ),
  'devices.setDefault': method(z.object({ id: z.number().int().positive() }).strict(), deviceSchema, 'devices.manage'),
  'devices.selfTest': method(z.object({ id: z.number().int().positive() }).strict(), printJobSchema, 'devices.manage'),
  'devices.chooseTextMode': method(z.object({ id: z.number().int().positive(), mode: textModeSchema }).strict(), deviceSchema, 'devices.manage'),
  'devices.emulatorPaper': method(
    z.object({ id: z.number().int().positive(), limit: z.number().int().min(1).max(50).default(10) }).strict(),
    z.array(emulatedOutputSchema),
    'session',
  ),
  'scanner.submit': method(z.object({ raw: z.string().min(1).max(4096), source: z.enum(['wedge', 'emulated']) }).strict(), scanEventSchema, 'session'),

  'printJobs.list': method(
    z.object({ states: z.array(z.enum(PRINT_JOB_STATES)).max(7).optional(), limit: z.number().int().min(1).max(500).default(100) }).strict(),
    z.array(printJobSchema),
    'session',
  ),
  'printJobs.retry': method(jobRef, printJobSchema, 'session'),
  'printJobs.hold': method(jobRef, printJobSchema, 'session'),
  'printJobs.cancel': method(jobRef, printJobSchema, 'session'),
  // Receipts carry citizens' personal data: only those who receive dossiers see or reprint them.
  'printJobs.reprint': method(
    z.object({ id: z.number().int().positive(), idempotencyKey: z.string().min(8).max(100) }).strict(),
    printJobSchema,
    'reception.receive',
  ),
  'printJobs.moveTo': method(z.object({ id: z.number().int().positive(), deviceId: z.number().int().positive() }).strict(), printJobSchema, 'session'),
  'printJobs.preview': method(
    jobRef,
    z.object({ job: printJobSchema, document: printDocumentSchema, columns: z.number().int(), dotsPerLine: z.number().int() }),
    'reception.receive',
  ),
  'printJobs.pdf': method(jobRef, fileSchema, 'reception.receive'),

  'reception.config': method(empty, receptionConfigSchema, 'reception.receive'),
  'reception.updateConfig': method(receptionConfigSchema, receptionConfigSchema, 'reception.configure'),
  'reception.s10Ranges': method(empty, z.array(s10RangeSchema), 'reception.receive'),
  'reception.addS10Range': method(
    z
      .object({
        prefix: z.string().regex(/^[A-Z]{2}$/),
        country: z.string().regex(/^[A-Z]{2}$/),
        startSerial: z.number().int().min(0).max(99_999_999),
        endSerial: z.number().int().min(0).max(99_999_999),
      })
      .strict(),
    s10RangeSchema,
    'reception.configure',
  ),
  'reception.quote': method(quoteInputSchema, quoteSchema, 'reception.receive'),
  'reception.guidance': method(guidanceInputSchema, printJobSchema, 'reception.receive'),
  'reception.confirm': method(confirmInputSchema, confirmResultSchema, 'reception.receive'),
  'reception.receiptPreview': method(z.object({ dossierId: z.number().int().positive() }).strict(), receiptDocumentSchema, 'reception.receive'),
  'reception.cancel': method(
    z.object({ dossierId: z.number().int().positive(), reason: z.string().trim().min(5).max(500) }).strict(),
    dossierSchema,
    'reception.cancel',
  ),
  'reception.drafts': method(empty, z.array(draftSchema), 'reception.receive'),
  'reception.saveDraft': method(
    z.object({ id: z.number().int().positive().optional(), data: z.record(z.string(), z.unknown()) }).strict(),
    z.object({ id: z.number().int() }),
    'reception.receive',
  ),
  'reception.discardDraft': method(z.object({ id: z.number().int().positive() }).strict(), ok, 'reception.receive'),
  'dossiers.get': method(z.object({ code: z.string().min(3).max(60) }).strict(), dossierSchema, 'reception.receive'),

  'units.provinces': method(empty, z.array(adminUnitSchema), 'session'),
  'units.communes': method(z.object({ provinceCode: z.string().regex(/^\d{2}$/) }).strict(), z.array(adminUnitSchema), 'session'),

  'audit.list': method(
    z.object({ limit: z.number().int().min(1).max(500).default(100), beforeId: z.number().int().positive().optional() }).strict(),
    z.array(auditEntrySchema),
    'audit.read',
  ),

  ...lifecycleMethods,
  ...dayCloseMethods,
} satisfies Record<string, MethodSpec>;

export type Api = typeof api;
export type MethodName = keyof Api;
export type MethodInput<M extends MethodName> = z.input<Api[M]['input']>;
export type MethodParams<M extends MethodName> = z.output<Api[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Api[M]['output']>;

/** Events pushed from main to the renderer. */
export const events = {
  'session.locked': z.object({ reason: z.enum(['idle', 'manual']) }),
  'catalogue.changed': z.object({ versionId: z.number().int() }),
  'devices.state': z.object({ deviceId: z.number().int(), state: deviceStateSchema, lastError: z.string().nullable() }),
  'printJobs.changed': printJobSchema,
  'scanner.scan': scanEventSchema,
} as const;
export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

/** The typed client both transports give the renderer. */
export type ApiClient = {
  [M in MethodName]: (params: MethodInput<M>) => Promise<MethodOutput<M>>;
};

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(api, name);
}
