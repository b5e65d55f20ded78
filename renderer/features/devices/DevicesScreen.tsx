import { useEffect, useState } from 'react';
import type { EmulatedOutput, PrinterProfileSummary } from '../../../shared/api/contract';
import { DEVICE_KINDS, type Device, type DeviceKind } from '../../../shared/api/devices';
import { t } from '../../../shared/messages/vi';
import { useApp } from '../../app/context';
import { errorMessage } from '../../app/errors';
import { DeviceForm } from './DeviceForm';
import { ScannerPanel } from '../scanner/ScannerPanel';
import { PrintQueuePanel } from './PrintQueuePanel';
import { useDevices } from './useLive';

const MODE_LABEL: Record<string, string> = { tcvn3: 'TCVN-3', cp1258: 'CP1258', viscii: 'VISCII', ascii: 'Không dấu', image: 'Ảnh (raster)' };

function transportText(d: Device): string {
  const tr = d.transport;
  switch (tr.kind) {
    case 'serial':
      return `${tr.path} · ${tr.baudRate} ${tr.dataBits}${tr.parity[0].toUpperCase()}${tr.stopBits}`;
    case 'tcp':
      return `${tr.host}:${tr.port}`;
    case 'usb-file':
    case 'windows-share':
      return tr.path;
    case 'emulated':
      return 'Giả lập trong ứng dụng';
  }
}

/** Admin's device setup: every device with its live state, self-test and Vietnamese mode choice, the print queue. */
export function DevicesScreen() {
  const { api } = useApp();
  const [devices, reload] = useDevices();
  const [profiles, setProfiles] = useState<PrinterProfileSummary[]>([]);
  const [editing, setEditing] = useState<{ device: Device | null; kind: DeviceKind } | null>(null);
  const [picking, setPicking] = useState<Device | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [paperOf, setPaperOf] = useState<Device | null>(null);

  useEffect(() => {
    api['devices.profiles']({}).then(setProfiles, () => {});
  }, [api]);

  const act = (f: () => Promise<unknown>, ok?: string) => () => {
    setMessage(null);
    f().then(
      () => {
        if (ok) setMessage({ ok: true, text: ok });
        void reload();
      },
      (err) => setMessage({ ok: false, text: errorMessage(err) }),
    );
  };

  const profileOf = (d: Device) => profiles.find((p) => p.id === d.profileId);

  return (
    <section aria-labelledby="devices-title">
      <h1 id="devices-title">{t('devices.title')}</h1>
      {message && (
        <p className={message.ok ? 'ok' : 'error'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </p>
      )}
      {editing && (
        <DeviceForm
          device={editing.device}
          kind={editing.kind}
          profiles={profiles}
          onCancel={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            void reload();
          }}
        />
      )}
      {DEVICE_KINDS.map((kind) => (
        <div className="panel" key={kind}>
          <div className="row">
            <h2>{t(`devices.kind.${kind}`)}</h2>
            <button onClick={() => setEditing({ device: null, kind })}>{t(`devices.add.${kind}`)}</button>
          </div>
          <table className="grid" data-testid={`devices-${kind}`}>
            <thead>
              <tr>
                <th>Tên</th>
                <th>Kết nối</th>
                {kind !== 'scanner' && <th>Mẫu / tiếng Việt</th>}
                <th>Trạng thái</th>
                <th></th>
              </tr>
            </thead>
            <tbody>
              {devices
                .filter((d) => d.kind === kind)
                .map((d) => (
                  <tr key={d.id}>
                    <td>
                      {d.name} {d.isDefault && <span className="badge ok">{t('devices.default')}</span>}
                    </td>
                    <td>{transportText(d)}</td>
                    {kind !== 'scanner' && (
                      <td>
                        {profileOf(d)?.name ?? d.profileId}
                        {d.textMode && ` · ${MODE_LABEL[d.textMode]}`}
                      </td>
                    )}
                    <td>
                      <span className={`state state-${d.state}`} data-testid={`state-${d.id}`}>
                        {t(`device.state.${d.state}`)}
                      </span>
                      {d.lastError && <div className="small error">{d.lastError}</div>}
                    </td>
                    <td className="row">
                      {!d.builtin && <button onClick={() => setEditing({ device: d, kind })}>{t('devices.edit')}</button>}
                      {!d.isDefault && d.enabled && <button onClick={act(() => api['devices.setDefault']({ id: d.id }))}>{t('devices.makeDefault')}</button>}
                      {kind !== 'scanner' && (
                        <button
                          onClick={act(async () => {
                            await api['devices.selfTest']({ id: d.id });
                            if (kind === 'receipt_printer') setPicking(d);
                          }, t('devices.selfTestSent'))}
                        >
                          {t('devices.selfTest')}
                        </button>
                      )}
                      {d.transport.kind === 'emulated' && kind !== 'scanner' && <button onClick={() => setPaperOf(d)}>{t('devices.emulatedPaper')}</button>}
                    </td>
                  </tr>
                ))}
            </tbody>
          </table>
          {picking && picking.kind === kind && (
            <div className="row" role="group" aria-label={t('devices.pickMode')}>
              <strong>{t('devices.pickMode')}</strong>
              {(profileOf(picking)?.textModes ?? []).map((mode, i) => (
                <button
                  key={mode}
                  onClick={act(async () => {
                    await api['devices.chooseTextMode']({ id: picking.id, mode });
                    setPicking(null);
                  }, t('devices.modeSaved', { mode: MODE_LABEL[mode] }))}
                >
                  {i + 1}. {MODE_LABEL[mode]}
                </button>
              ))}
            </div>
          )}
        </div>
      ))}
      {paperOf && <EmulatedPaper device={paperOf} onClose={() => setPaperOf(null)} />}
      <ScannerPanel />
      <PrintQueuePanel devices={devices} />
    </section>
  );
}

/** What the emulated printer "printed", as pictures of the paper. */
export function EmulatedPaper({ device, onClose }: { device: Device; onClose: () => void }) {
  const { api } = useApp();
  const [items, setItems] = useState<EmulatedOutput[]>([]);
  useEffect(() => {
    const load = () => api['devices.emulatorPaper']({ id: device.id, limit: 10 }).then(setItems, () => {});
    void load();
    return api.on('printJobs.changed', () => void load());
  }, [api, device.id]);
  return (
    <div className="panel" aria-label={t('devices.emulatedPaper')}>
      <div className="row">
        <h2>
          {t('devices.emulatedPaper')}: {device.name}
        </h2>
        <button onClick={onClose}>{t('common.close')}</button>
      </div>
      {items.length === 0 && <p className="muted">{t('devices.noPaper')}</p>}
      <div className="paper-strip">
        {items.map((it) => (
          <figure key={it.index} className="paper-picture">
            {it.pngBase64 ? <img src={`data:image/png;base64,${it.pngBase64}`} alt={it.text.slice(0, 200)} /> : <pre className="label-text">{it.text}</pre>}
            <figcaption className="small muted">{new Date(it.at).toLocaleString('vi-VN')}</figcaption>
          </figure>
        ))}
      </div>
    </div>
  );
}
