import { describe, expect, it } from 'vitest';
import {
  CLOSED_STATES,
  DOSSIER_EVENT_TYPES,
  DOSSIER_STAGES,
  DOSSIER_STATES,
  STAGES,
  TRANSITIONS,
  allowedEvents,
  applyEvent,
  deriveState,
  eventLabel,
  isClosed,
  isDossierEventType,
  isDossierState,
  isOverdue,
  postStillOwes,
  nextState,
  stageLabel,
  stateLabel,
  type DossierEvent,
  type DossierEventType,
  type DossierState,
} from '../../../shared/dossier/lifecycle';

/** The legal table, written out here independently of the module's own TRANSITIONS. */
const LEGAL: [DossierState | null, DossierEventType, DossierState][] = [
  [null, 'received', 'received'],
  [null, 'result_registered', 'result_received'],
  ['received', 'added_to_manifest', 'in_manifest'],
  ['received', 'cancelled', 'cancelled'],
  ['received', 'result_received', 'result_received'],
  ['in_manifest', 'removed_from_manifest', 'received'],
  ['in_manifest', 'dispatched', 'dispatched'],
  ['in_manifest', 'cancelled', 'cancelled'],
  ['dispatched', 'agency_received', 'at_agency'],
  ['dispatched', 'supplement_requested', 'supplement_requested'],
  ['dispatched', 'agency_refused', 'refused'],
  ['dispatched', 'result_received', 'result_received'],
  ['at_agency', 'supplement_requested', 'supplement_requested'],
  ['at_agency', 'agency_refused', 'refused'],
  ['at_agency', 'result_received', 'result_received'],
  ['supplement_requested', 'supplement_sent', 'at_agency'],
  ['supplement_requested', 'agency_refused', 'refused'],
  ['result_received', 'held_for_pickup', 'awaiting_pickup'],
  ['result_received', 'out_for_delivery', 'out_for_delivery'],
  ['out_for_delivery', 'delivered', 'delivered'],
  ['out_for_delivery', 'delivery_failed', 'delivery_failed'],
  ['out_for_delivery', 'returned_to_agency', 'returned_to_agency'],
  ['delivery_failed', 'out_for_delivery', 'out_for_delivery'],
  ['delivery_failed', 'held_for_pickup', 'awaiting_pickup'],
  ['delivery_failed', 'returned_to_agency', 'returned_to_agency'],
  ['awaiting_pickup', 'delivered', 'delivered'],
  ['awaiting_pickup', 'returned_to_agency', 'returned_to_agency'],
];
const isLegal = (s: DossierState | null, e: DossierEventType) => LEGAL.some(([from, ev]) => from === s && ev === e);
const ILLEGAL: [DossierState | null, DossierEventType][] = [null, ...DOSSIER_STATES].flatMap((s) =>
  DOSSIER_EVENT_TYPES.filter((e) => !isLegal(s, e)).map((e): [DossierState | null, DossierEventType] => [s, e]),
);
const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;
const STATE_FROM_NONE = '(none)';

describe('the transition table', () => {
  it('is exactly the documented table', () => {
    expect(TRANSITIONS.map((tr) => [tr.from, tr.event, tr.to])).toEqual(LEGAL);
    expect(ILLEGAL.length + LEGAL.length).toBe((DOSSIER_STATES.length + 1) * DOSSIER_EVENT_TYPES.length);
  });

  it.each(LEGAL.map(([from, event, to]) => [from ?? STATE_FROM_NONE, event, to, from] as const))('%s —%s→ %s', (_name, event, to, from) => {
    expect(nextState(from, event)).toEqual({ ok: true, state: to });
  });

  it.each(ILLEGAL.map(([from, event]) => [from ?? STATE_FROM_NONE, event, from] as const))('%s —%s→ refused', (_name, event, from) => {
    const r = nextState(from, event);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.message).toMatch(/^Hồ sơ /);
    expect(r.message).toMatch(VIETNAMESE);
    expect(r.message).not.toMatch(/\{\w+\}|undefined|dossier\./);
    if (from !== null) expect(r.message).toContain(`«${stateLabel(from)}»`);
  });

  it('an open dossier refused a step says why (a reason after the colon, or "twice")', () => {
    for (const [from, event] of ILLEGAL) {
      if (from === null || isClosed(from) || event === 'received' || event === 'result_registered') continue;
      const r = nextState(from, event);
      if (r.ok) throw new Error('legal');
      expect(r.message, `${from} + ${event}`).toMatch(/»[,.] không thể .+: .+\.$|không thể chuyển lần nữa/);
    }
  });

  it('a result comes straight back to a dossier still at the counter only when it was return-only', () => {
    const atCounter = { state: 'received' as const, manifestId: null };
    const refused = applyEvent(atCounter, { type: 'result_received' });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.message).toContain('hồ sơ chưa được chuyển đến cơ quan');
    expect(applyEvent(atCounter, { type: 'result_received', returnOnly: true })).toEqual({ ok: true, state: 'result_received', manifestId: null });
  });

  it('closed states accept nothing', () => {
    expect([...CLOSED_STATES].sort()).toEqual(['cancelled', 'delivered', 'refused', 'returned_to_agency']);
    for (const s of CLOSED_STATES) {
      expect(allowedEvents(s)).toEqual([]);
      for (const e of DOSSIER_EVENT_TYPES) expect(nextState(s, e).ok).toBe(false);
    }
    for (const s of DOSSIER_STATES.filter((x) => !isClosed(x))) expect(allowedEvents(s).length).toBeGreaterThan(0);
  });

  it('every state is reachable from a start event', () => {
    const seen = new Set<DossierState>();
    let frontier: (DossierState | null)[] = [null];
    while (frontier.length) {
      frontier = frontier.flatMap((s) => allowedEvents(s).map((e) => nextState(s, e))).flatMap((r) => (r.ok && !seen.has(r.state) ? [r.state] : []));
      frontier.forEach((s) => seen.add(s as DossierState));
    }
    expect([...seen].sort()).toEqual([...DOSSIER_STATES].sort());
  });

  it('allowedEvents lists the legal steps', () => {
    expect(allowedEvents(null)).toEqual(['received', 'result_registered']);
    expect(allowedEvents('in_manifest')).toEqual(['removed_from_manifest', 'dispatched', 'cancelled']);
    expect(allowedEvents('awaiting_pickup')).toEqual(['delivered', 'returned_to_agency']);
  });
});

describe('refusal messages', () => {
  it('delivering before the result came back', () => {
    expect(nextState('dispatched', 'delivered')).toEqual({
      ok: false,
      message: 'Hồ sơ đang ở trạng thái «Đã chuyển cơ quan», không thể giao cho công dân: kết quả chưa về.',
    });
    for (const s of ['received', 'in_manifest', 'at_agency', 'supplement_requested'] as const) {
      const r = nextState(s, 'delivered');
      expect(r.ok === false && r.message).toContain('không thể giao cho công dân: kết quả chưa về.');
    }
  });

  it('dispatching twice', () => {
    expect(nextState('dispatched', 'dispatched')).toEqual({
      ok: false,
      message: 'Hồ sơ đã được chuyển đi, không thể chuyển lần nữa. Trạng thái hiện tại: «Đã chuyển cơ quan».',
    });
    for (const s of ['at_agency', 'supplement_requested', 'refused'] as const) {
      const r = nextState(s, 'dispatched');
      expect(r.ok === false && r.message).toMatch(/^Hồ sơ đã được chuyển đi, không thể chuyển lần nữa\./);
    }
  });

  it('others name the state, the step and the way forward', () => {
    const msg = (s: DossierState | null, e: DossierEventType) => {
      const r = nextState(s, e);
      return r.ok ? '' : r.message;
    };
    expect(msg(null, 'dispatched')).toBe('Hồ sơ chưa được tiếp nhận, không thể chuyển đến cơ quan.');
    expect(msg('received', 'dispatched')).toBe(
      'Hồ sơ đang ở trạng thái «Đã tiếp nhận, niêm phong», không thể chuyển đến cơ quan: hồ sơ chưa được quét vào bảng kê nào.',
    );
    expect(msg('in_manifest', 'added_to_manifest')).toContain('hãy gỡ khỏi bảng kê đó trước');
    expect(msg('dispatched', 'cancelled')).toBe('Hồ sơ đang ở trạng thái «Đã chuyển cơ quan», không thể hủy: hồ sơ đã được chuyển đến cơ quan.');
    expect(msg('supplement_requested', 'result_received')).toContain('cơ quan đang chờ công dân bổ sung hồ sơ');
    expect(msg('delivery_failed', 'delivered')).toContain('hãy đưa vào danh sách phát lại hoặc giữ tại quầy');
    expect(msg('delivered', 'delivered')).toBe('Hồ sơ đã kết thúc ở trạng thái «Đã trả kết quả», không thể giao cho công dân.');
    expect(msg('received', 'received')).toBe('Hồ sơ đã có trong sổ, đang ở trạng thái «Đã tiếp nhận, niêm phong», không thể tiếp nhận lần nữa.');
  });
});

const DELIVERED_HERE: DossierEvent = { type: 'delivered', receiverName: 'Nguyễn Văn An', relation: 'Chính chủ', idChecked: true, atCounter: true };
const DELIVERED_AT_DOOR: DossierEvent = { type: 'delivered', receiverName: 'Trần Thị Bình', relation: 'Vợ', idChecked: true, atCounter: false };
const TO_AGENCY: DossierEvent[] = [
  { type: 'received' },
  { type: 'added_to_manifest', manifestId: 12 },
  { type: 'dispatched', manifestId: 12 },
  { type: 'agency_received', resultDate: '2025-07-15' },
];

describe('deriveState: whole histories', () => {
  const paths: [string, DossierEvent[], DossierState][] = [
    ['pickup at the counter', [...TO_AGENCY, { type: 'result_received' }, { type: 'held_for_pickup' }, DELIVERED_HERE], 'delivered'],
    [
      'postal delivery with one failed attempt',
      [
        ...TO_AGENCY,
        { type: 'result_received' },
        { type: 'out_for_delivery', listId: 3 },
        { type: 'delivery_failed', reason: 'Không có người nhận', nextAttempt: '2025-07-17' },
        { type: 'out_for_delivery', listId: 4 },
        DELIVERED_AT_DOOR,
      ],
      'delivered',
    ],
    [
      'supplement requested twice, then the result',
      [
        ...TO_AGENCY,
        { type: 'supplement_requested', reason: 'Thiếu giấy tờ', items: ['Bản sao CCCD'] },
        { type: 'supplement_sent' },
        { type: 'supplement_requested', reason: 'Bản sao chưa chứng thực', items: ['Bản sao CCCD có chứng thực'] },
        { type: 'supplement_sent' },
        { type: 'result_received' },
        { type: 'held_for_pickup' },
        DELIVERED_HERE,
      ],
      'delivered',
    ],
    ['agency refusal', [...TO_AGENCY, { type: 'agency_refused', reason: 'Không thuộc thẩm quyền' }], 'refused'],
    [
      'no supplement in time, then refused',
      [...TO_AGENCY, { type: 'supplement_requested', reason: 'Thiếu tờ khai', items: ['Tờ khai'] }, { type: 'agency_refused', reason: 'Quá hạn bổ sung' }],
      'refused',
    ],
    [
      'return-only registration, delivered by post',
      [{ type: 'result_registered' }, { type: 'out_for_delivery', listId: 9 }, DELIVERED_AT_DOOR],
      'delivered',
    ],
    [
      'return-only, failed, held, never collected',
      [
        { type: 'result_registered' },
        { type: 'out_for_delivery', listId: 9 },
        { type: 'delivery_failed', reason: 'Sai địa chỉ' },
        { type: 'held_for_pickup' },
        { type: 'returned_to_agency', reason: 'Hết thời hạn lưu giữ' },
      ],
      'returned_to_agency',
    ],
    ['cancellation at the counter', [{ type: 'received' }, { type: 'cancelled', reason: 'Công dân rút hồ sơ' }], 'cancelled'],
    [
      'cancellation while on a manifest',
      [{ type: 'received' }, { type: 'added_to_manifest', manifestId: 5 }, { type: 'cancelled', reason: 'Nhầm thủ tục' }],
      'cancelled',
    ],
    [
      'moved from one manifest to another',
      [
        { type: 'received' },
        { type: 'added_to_manifest', manifestId: 5 },
        { type: 'removed_from_manifest', manifestId: 5 },
        { type: 'added_to_manifest', manifestId: 6 },
        { type: 'dispatched', manifestId: 6 },
        { type: 'result_received' },
      ],
      'result_received',
    ],
  ];

  it.each(paths)('%s', (_name, events, state) => {
    const r = deriveState(events);
    expect(r).toMatchObject({ ok: true, state });
    // Folding step by step with nextState on the types alone agrees.
    let s: DossierState | null = null;
    for (const e of events) {
      const step = nextState(s, e.type);
      if (!step.ok) throw new Error(step.message);
      s = step.state;
    }
    expect(s).toBe(state);
  });

  it('keeps the manifest a dossier was dispatched in', () => {
    expect(deriveState(TO_AGENCY)).toEqual({ ok: true, state: 'at_agency', manifestId: 12 });
    expect(deriveState([{ type: 'received' }, { type: 'added_to_manifest', manifestId: 5 }, { type: 'removed_from_manifest', manifestId: 5 }])).toEqual({
      ok: true,
      state: 'received',
      manifestId: null,
    });
    expect(deriveState([{ type: 'result_registered' }])).toEqual({ ok: true, state: 'result_received', manifestId: null });
  });

  it('accepts rows read back from storage (type as a string, payload fields only when known)', () => {
    const rows = [{ type: 'received' }, { type: 'added_to_manifest' }, { type: 'dispatched' }];
    expect(deriveState(rows)).toEqual({ ok: true, state: 'dispatched', manifestId: null });
  });
});

describe('deriveState: illegal histories', () => {
  it('names the first illegal event and why', () => {
    const r = deriveState([{ type: 'received' }, { type: 'added_to_manifest', manifestId: 1 }, { type: 'dispatched', manifestId: 1 }, DELIVERED_HERE]);
    expect(r).toEqual({
      ok: false,
      index: 3,
      message: 'Lịch sử hồ sơ không hợp lệ ở sự kiện thứ 4: Hồ sơ đang ở trạng thái «Đã chuyển cơ quan», không thể giao cho công dân: kết quả chưa về.',
    });
  });

  it('dispatch twice', () => {
    const r = deriveState([...TO_AGENCY.slice(0, 3), { type: 'dispatched', manifestId: 12 }]);
    expect(r).toMatchObject({ ok: false, index: 3 });
    expect(r.ok === false && r.message).toContain('không thể chuyển lần nữa');
  });

  it('a history must start with a start event, once', () => {
    expect(deriveState([{ type: 'added_to_manifest', manifestId: 1 }])).toMatchObject({ ok: false, index: 0 });
    expect(deriveState([{ type: 'received' }, { type: 'received' }])).toMatchObject({ ok: false, index: 1 });
    expect(deriveState([{ type: 'result_registered' }, { type: 'received' }])).toMatchObject({ ok: false, index: 1 });
  });

  it('refuses an empty history and unknown event types', () => {
    expect(deriveState([])).toEqual({ ok: false, index: 0, message: 'Hồ sơ không có sự kiện nào trong lịch sử.' });
    const r = deriveState([{ type: 'received' }, { type: 'teleported' }]);
    expect(r).toMatchObject({ ok: false, index: 1 });
    expect(r.ok === false && r.message).toContain('Sự kiện "teleported" không có trong quy trình hồ sơ.');
  });

  it('refuses a dispatch or removal in a manifest the dossier is not in', () => {
    const inFive: DossierEvent[] = [{ type: 'received' }, { type: 'added_to_manifest', manifestId: 5 }];
    const r = deriveState([...inFive, { type: 'dispatched', manifestId: 6 }]);
    expect(r).toMatchObject({ ok: false, index: 2 });
    expect(r.ok === false && r.message).toContain('Hồ sơ nằm trong bảng kê số 5, không phải bảng kê số 6.');
    expect(deriveState([...inFive, { type: 'removed_from_manifest', manifestId: 7 }])).toMatchObject({ ok: false, index: 2 });
  });

  it('refuses a delivery recorded at the wrong place', () => {
    const held: DossierEvent[] = [{ type: 'result_registered' }, { type: 'held_for_pickup' }];
    const out: DossierEvent[] = [{ type: 'result_registered' }, { type: 'out_for_delivery', listId: 1 }];
    const atDoor = deriveState([...held, DELIVERED_AT_DOOR]);
    expect(atDoor.ok === false && atDoor.message).toContain('«Chờ công dân đến nhận»: kết quả chỉ được trả tại quầy.');
    const atCounter = deriveState([...out, DELIVERED_HERE]);
    expect(atCounter.ok === false && atCounter.message).toContain('«Đang phát»: bưu tá trả kết quả tại địa chỉ');
  });
});

describe('applyEvent', () => {
  it('is one step of the fold', () => {
    expect(applyEvent(null, { type: 'received' })).toEqual({ ok: true, state: 'received', manifestId: null });
    expect(applyEvent({ state: 'received', manifestId: null }, { type: 'added_to_manifest', manifestId: 3 })).toEqual({
      ok: true,
      state: 'in_manifest',
      manifestId: 3,
    });
    expect(applyEvent({ state: 'in_manifest', manifestId: 3 }, { type: 'cancelled', reason: 'x' })).toEqual({ ok: true, state: 'cancelled', manifestId: null });
    expect(applyEvent({ state: 'dispatched', manifestId: 3 }, { type: 'delivered', receiverName: 'A', relation: 'B', idChecked: true, atCounter: true })).toEqual({
      ok: false,
      message: 'Hồ sơ đang ở trạng thái «Đã chuyển cơ quan», không thể giao cho công dân: kết quả chưa về.',
    });
  });
});

describe('labels, stages, deadlines', () => {
  it('every state and event has a distinct Vietnamese label', () => {
    const states = DOSSIER_STATES.map(stateLabel);
    expect(new Set(states).size).toBe(states.length);
    const events = DOSSIER_EVENT_TYPES.map(eventLabel);
    expect(new Set(events).size).toBe(events.length);
    for (const label of [...states, ...events]) expect(label).toMatch(VIETNAMESE);
    expect(stateLabel('dispatched')).toBe('Đã chuyển cơ quan');
    expect(eventLabel('dispatched')).toBe('Chuyển đến cơ quan theo bảng kê');
  });

  it('every state has a dashboard stage; closed states are closed', () => {
    expect(Object.keys(STAGES).sort()).toEqual([...DOSSIER_STATES].sort());
    for (const s of DOSSIER_STATES) expect(STAGES[s] === 'closed').toBe(isClosed(s));
    expect(STAGES.received).toBe('at_counter');
    expect(STAGES.in_manifest).toBe('at_counter');
    expect(STAGES.dispatched).toBe('to_agency');
    expect(STAGES.supplement_requested).toBe('at_agency');
    expect(STAGES.awaiting_pickup).toBe('back_at_post');
    expect(STAGES.delivery_failed).toBe('delivering');
    expect(new Set(Object.values(STAGES))).toEqual(new Set(DOSSIER_STAGES));
    for (const stage of DOSSIER_STAGES) expect(stageLabel(stage)).toMatch(VIETNAMESE);
  });

  it('late until the result is in the citizen’s hands, except while waiting for a supplement and once a send-only dossier is with the agency', () => {
    const late = (service: string) => DOSSIER_STATES.filter((s) => isOverdue(s, service, '2026-11-19', '2026-11-20'));
    const open = ['received', 'in_manifest', 'dispatched', 'at_agency', 'result_received', 'awaiting_pickup', 'out_for_delivery', 'delivery_failed'];
    expect(late('both')).toEqual(open);
    expect(late('return')).toEqual(open);
    expect(late('send')).toEqual(open.filter((s) => s !== 'at_agency'));
    expect(isOverdue('received', 'both', '2026-11-20', '2026-11-20')).toBe(false); // due today is not late
    expect(isOverdue('received', 'both', null, '2026-11-20')).toBe(false);
    expect(DOSSIER_STATES.filter((s) => postStillOwes(s, 'send'))).toEqual(['received', 'in_manifest', 'dispatched', 'supplement_requested', ...open.slice(4)]);
  });

  it('type guards', () => {
    expect(isDossierState('at_agency')).toBe(true);
    expect(isDossierState('lost')).toBe(false);
    expect(isDossierEventType('delivered')).toBe(true);
    expect(isDossierEventType(42)).toBe(false);
  });
});
