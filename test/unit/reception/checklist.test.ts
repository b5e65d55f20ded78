import { describe, expect, it } from 'vitest';
import { procedureSchema, type DocumentForm, type Procedure } from '../../../shared/catalogue/schema';
import {
  acceptsForm,
  documentCounts,
  evaluateChecklist,
  requirementText,
  supplementSlipLines,
  verdictMessages,
  visibleItems,
  type ChecklistAnswers,
  type PresentedItem,
} from '../../../shared/reception/checklist';

const AUTHORISED = 'Người nộp là người được ủy quyền?';
const ABANDONED = 'Trẻ em bị bỏ rơi?';
const GROUP = 'Giấy tờ chứng minh việc sinh';

// Modelled on 1.001193 (đăng ký khai sinh) of the sample catalogue, plus a copy_with_original
// item, an optional one and an item needing both originals and copies.
const PROCEDURE: Procedure = procedureSchema.parse({
  code: '1.001193',
  name: 'Thủ tục đăng ký khai sinh',
  field: 'Hộ tịch',
  level: 'Cấp Xã',
  agency: 'Ủy ban nhân dân cấp xã',
  bcciReceive: true,
  bcciReturn: true,
  processingDays: 0,
  phi: { kind: 'fixed', amount: 0 },
  lePhi: { kind: 'fixed', amount: 0 },
  documents: [
    /* 0 */ { name: 'Tờ khai đăng ký khai sinh', form: 'original', originals: 1, copies: 0, kind: 'mandatory', templateCode: 'Mẫu TK' },
    /* 1 */ { name: 'Giấy chứng sinh', form: 'original', originals: 1, copies: 0, kind: 'alternative', group: GROUP },
    /* 2 */ { name: 'Biên bản về việc trẻ bị bỏ rơi', form: 'original', originals: 1, copies: 0, kind: 'conditional', condition: ABANDONED },
    /* 3 */ { name: 'Văn bản người làm chứng', form: 'original', originals: 1, copies: 0, kind: 'alternative', group: GROUP },
    /* 4 */ { name: 'Bản sao giấy tờ tùy thân', form: 'certified_copy', originals: 0, copies: 1, kind: 'mandatory' },
    /* 5 */ { name: 'Văn bản ủy quyền', form: 'original', originals: 1, copies: 0, kind: 'conditional', condition: AUTHORISED },
    /* 6 */ { name: 'Giấy tờ chứng minh quan hệ', form: 'copy_with_original', originals: 0, copies: 1, kind: 'conditional', condition: AUTHORISED },
    /* 7 */ { name: 'Sổ hộ khẩu', form: 'copy', originals: 0, copies: 2, kind: 'optional' },
    /* 8 */ { name: 'Giấy đề nghị kèm bản sao', form: 'original', originals: 1, copies: 1, kind: 'mandatory' },
  ],
});

const give = (form: DocumentForm, originals: number, copies: number): PresentedItem => ({ presented: true, form, originals, copies });
const orig = (n = 1) => give('original', n, 0);

function answers(conditions: ChecklistAnswers['conditions'], items: ChecklistAnswers['items']): ChecklistAnswers {
  return { conditions, items };
}

/** Everything mandatory satisfied, both questions answered no. */
const COMPLETE_ITEMS: ChecklistAnswers['items'] = {
  0: orig(),
  1: orig(),
  4: give('certified_copy', 0, 1),
  8: give('original', 1, 1),
};
const NO_NO = { [AUTHORISED]: false, [ABANDONED]: false };

describe('visibleItems', () => {
  it('lists unanswered questions once each, in catalogue order, and hides their items', () => {
    const v = visibleItems(PROCEDURE, answers({}, {}));
    expect(v.pendingQuestions).toEqual([ABANDONED, AUTHORISED]);
    expect(v.pending).toEqual([2, 5, 6]);
    expect(v.items.map((i) => i.index)).toEqual([0, 1, 3, 4, 7, 8]);
  });

  it('yes shows the conditional items, no hides them', () => {
    const v = visibleItems(PROCEDURE, answers({ [AUTHORISED]: true, [ABANDONED]: false }, {}));
    expect(v.pendingQuestions).toEqual([]);
    expect(v.hidden).toEqual([2]);
    expect(v.items.map((i) => i.index)).toEqual([0, 1, 3, 4, 5, 6, 7, 8]);
  });

  it('shows an alternative group together, at its first member', () => {
    const v = visibleItems(PROCEDURE, answers({ [ABANDONED]: true, [AUTHORISED]: false }, {}));
    // index 2 (conditional yes) comes after the whole group although it sits between 1 and 3
    expect(v.items.map((i) => i.index)).toEqual([0, 1, 3, 2, 4, 7, 8]);
    expect(v.rows[1]).toMatchObject({ kind: 'group', group: GROUP });
    expect(v.rows[1].kind === 'group' && v.rows[1].items.map((i) => i.index)).toEqual([1, 3]);
    expect(v.rows.map((r) => r.kind)).toEqual(['item', 'group', 'item', 'item', 'item', 'item']);
  });
});

describe('evaluateChecklist — questions and conditions', () => {
  it('pending questions make the dossier incomplete even when everything visible is there', () => {
    const r = evaluateChecklist(PROCEDURE, answers({ [ABANDONED]: false }, COMPLETE_ITEMS));
    expect(r.missing).toEqual([]);
    expect(r.pendingQuestions).toEqual([AUTHORISED]);
    expect(r.complete).toBe(false);
  });

  it('complete when all mandatory items are satisfied and every question answered', () => {
    const r = evaluateChecklist(PROCEDURE, answers(NO_NO, COMPLETE_ITEMS));
    expect(r).toMatchObject({ complete: true, pendingQuestions: [], missing: [], extraAlternatives: [] });
    expect(r.satisfied).toEqual([0, 1, 4, 8]);
    expect(verdictMessages(r)).toEqual(['Hồ sơ đủ thành phần theo danh mục.']);
  });

  it('a yes answer requires the conditional items', () => {
    const r = evaluateChecklist(PROCEDURE, answers({ ...NO_NO, [AUTHORISED]: true }, COMPLETE_ITEMS));
    expect(r.complete).toBe(false);
    expect(r.missing.map((m) => m.kind === 'item' && m.index)).toEqual([5, 6]);
  });

  it('a no answer ignores a stale record of the hidden item', () => {
    const r = evaluateChecklist(PROCEDURE, answers(NO_NO, { ...COMPLETE_ITEMS, 5: give('copy', 0, 1) }));
    expect(r.complete).toBe(true);
    expect(documentCounts(PROCEDURE, answers(NO_NO, { ...COMPLETE_ITEMS, 5: orig() })).items.map((i) => i.index)).toEqual([0, 1, 4, 8]);
  });

  it('an optional item is never missing', () => {
    const r = evaluateChecklist(PROCEDURE, answers(NO_NO, { ...COMPLETE_ITEMS, 7: give('original', 1, 0) }));
    expect(r.complete).toBe(true);
    expect(r.satisfied).not.toContain(7);
  });
});

describe('evaluateChecklist — alternative groups', () => {
  const without = (...ix: number[]) => Object.fromEntries(Object.entries(COMPLETE_ITEMS).filter(([k]) => !ix.includes(Number(k))));

  it('none satisfied → one group entry with the options', () => {
    const r = evaluateChecklist(PROCEDURE, answers(NO_NO, without(1)));
    expect(r.complete).toBe(false);
    expect(r.missing).toEqual([{ kind: 'group', group: GROUP, options: ['Giấy chứng sinh', 'Văn bản người làm chứng'], indexes: [1, 3] }]);
    expect(verdictMessages(r)).toEqual(['Thiếu một trong các giấy tờ: Giấy chứng sinh / Văn bản người làm chứng']);
  });

  it('one satisfied → fine, whichever it is', () => {
    expect(evaluateChecklist(PROCEDURE, answers(NO_NO, without(1))).complete).toBe(false);
    expect(evaluateChecklist(PROCEDURE, answers(NO_NO, { ...without(1), 3: orig() })).complete).toBe(true);
  });

  it('two satisfied → still complete, with an extraAlternatives warning', () => {
    const r = evaluateChecklist(PROCEDURE, answers(NO_NO, { ...COMPLETE_ITEMS, 3: orig() }));
    expect(r.complete).toBe(true);
    expect(r.extraAlternatives).toEqual([
      { group: GROUP, satisfied: [{ index: 1, name: 'Giấy chứng sinh' }, { index: 3, name: 'Văn bản người làm chứng' }] },
    ]);
    expect(verdictMessages(r)).toEqual([
      'Hồ sơ đủ thành phần theo danh mục.',
      'Lưu ý: nhóm "Giấy tờ chứng minh việc sinh" chỉ cần một giấy tờ, đã nhận 2: Giấy chứng sinh / Văn bản người làm chứng. Có thể trả lại giấy tờ thừa cho công dân.',
    ]);
  });

  it('none satisfied but one presented in the wrong form → the group entry, then that member with its reason', () => {
    const r = evaluateChecklist(PROCEDURE, answers(NO_NO, { ...without(1), 1: give('copy', 0, 1) }));
    expect(r.missing).toEqual([
      { kind: 'group', group: GROUP, options: ['Giấy chứng sinh', 'Văn bản người làm chứng'], indexes: [1, 3] },
      {
        kind: 'item',
        index: 1,
        name: 'Giấy chứng sinh',
        requiredForm: 'original',
        requiredOriginals: 1,
        requiredCopies: 0,
        reason: 'wrong_form',
        presentedForm: 'copy',
        presented: { originals: 0, copies: 1 },
        group: GROUP,
      },
    ]);
    expect(verdictMessages(r)).toEqual([
      'Thiếu một trong các giấy tờ: Giấy chứng sinh / Văn bản người làm chứng',
      'Sai hình thức: Giấy chứng sinh — cần bản chính, đã nộp bản sao',
    ]);
  });

  it('a satisfied group ignores a wrong-form extra member', () => {
    const r = evaluateChecklist(PROCEDURE, answers(NO_NO, { ...COMPLETE_ITEMS, 3: give('copy', 0, 1) }));
    expect(r.complete).toBe(true);
    expect(r.extraAlternatives).toEqual([]);
  });
});

describe('forms', () => {
  it('acceptance table', () => {
    const forms: DocumentForm[] = ['original', 'certified_copy', 'copy', 'copy_with_original'];
    const table = Object.fromEntries(forms.map((req) => [req, forms.filter((p) => acceptsForm(req, p))]));
    expect(table).toEqual({
      original: ['original'],
      certified_copy: ['certified_copy'],
      copy: ['certified_copy', 'copy', 'copy_with_original'],
      copy_with_original: ['certified_copy', 'copy_with_original'],
    });
  });

  it('an original where a certified copy is required → wrong_form with the "sent away" hint', () => {
    const r = evaluateChecklist(PROCEDURE, answers(NO_NO, { ...COMPLETE_ITEMS, 4: give('original', 1, 0) }));
    expect(r.missing).toEqual([
      expect.objectContaining({ index: 4, reason: 'wrong_form', presentedForm: 'original', hint: 'original_sent_away', requiredForm: 'certified_copy' }),
    ]);
    expect(verdictMessages(r)).toEqual([
      'Sai hình thức: Bản sao giấy tờ tùy thân — cần bản sao chứng thực, đã nộp bản chính (bản chính sẽ bị gửi đi — đề nghị công dân nộp bản sao chứng thực)',
    ]);
  });

  it('a plain copy where a copy compared with the original is required → wrong_form with the compare hint', () => {
    const yes = { ...NO_NO, [AUTHORISED]: true };
    const items = { ...COMPLETE_ITEMS, 5: orig(), 6: give('copy', 0, 1) };
    const r = evaluateChecklist(PROCEDURE, answers(yes, items));
    expect(r.missing).toEqual([expect.objectContaining({ index: 6, reason: 'wrong_form', presentedForm: 'copy', hint: 'compare_with_original' })]);
    expect(verdictMessages(r)[0]).toBe(
      'Sai hình thức: Giấy tờ chứng minh quan hệ — cần bản sao kèm bản chính để đối chiếu, đã nộp bản sao (đề nghị công dân xuất trình bản chính để đối chiếu (ghi "đã đối chiếu bản chính") hoặc nộp bản sao chứng thực)',
    );
    // compared at the counter, or a certified copy: accepted
    expect(evaluateChecklist(PROCEDURE, answers(yes, { ...items, 6: give('copy_with_original', 0, 1) })).complete).toBe(true);
    expect(evaluateChecklist(PROCEDURE, answers(yes, { ...items, 6: give('certified_copy', 0, 1) })).complete).toBe(true);
  });
});

describe('counts and presence', () => {
  it('not presented: no record, or presented=false', () => {
    const r = evaluateChecklist(PROCEDURE, answers(NO_NO, { ...COMPLETE_ITEMS, 0: { presented: false, form: 'original', originals: 1, copies: 0 } }));
    expect(r.missing).toEqual([
      { kind: 'item', index: 0, name: 'Tờ khai đăng ký khai sinh', requiredForm: 'original', requiredOriginals: 1, requiredCopies: 0, reason: 'not_presented' },
    ]);
    expect(verdictMessages(r)).toEqual(['Thiếu: Tờ khai đăng ký khai sinh — bản chính, 1 bản']);
  });

  it('too few originals or copies', () => {
    const r = evaluateChecklist(PROCEDURE, answers(NO_NO, { ...COMPLETE_ITEMS, 8: give('original', 1, 0) }));
    expect(r.missing).toEqual([expect.objectContaining({ index: 8, reason: 'too_few', presented: { originals: 1, copies: 0 } })]);
    expect(verdictMessages(r)).toEqual(['Chưa đủ số lượng: Giấy đề nghị kèm bản sao — cần 1 bản chính, 1 bản sao, đã nộp 1 bản chính, 0 bản sao']);
  });

  it('more than required is fine', () => {
    expect(evaluateChecklist(PROCEDURE, answers(NO_NO, { ...COMPLETE_ITEMS, 4: give('certified_copy', 0, 3) })).complete).toBe(true);
  });

  it('wrong form is reported before too few', () => {
    const r = evaluateChecklist(PROCEDURE, answers(NO_NO, { ...COMPLETE_ITEMS, 4: give('copy', 0, 0) }));
    expect(r.missing).toEqual([expect.objectContaining({ index: 4, reason: 'wrong_form' })]);
  });

  it('requirement text', () => {
    expect(requirementText('original', 1, 0)).toBe('bản chính, 1 bản');
    expect(requirementText('certified_copy', 0, 2)).toBe('bản sao chứng thực, 2 bản');
    expect(requirementText('original', 1, 1)).toBe('1 bản chính, 1 bản sao');
    expect(requirementText('certified_copy', 1, 2)).toBe('bản sao chứng thực: 1 bản chính, 2 bản sao');
  });
});

describe('verdict and supplement slip', () => {
  const messy = answers(
    { [ABANDONED]: false },
    { 4: give('original', 1, 0), 8: give('original', 1, 0) },
  );

  it('verdict: pending questions first, then one line per missing entry', () => {
    const r = evaluateChecklist(PROCEDURE, messy);
    expect(verdictMessages(r)).toEqual([
      'Cần hỏi công dân: Người nộp là người được ủy quyền?',
      'Thiếu: Tờ khai đăng ký khai sinh — bản chính, 1 bản',
      'Thiếu một trong các giấy tờ: Giấy chứng sinh / Văn bản người làm chứng',
      'Sai hình thức: Bản sao giấy tờ tùy thân — cần bản sao chứng thực, đã nộp bản chính (bản chính sẽ bị gửi đi — đề nghị công dân nộp bản sao chứng thực)',
      'Chưa đủ số lượng: Giấy đề nghị kèm bản sao — cần 1 bản chính, 1 bản sao, đã nộp 1 bản chính, 0 bản sao',
    ]);
  });

  it('slip lines: name, required form, quantity and reason', () => {
    const r = evaluateChecklist(PROCEDURE, messy);
    expect(supplementSlipLines(PROCEDURE, r)).toEqual([
      { no: 1, name: 'Tờ khai đăng ký khai sinh', form: 'Bản chính', quantity: 'Bản chính: 1 - Bản sao: 0', reason: 'Chưa nộp', templateCode: 'Mẫu TK' },
      {
        no: 2,
        name: 'Một trong các giấy tờ sau: Giấy chứng sinh; Văn bản người làm chứng',
        form: 'Bản chính',
        quantity: 'Bản chính: 1 - Bản sao: 0',
        reason: 'Chưa nộp giấy tờ nào trong nhóm "Giấy tờ chứng minh việc sinh"',
      },
      {
        no: 3,
        name: 'Bản sao giấy tờ tùy thân',
        form: 'Bản sao chứng thực',
        quantity: 'Bản chính: 0 - Bản sao: 1',
        reason: 'Sai hình thức: đã nộp bản chính (bản chính sẽ bị gửi đi — đề nghị công dân nộp bản sao chứng thực)',
      },
      {
        no: 4,
        name: 'Giấy đề nghị kèm bản sao',
        form: 'Bản chính',
        quantity: 'Bản chính: 1 - Bản sao: 1',
        reason: 'Chưa đủ số lượng: đã nộp 1 bản chính, 0 bản sao',
      },
    ]);
  });

  it('a complete dossier has no slip lines', () => {
    expect(supplementSlipLines(PROCEDURE, evaluateChecklist(PROCEDURE, answers(NO_NO, COMPLETE_ITEMS)))).toEqual([]);
  });
});

describe('documentCounts', () => {
  it('counts what was received, in catalogue order, including extras and wrong forms', () => {
    const items = { ...COMPLETE_ITEMS, 3: orig(), 4: give('original', 1, 0), 7: { ...give('copy', 0, 2), note: 'photo' } };
    expect(documentCounts(PROCEDURE, answers(NO_NO, items))).toEqual({
      originals: 5,
      copies: 3,
      items: [
        { index: 0, name: 'Tờ khai đăng ký khai sinh', form: 'original', originals: 1, copies: 0 },
        { index: 1, name: 'Giấy chứng sinh', form: 'original', originals: 1, copies: 0 },
        { index: 3, name: 'Văn bản người làm chứng', form: 'original', originals: 1, copies: 0 },
        { index: 4, name: 'Bản sao giấy tờ tùy thân', form: 'original', originals: 1, copies: 0 },
        { index: 7, name: 'Sổ hộ khẩu', form: 'copy', originals: 0, copies: 2, note: 'photo' },
        { index: 8, name: 'Giấy đề nghị kèm bản sao', form: 'original', originals: 1, copies: 1 },
      ],
    });
  });

  it('leaves out items not presented and items of pending questions', () => {
    const r = documentCounts(PROCEDURE, answers({}, { 0: orig(), 5: orig(), 1: { presented: false, form: 'original', originals: 1, copies: 0 } }));
    expect(r).toEqual({ originals: 1, copies: 0, items: [{ index: 0, name: 'Tờ khai đăng ký khai sinh', form: 'original', originals: 1, copies: 0 }] });
  });
});
