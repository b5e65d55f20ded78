import { z } from 'zod';
import { ERROR_CODES } from './errors';

/** Wire format shared by both transports (Electron IPC and the browser-mode WebSocket). */
export const requestSchema = z.object({
  id: z.number().int().nonnegative(),
  method: z.string().min(1).max(100),
  params: z.unknown(),
});
export type WireRequest = z.infer<typeof requestSchema>;

export const errorShapeSchema = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  details: z.unknown().optional(),
});

export type WireReply =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: z.infer<typeof errorShapeSchema> };

export interface WirePush {
  event: string;
  payload: unknown;
}

export const replySchema = z.union([
  z.object({ id: z.number(), ok: z.literal(true), value: z.unknown() }),
  z.object({ id: z.number(), ok: z.literal(false), error: errorShapeSchema }),
]);
export const pushSchema = z.object({ event: z.string(), payload: z.unknown() });
