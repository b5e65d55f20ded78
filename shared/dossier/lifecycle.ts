import { t, type MessageKey } from '../messages/vi';

/**
 * The life of a dossier, from the counter to the citizen's hands, as a state machine over its
 * append-only history (`dossier_event`). Every step is an event; the current state is the fold of
 * the history, and a service appends an event and updates `dossier.status` to `nextState(...)`
 * in the same transaction. An illegal step is refused with a message the clerk can act on.
 * Pure: no clock, no database.
 *
 * Legal transitions (`—` = a new record; anything not listed is refused):
 *
 * | from                 | event                 | to                   | why / note                                              |
 * |----------------------|-----------------------|----------------------|---------------------------------------------------------|
 * | —                    | received              | received             | dossier handed in at the counter and sealed             |
 * | —                    | result_registered     | result_received      | return-only record: the agency hands a result to post   |
 * | received             | added_to_manifest     | in_manifest          | scanned into a handover manifest                        |
 * | received             | cancelled             | cancelled            | manager cancels before dispatch                         |
 * | received             | result_received       | result_received      | only `returnOnly` (service 'return': nothing to send)   |
 * | in_manifest          | removed_from_manifest | received             | taken off the manifest (must be the manifest it is in)  |
 * | in_manifest          | dispatched            | dispatched           | the manifest it is in was handed over                   |
 * | in_manifest          | cancelled             | cancelled            | cancelling also takes it off the undispatched manifest  |
 * | dispatched           | agency_received       | at_agency            | the agency confirmed receipt                            |
 * | dispatched           | supplement_requested  | supplement_requested | agency answered without confirming: the answer is proof |
 * | dispatched           | agency_refused        | refused              | (same)                                                  |
 * | dispatched           | result_received       | result_received      | (same)                                                  |
 * | at_agency            | supplement_requested  | supplement_requested |                                                         |
 * | at_agency            | agency_refused        | refused              |                                                         |
 * | at_agency            | result_received       | result_received      |                                                         |
 * | supplement_requested | supplement_sent       | at_agency            | the citizen's supplement reached the agency             |
 * | supplement_requested | agency_refused        | refused              | no supplement in time: the agency gives the papers back |
 * | result_received      | held_for_pickup       | awaiting_pickup      | kept at a counter for the citizen                       |
 * | result_received      | out_for_delivery      | out_for_delivery     | on a postman's delivery list                            |
 * | out_for_delivery     | delivered             | delivered            | at the address (atCounter false)                        |
 * | out_for_delivery     | delivery_failed       | delivery_failed      | attempt failed, will be retried                         |
 * | out_for_delivery     | returned_to_agency    | returned_to_agency   | undeliverable outright (no such address…)               |
 * | delivery_failed      | out_for_delivery      | out_for_delivery     | next attempt                                            |
 * | delivery_failed      | held_for_pickup       | awaiting_pickup      | notice left; the citizen collects it at the counter     |
 * | delivery_failed      | returned_to_agency    | returned_to_agency   | last attempt failed                                     |
 * | awaiting_pickup      | delivered             | delivered            | at the counter (atCounter true)                         |
 * | awaiting_pickup      | returned_to_agency    | returned_to_agency   | not collected within the holding period                 |
 *
 * Closed states accept nothing: refused, delivered, returned_to_agency, cancelled. A refusal is
 * closed here: the papers going back to the citizen are not tracked by this lifecycle.
 *
 * `nextState` checks only the (state, event type) pair. `applyEvent` / `deriveState` also check
 * what the payload says when it is given: the manifest a dossier is removed from or dispatched in
 * must be the one it was added to, and `delivered.atCounter` must match where the result was.
 */

export const DOSSIER_STATES = [
  'received',
  'in_manifest',
  'dispatched',
  'at_agency',
  'supplement_requested',
  'refused',
  'result_received',
  'awaiting_pickup',
  'out_for_delivery',
  'delivery_failed',
  'delivered',
  'returned_to_agency',
  'cancelled',
] as const;
export type DossierState = (typeof DOSSIER_STATES)[number];

/** ISO yyyy-mm-dd. */
type IsoDate = string;

export type DossierEvent =
  /** The start of a dossier received at the counter (the reception service adds its own detail). */
  | { type: 'received' }
  | { type: 'added_to_manifest'; manifestId: number }
  | { type: 'removed_from_manifest'; manifestId: number }
  | { type: 'dispatched'; manifestId: number }
  | { type: 'agency_received'; resultDate?: IsoDate }
  | { type: 'agency_refused'; reason: string }
  | { type: 'supplement_requested'; reason: string; items: string[] }
  | { type: 'supplement_sent' }
  /** `returnOnly`: the citizen handed the dossier to the agency and only asked the post to return the result. */
  | { type: 'result_received'; returnOnly?: boolean }
  /** The start of a return-only record: a result for a citizen who asked only for return by post. */
  | { type: 'result_registered' }
  | { type: 'held_for_pickup' }
  | { type: 'out_for_delivery'; listId: number }
  | { type: 'delivery_failed'; reason: string; nextAttempt?: IsoDate }
  | { type: 'delivered'; receiverName: string; relation: string; idChecked: boolean; atCounter: boolean }
  | { type: 'returned_to_agency'; reason: string }
  | { type: 'cancelled'; reason: string };
export type DossierEventType = DossierEvent['type'];

export const DOSSIER_EVENT_TYPES = [
  'received',
  'added_to_manifest',
  'removed_from_manifest',
  'dispatched',
  'agency_received',
  'agency_refused',
  'supplement_requested',
  'supplement_sent',
  'result_received',
  'result_registered',
  'held_for_pickup',
  'out_for_delivery',
  'delivery_failed',
  'delivered',
  'returned_to_agency',
  'cancelled',
] as const satisfies readonly DossierEventType[];

export interface Transition {
  readonly from: DossierState | null;
  readonly event: DossierEventType;
  readonly to: DossierState;
}

/** The table above, as data: the single source for `nextState` and `allowedEvents`. */
export const TRANSITIONS: readonly Transition[] = [
  { from: null, event: 'received', to: 'received' },
  { from: null, event: 'result_registered', to: 'result_received' },
  { from: 'received', event: 'added_to_manifest', to: 'in_manifest' },
  { from: 'received', event: 'cancelled', to: 'cancelled' },
  { from: 'received', event: 'result_received', to: 'result_received' },
  { from: 'in_manifest', event: 'removed_from_manifest', to: 'received' },
  { from: 'in_manifest', event: 'dispatched', to: 'dispatched' },
  { from: 'in_manifest', event: 'cancelled', to: 'cancelled' },
  { from: 'dispatched', event: 'agency_received', to: 'at_agency' },
  { from: 'dispatched', event: 'supplement_requested', to: 'supplement_requested' },
  { from: 'dispatched', event: 'agency_refused', to: 'refused' },
  { from: 'dispatched', event: 'result_received', to: 'result_received' },
  { from: 'at_agency', event: 'supplement_requested', to: 'supplement_requested' },
  { from: 'at_agency', event: 'agency_refused', to: 'refused' },
  { from: 'at_agency', event: 'result_received', to: 'result_received' },
  { from: 'supplement_requested', event: 'supplement_sent', to: 'at_agency' },
  { from: 'supplement_requested', event: 'agency_refused', to: 'refused' },
  { from: 'result_received', event: 'held_for_pickup', to: 'awaiting_pickup' },
  { from: 'result_received', event: 'out_for_delivery', to: 'out_for_delivery' },
  { from: 'out_for_delivery', event: 'delivered', to: 'delivered' },
  { from: 'out_for_delivery', event: 'delivery_failed', to: 'delivery_failed' },
  { from: 'out_for_delivery', event: 'returned_to_agency', to: 'returned_to_agency' },
  { from: 'delivery_failed', event: 'out_for_delivery', to: 'out_for_delivery' },
  { from: 'delivery_failed', event: 'held_for_pickup', to: 'awaiting_pickup' },
  { from: 'delivery_failed', event: 'returned_to_agency', to: 'returned_to_agency' },
  { from: 'awaiting_pickup', event: 'delivered', to: 'delivered' },
  { from: 'awaiting_pickup', event: 'returned_to_agency', to: 'returned_to_agency' },
];

const START = '(start)';
const TABLE = new Map<string, DossierState>(TRANSITIONS.map((tr) => [`${tr.from ?? START}|${tr.event}`, tr.to]));

export const CLOSED_STATES: ReadonlySet<DossierState> = new Set<DossierState>(['refused', 'delivered', 'returned_to_agency', 'cancelled']);

export function isClosed(state: DossierState): boolean {
  return CLOSED_STATES.has(state);
}

export function isDossierState(value: unknown): value is DossierState {
  return typeof value === 'string' && (DOSSIER_STATES as readonly string[]).includes(value);
}

export function isDossierEventType(value: unknown): value is DossierEventType {
  return typeof value === 'string' && (DOSSIER_EVENT_TYPES as readonly string[]).includes(value);
}

/** What may happen next (for the buttons a screen offers). */
export function allowedEvents(state: DossierState | null): DossierEventType[] {
  return TRANSITIONS.filter((tr) => tr.from === state).map((tr) => tr.event);
}

export type TransitionResult = { ok: true; state: DossierState } | { ok: false; message: string };

/** The state after `event`, or the Vietnamese reason it is refused. */
export function nextState(state: DossierState | null, event: DossierEventType): TransitionResult {
  const to = TABLE.get(`${state ?? START}|${event}`);
  return to ? { ok: true, state: to } : { ok: false, message: refusal(state, event) };
}

// ── Folding a history ──

/** What the fold keeps: the state, and the manifest the dossier is in (or was dispatched in). */
export interface DossierLifecycle {
  state: DossierState;
  manifestId: number | null;
}

/**
 * An event as read back from storage: its type (a string, checked here) and, when known, the
 * payload fields the fold checks. Every `DossierEvent` is one.
 */
export interface LifecycleEventInput {
  readonly type: string;
  readonly manifestId?: number;
  readonly atCounter?: boolean;
  readonly returnOnly?: boolean;
}

export type LifecycleResult = ({ ok: true } & DossierLifecycle) | { ok: false; message: string };

/** One step of the fold: `nextState` plus the payload checks (manifest, where it was delivered). */
export function applyEvent(current: DossierLifecycle | null, input: DossierEvent | LifecycleEventInput): LifecycleResult {
  const event: LifecycleEventInput = input;
  if (!isDossierEventType(event.type)) return { ok: false, message: t('dossier.lifecycle.unknownEvent', { type: event.type }) };
  const state = current?.state ?? null;
  const step = nextState(state, event.type);
  if (!step.ok) return step;
  let manifestId = current?.manifestId ?? null;
  switch (event.type) {
    case 'added_to_manifest':
      manifestId = event.manifestId ?? null;
      break;
    case 'removed_from_manifest':
    case 'dispatched':
      if (event.manifestId !== undefined && manifestId !== null && event.manifestId !== manifestId) {
        return { ok: false, message: t('dossier.lifecycle.wrongManifest', { current: manifestId, given: event.manifestId }) };
      }
      if (event.type === 'removed_from_manifest') manifestId = null;
      else if (event.manifestId !== undefined) manifestId = event.manifestId;
      break;
    case 'cancelled':
      manifestId = null;
      break;
    case 'result_received':
      // A dossier that was to be sent must have gone to the agency first; only a return-only
      // record (the citizen applied at the agency) goes straight from the counter to "result back".
      if (state === 'received' && event.returnOnly !== true) return { ok: false, message: refusal(state, event.type) };
      break;
    case 'delivered':
      if (event.atCounter === false && state === 'awaiting_pickup') {
        return { ok: false, message: t('dossier.lifecycle.deliverAtCounterOnly', { state: stateLabel(state) }) };
      }
      if (event.atCounter === true && state === 'out_for_delivery') {
        return { ok: false, message: t('dossier.lifecycle.deliverAtAddressOnly', { state: stateLabel(state) }) };
      }
      break;
  }
  return { ok: true, state: step.state, manifestId };
}

export type DeriveResult = ({ ok: true } & DossierLifecycle) | { ok: false; message: string; index: number };

/**
 * Folds a whole history, oldest first. Refuses an empty history and names the first illegal
 * event (its index and why). Compare `state` with the stored `dossier.status` to verify them.
 */
export function deriveState(events: readonly (DossierEvent | LifecycleEventInput)[]): DeriveResult {
  if (events.length === 0) return { ok: false, message: t('dossier.lifecycle.emptyHistory'), index: 0 };
  let current: DossierLifecycle | null = null;
  for (const [index, event] of events.entries()) {
    const step = applyEvent(current, event);
    if (!step.ok) return { ok: false, message: t('dossier.lifecycle.badHistory', { n: index + 1, message: step.message }), index };
    current = { state: step.state, manifestId: step.manifestId };
  }
  return { ok: true, ...(current as DossierLifecycle) };
}

// ── Labels, stages, deadlines ──

export function stateLabel(state: DossierState): string {
  return t(`dossier.lifecycle.state.${state}`);
}

/** The line of a timeline for this step. */
export function eventLabel(type: DossierEventType): string {
  return t(`dossier.lifecycle.event.${type}`);
}

export const DOSSIER_STAGES = ['at_counter', 'to_agency', 'at_agency', 'back_at_post', 'delivering', 'closed'] as const;
export type DossierStage = (typeof DOSSIER_STAGES)[number];

/** Dashboard columns. A failed delivery is still being delivered (a retry, or held, comes next). */
export const STAGES: Readonly<Record<DossierState, DossierStage>> = {
  received: 'at_counter',
  in_manifest: 'at_counter',
  dispatched: 'to_agency',
  at_agency: 'at_agency',
  supplement_requested: 'at_agency',
  refused: 'closed',
  result_received: 'back_at_post',
  awaiting_pickup: 'back_at_post',
  out_for_delivery: 'delivering',
  delivery_failed: 'delivering',
  delivered: 'closed',
  returned_to_agency: 'closed',
  cancelled: 'closed',
};

export function stageLabel(stage: DossierStage): string {
  return t(`dossier.lifecycle.stage.${stage}`);
}

/**
 * Whether the post still answers for the dossier: not once it is closed, and not once the agency
 * has signed for a send-only dossier (service 'send': the citizen gets the result from the agency;
 * nothing more comes back through the post). Migration 007's partial indexes say the same in SQL.
 */
export function postStillOwes(state: DossierState, service: string): boolean {
  return !isClosed(state) && !(state === 'at_agency' && service === 'send');
}

/**
 * Late for the citizen: the promised date has passed and the result is not in their hands (nor
 * with the agency, for a send-only dossier). Not while the agency waits for a supplement: its
 * processing time restarts when the supplement arrives, with a new date.
 */
export function isOverdue(state: DossierState, service: string, resultDate: string | null, today: string): boolean {
  return resultDate !== null && resultDate < today && postStillOwes(state, service) && state !== 'supplement_requested';
}

// ── Why a step is refused ──

type Phase = 'counter' | 'agency' | 'result';
const PHASE: Partial<Record<DossierState, Phase>> = {
  received: 'counter',
  in_manifest: 'counter',
  dispatched: 'agency',
  at_agency: 'agency',
  supplement_requested: 'agency',
  result_received: 'result',
  awaiting_pickup: 'result',
  out_for_delivery: 'result',
  delivery_failed: 'result',
};
const EVENT_PHASE: Record<DossierEventType, Phase | 'start'> = {
  received: 'start',
  result_registered: 'start',
  added_to_manifest: 'counter',
  removed_from_manifest: 'counter',
  dispatched: 'counter',
  cancelled: 'counter',
  agency_received: 'agency',
  agency_refused: 'agency',
  supplement_requested: 'agency',
  supplement_sent: 'agency',
  result_received: 'agency',
  held_for_pickup: 'result',
  out_for_delivery: 'result',
  delivery_failed: 'result',
  delivered: 'result',
  returned_to_agency: 'result',
};
/** Reasons more precise than the phase's, for a step refused within its own phase. */
const REASON: Partial<Record<DossierState, Partial<Record<DossierEventType, MessageKey>>>> = {
  received: { dispatched: 'dossier.lifecycle.reason.notInManifest', removed_from_manifest: 'dossier.lifecycle.reason.notInManifest' },
  in_manifest: { added_to_manifest: 'dossier.lifecycle.reason.alreadyInManifest' },
  dispatched: { supplement_sent: 'dossier.lifecycle.reason.noSupplementRequest' },
  at_agency: { agency_received: 'dossier.lifecycle.reason.alreadyConfirmed', supplement_sent: 'dossier.lifecycle.reason.noSupplementRequest' },
  supplement_requested: {
    agency_received: 'dossier.lifecycle.reason.waitingSupplement',
    supplement_requested: 'dossier.lifecycle.reason.waitingSupplement',
    result_received: 'dossier.lifecycle.reason.waitingSupplement',
  },
  result_received: {
    delivered: 'dossier.lifecycle.reason.notHandedOut',
    delivery_failed: 'dossier.lifecycle.reason.notOutForDelivery',
    returned_to_agency: 'dossier.lifecycle.reason.notHandedOut',
  },
  awaiting_pickup: {
    held_for_pickup: 'dossier.lifecycle.reason.heldAtCounter',
    out_for_delivery: 'dossier.lifecycle.reason.heldAtCounter',
    delivery_failed: 'dossier.lifecycle.reason.heldAtCounter',
  },
  out_for_delivery: {
    held_for_pickup: 'dossier.lifecycle.reason.outForDelivery',
    out_for_delivery: 'dossier.lifecycle.reason.outForDelivery',
  },
  delivery_failed: {
    delivered: 'dossier.lifecycle.reason.failedRetry',
    delivery_failed: 'dossier.lifecycle.reason.notOutForDelivery',
  },
};
/** States reached only by dispatching: dispatching again is "twice". */
const DISPATCHED_ONCE: ReadonlySet<DossierState> = new Set<DossierState>(['dispatched', 'at_agency', 'supplement_requested', 'refused']);

function reasonKey(state: DossierState, event: DossierEventType): MessageKey | undefined {
  const specific = REASON[state]?.[event];
  if (specific) return specific;
  const from = PHASE[state];
  const wanted = EVENT_PHASE[event];
  if (!from || wanted === 'start' || from === wanted) return undefined;
  if (wanted === 'result') return 'dossier.lifecycle.reason.resultNotBack';
  if (from === 'result') return 'dossier.lifecycle.reason.resultBack';
  if (wanted === 'agency') return 'dossier.lifecycle.reason.notDispatched';
  return 'dossier.lifecycle.reason.alreadyDispatched';
}

function refusal(state: DossierState | null, event: DossierEventType): string {
  const action = t(`dossier.lifecycle.action.${event}`);
  if (state === null) return t('dossier.lifecycle.refused.notStarted', { action });
  const label = stateLabel(state);
  if (event === 'dispatched' && DISPATCHED_ONCE.has(state)) return t('dossier.lifecycle.refused.dispatchTwice', { state: label });
  if (isClosed(state)) return t('dossier.lifecycle.refused.closed', { state: label, action });
  if (EVENT_PHASE[event] === 'start') return t('dossier.lifecycle.refused.alreadyStarted', { state: label, action });
  const reason = reasonKey(state, event);
  return reason
    ? t('dossier.lifecycle.refused.because', { state: label, action, reason: t(reason) })
    : t('dossier.lifecycle.refused', { state: label, action });
}
