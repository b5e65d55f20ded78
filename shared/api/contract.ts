import { z } from 'zod';
import { procedureSchema, procedureCodeSchema } from '../catalogue/schema';
import { ROLES, PERMISSIONS, type Permission } from '../auth/roles';

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
}

function method<I extends z.ZodType, O extends z.ZodType>(
  input: I,
  output: O,
  access: Access,
  whileLocked = false,
): MethodSpec<I, O> {
  return { input, output, access, whileLocked };
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

  'audit.list': method(
    z.object({ limit: z.number().int().min(1).max(500).default(100), beforeId: z.number().int().positive().optional() }).strict(),
    z.array(auditEntrySchema),
    'audit.read',
  ),
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
