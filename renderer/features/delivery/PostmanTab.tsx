import { useCallback, useEffect, useRef, useState } from 'react';
import type { z } from 'zod';
import type { deliveryListDetailSchema, deliveryListSchema, DossierSummary } from '../../../shared/api/lifecycle';
import { t } from '../../../shared/messages/vi';
import { useApp } from '../../app/context';
import { errorMessage } from '../../app/errors';
import { A4Dialog, note, NoteLine, PdfButton, StatusBadge, type Note } from '../lifecycle/controls';
import { dateTime, money } from '../lifecycle/format';
import { scannedCode } from '../lifecycle/scans';
import { TextField } from '../reception/controls';
import { newKey } from '../reception/model';
import type { ScanHandler } from './DeliveryScreen';
import { OutcomeDialog } from './OutcomeDialog';
import { ErrorLine } from '../../ui/ErrorLine';

type DeliveryList = z.infer<typeof deliveryListSchema>;
type DeliveryListDetail = z.infer<typeof deliveryListDetailSchema>;

/**
 * Phát qua bưu tá: the results ready to go out (tick them, or scan each envelope), the postman's
 * name → a delivery list (A4, PDF); then, per result on a list, what happened.
 */
export function PostmanTab({ scanHandler, active }: { scanHandler: ScanHandler; active: boolean }) {
  const { api } = useApp();
  const [ready, setReady] = useState<DossierSummary[] | null>(null);
  const [checked, setChecked] = useState<Set<number>>(new Set());
  const [postman, setPostman] = useState('');
  const [postmanError, setPostmanError] = useState<string | null>(null);
  const [formNote, setFormNote] = useState<Note | null>(null);
  const [creating, setCreating] = useState(false);
  const [lists, setLists] = useState<DeliveryList[]>([]);
  const [detail, setDetail] = useState<DeliveryListDetail | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [preview, setPreview] = useState<DeliveryList | null>(null);
  const [outcomeFor, setOutcomeFor] = useState<DossierSummary | null>(null);
  const [detailNote, setDetailNote] = useState<Note | null>(null);
  const key = useRef(newKey());

  const reload = useCallback(async () => {
    try {
      const [r, l] = await Promise.all([api['delivery.ready']({}), api['delivery.lists']({})]);
      setReady(r);
      setLists(l);
      setChecked((c) => new Set([...c].filter((id) => r.some((d) => d.id === id))));
      setLoadError(null);
    } catch (err) {
      setLoadError(errorMessage(err));
    }
  }, [api]);
  useEffect(() => {
    if (active) void reload();
  }, [active, reload]);

  const toggle = (id: number, on: boolean) => {
    key.current = newKey();
    setChecked((c) => {
      const n = new Set(c);
      if (on) n.add(id);
      else n.delete(id);
      return n;
    });
  };

  scanHandler.current = (e) => {
    if (outcomeFor || preview) return;
    const c = scannedCode(e);
    if (!c.ok) {
      setFormNote(note('error', c.message));
      return;
    }
    const code = c.code.toUpperCase();
    const d = ready?.find((x) => x.code.toUpperCase() === code || x.itemNumber?.toUpperCase() === code);
    if (!d) {
      setFormNote(note('error', t('ui.delivery.notReady', { code: c.code })));
      return;
    }
    toggle(d.id, true);
    setFormNote(note('ok', t('ui.delivery.picked', { code: d.code, name: d.applicantName })));
  };

  async function openList(id: number) {
    setDetailNote(null);
    try {
      setDetail(await api['delivery.list']({ id }));
    } catch (err) {
      setDetailNote(note('error', errorMessage(err)));
    }
  }

  function create() {
    if (creating) return;
    const name = postman.trim();
    const bad = name.length < 2 ? (name ? t('field.tooShort', { min: 2 }) : t('field.required')) : null;
    setPostmanError(bad);
    if (bad || checked.size === 0) {
      setFormNote(note('error', checked.size === 0 ? t('ui.delivery.err.noneChecked') : t('ui.delivery.err.postman')));
      return;
    }
    setCreating(true);
    setFormNote(null);
    api['delivery.createList']({ postman: name, dossierIds: [...checked], idempotencyKey: key.current })
      .then(
        (d) => {
          key.current = newKey();
          setDetail(d);
          setChecked(new Set());
          setFormNote(note('ok', t('ui.delivery.listCreated', { number: d.list.number, n: d.list.count, postman: d.list.postman })));
          void reload();
        },
        (err) => setFormNote(note('error', errorMessage(err))),
      )
      .finally(() => setCreating(false));
  }

  const allChecked = !!ready && ready.length > 0 && ready.every((d) => checked.has(d.id));
  return (
    <div className="lc-stack">
      <ErrorLine error={loadError} />
      <form
        className="rx-panel lc-form"
        noValidate
        aria-labelledby="dl-ready-title"
        onSubmit={(e) => {
          e.preventDefault();
          create();
        }}
      >
        <h2 id="dl-ready-title">{t('ui.delivery.readyTitle', { n: ready?.length ?? 0 })}</h2>
        <p className="muted small">{t('ui.delivery.readyHint')}</p>
        {ready === null && !loadError && <p className="muted small">{t('app.loading')}</p>}
        {ready?.length === 0 && <p className="muted lc-empty">{t('ui.delivery.noneReady')}</p>}
        {ready && ready.length > 0 && (
          <table className="grid lc-table">
            <thead>
              <tr>
                <th className="lc-col-check">
                  <input
                    type="checkbox"
                    aria-label={t('ui.delivery.checkAll')}
                    checked={allChecked}
                    onChange={(e) => {
                      key.current = newKey();
                      setChecked(e.target.checked ? new Set(ready.map((d) => d.id)) : new Set());
                    }}
                  />
                </th>
                <th>{t('ui.lc.col.code')}</th>
                <th>{t('ui.lc.col.itemNumber')}</th>
                <th>{t('ui.lc.col.applicant')}</th>
                <th>{t('ui.lc.deliveryTo')}</th>
                <th className="num">{t('ui.delivery.col.due')}</th>
                <th>
                  <span className="visually-hidden">{t('ui.delivery.col.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {ready.map((d) => (
                <tr key={d.id} className={checked.has(d.id) ? 'lc-picked' : undefined}>
                  <td className="lc-col-check">
                    <input type="checkbox" checked={checked.has(d.id)} onChange={(e) => toggle(d.id, e.target.checked)} aria-label={t('ui.delivery.checkOne', { code: d.code })} />
                  </td>
                  <td className="code">{d.code}</td>
                  <td className="code">{d.itemNumber ?? '—'}</td>
                  <td>
                    {d.applicantName}
                    {d.applicantPhone && <div className="muted small">{d.applicantPhone}</div>}
                  </td>
                  <td>{d.deliveryText}</td>
                  <td className="num">{d.amountDue > 0 ? money(d.amountDue) : '—'}</td>
                  <td>
                    {d.status === 'delivery_failed' && (
                      <button
                        type="button"
                        onClick={() => {
                          // A notice was left at the address: the citizen comes to the counter instead.
                          void api['delivery.holdForPickup']({ dossierId: d.id })
                            .then((x) => {
                              setFormNote(note('ok', t('ui.delivery.heldForPickup', { code: x.code })));
                              return reload();
                            })
                            .catch((err: unknown) => setFormNote(note('error', errorMessage(err))));
                        }}
                      >
                        {t('ui.delivery.holdForPickup')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <div className="lc-form-row">
          <TextField
            label={t('ui.delivery.postman')}
            name="postman"
            value={postman}
            onChange={(v) => {
              setPostman(v);
              setPostmanError(null);
              key.current = newKey();
            }}
            required
            maxLength={120}
            error={postmanError ?? undefined}
          />
          <button type="submit" className="primary" disabled={creating}>
            {creating ? t('ui.lc.sending') : t('ui.delivery.createList', { n: checked.size })}
          </button>
        </div>
        <NoteLine value={formNote} />
      </form>

      <section className="rx-panel" aria-labelledby="dl-lists-title">
        <h2 id="dl-lists-title">{t('ui.delivery.listsTitle')}</h2>
        {lists.length === 0 ? (
          <p className="muted small">{t('ui.delivery.noLists')}</p>
        ) : (
          <table className="grid lc-table">
            <thead>
              <tr>
                <th>{t('ui.delivery.col.number')}</th>
                <th>{t('ui.delivery.col.postman')}</th>
                <th>{t('ui.delivery.col.createdAt')}</th>
                <th className="num">{t('ui.delivery.col.count')}</th>
                <th className="num">{t('ui.delivery.col.open')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {lists.map((l) => (
                <tr key={l.id} className={detail?.list.id === l.id ? 'lc-picked' : undefined}>
                  <td className="code">{l.number}</td>
                  <td>{l.postman}</td>
                  <td>{dateTime(l.createdAt)}</td>
                  <td className="num">{l.count}</td>
                  <td className="num">{l.open}</td>
                  <td className="lc-row-actions">
                    <button type="button" onClick={() => void openList(l.id)} aria-label={t('ui.delivery.openList', { number: l.number })}>
                      {t('ui.lc.open')}
                    </button>
                    <button type="button" onClick={() => setPreview(l)} aria-label={t('ui.delivery.previewOf', { number: l.number })}>
                      {t('ui.lc.view')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <NoteLine value={detailNote} />
        {detail && (
          <div className="lc-detail" aria-label={t('ui.delivery.listTitle', { number: detail.list.number })} role="region">
            <div className="lc-head">
              <h3>
                {t('ui.delivery.listTitle', { number: detail.list.number })} — {detail.list.postman}
              </h3>
              <span className="muted small">{dateTime(detail.list.createdAt)}</span>
            </div>
            <div className="rx-actions">
              <button type="button" onClick={() => setPreview(detail.list)}>
                {t('ui.delivery.preview')}
              </button>
              <PdfButton load={() => api['delivery.listPdf']({ id: detail.list.id })} label={t('ui.delivery.pdf')} />
            </div>
            <table className="grid lc-table">
              <thead>
                <tr>
                  <th>{t('ui.lc.col.code')}</th>
                  <th>{t('ui.lc.col.applicant')}</th>
                  <th>{t('ui.lc.deliveryTo')}</th>
                  <th className="num">{t('ui.delivery.col.due')}</th>
                  <th>{t('ui.lc.col.status')}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {detail.dossiers.map((d) => (
                  <tr key={d.id}>
                    <td className="code">{d.code}</td>
                    <td>{d.applicantName}</td>
                    <td>{d.deliveryText}</td>
                    <td className="num">{d.amountDue > 0 ? money(d.amountDue) : '—'}</td>
                    <td>
                      <StatusBadge dossier={d} />
                    </td>
                    <td>
                      {d.status === 'out_for_delivery' && (
                        <button type="button" onClick={() => setOutcomeFor(d)} aria-label={t('ui.delivery.outcomeOf', { code: d.code })}>
                          {t('ui.delivery.outcomeButton')}
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {preview && (
        <ListPreview list={preview} onClose={() => setPreview(null)} />
      )}
      {outcomeFor && (
        <OutcomeDialog
          dossier={outcomeFor}
          onClose={() => setOutcomeFor(null)}
          onDone={(d) => {
            setOutcomeFor(null);
            setDetail((x) => (x ? { ...x, dossiers: x.dossiers.map((o) => (o.id === d.id ? d : o)) } : x));
            setDetailNote(note('ok', t('ui.delivery.outcomeSaved', { code: d.code, status: d.statusLabel })));
            void reload();
          }}
        />
      )}
    </div>
  );
}

function ListPreview({ list, onClose }: { list: DeliveryList; onClose: () => void }) {
  const { api } = useApp();
  const load = useCallback(() => api['delivery.listDocument']({ id: list.id }), [api, list.id]);
  const pdf = useCallback(() => api['delivery.listPdf']({ id: list.id }), [api, list.id]);
  return <A4Dialog title={t('ui.delivery.listTitle', { number: list.number })} load={load} pdf={pdf} onClose={onClose} />;
}
