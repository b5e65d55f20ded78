import { api, isMethodName } from '../../shared/api/contract';
import { ApiError } from '../../shared/api/errors';
import { requestSchema, type WireReply } from '../../shared/api/wire';
import { zodIssueVi } from '../../shared/api/zodMessages';
import type { CallContext } from '../services/context';
import type { Services } from '../services';
import { dayClosedError } from '../services/dayClose/dayClosedError';
import { handlers } from './handlers';

/** Public methods the first-run screen needs before any user exists. */
const WORKS_BEFORE_SETUP = new Set<string>(['app.info', 'setup.complete', 'auth.session', 'auth.signOut']);

export type Dispatch = (ctx: CallContext, raw: unknown) => Promise<WireReply>;

export interface DispatchOptions {
  /** Where unexpected errors go (the log); the caller only ever sees INTERNAL. */
  onInternalError?: (method: string, err: unknown) => void;
}

/**
 * The one entry point of both transports: looks the method up, checks access,
 * validates params, calls the service, validates the result. It never throws:
 * every failure becomes a reply with a stable code and a Vietnamese message.
 */
export function createDispatch(services: Services, options: DispatchOptions = {}): Dispatch {
  return async (ctx, raw) => {
    const envelope = requestSchema.safeParse(raw);
    const id = envelope.success
      ? envelope.data.id
      : typeof (raw as { id?: unknown })?.id === 'number'
        ? (raw as { id: number }).id
        : 0;
    try {
      if (!envelope.success) throw ApiError.of('BAD_REQUEST');
      const { method, params } = envelope.data;
      if (!isMethodName(method)) throw ApiError.of('UNKNOWN_METHOD', { method });
      const spec = api[method];
      if (spec.access !== 'public') {
        const session = services.auth.requireSession(ctx, spec.whileLocked ?? false, !(spec.background ?? false));
        if (spec.access !== 'session') services.auth.requirePermission(session, spec.access);
      } else if (!WORKS_BEFORE_SETUP.has(method) && services.setup.needsSetup()) {
        throw ApiError.of('SETUP_REQUIRED');
      }
      const input = spec.input.safeParse(params ?? {});
      if (!input.success) {
        const detail = input.error.issues
          .slice(0, 5)
          .map((i) => `${i.path.join('.') || 'params'}: ${zodIssueVi(i)}`)
          .join('; ');
        throw ApiError.of('VALIDATION', { detail }, input.error.issues.map((i) => ({ path: i.path.map(String), message: zodIssueVi(i) })));
      }
      const handler = handlers[method] as (s: Services, c: CallContext, p: unknown) => unknown;
      const result = await handler(services, ctx, input.data);
      const output = spec.output.safeParse(result);
      if (!output.success) throw new Error(`result of ${method} does not match its schema: ${output.error.message}`);
      return { id, ok: true, value: output.data };
    } catch (err) {
      const known = err instanceof ApiError ? err : dayClosedError(err);
      if (known) return { id, ok: false, error: known.toShape() };
      options.onInternalError?.(envelope.success ? envelope.data.method : '?', err);
      return { id, ok: false, error: ApiError.of('INTERNAL').toShape() };
    }
  };
}
