import { t, type MessageKey } from '../../../shared/messages/vi';

/** Why a device could not do what was asked, in words a clerk understands. */
export type DeviceFailure = 'disconnected' | 'paper_out' | 'cover_open' | 'printer_error' | 'offline' | 'timeout' | 'not_found' | 'busy' | 'render';

export class DeviceError extends Error {
  /** The job's bytes had (partly) left: the paper may hold part of it, so nothing resends it on its own. */
  afterSend = false;

  constructor(
    readonly failure: DeviceFailure,
    readonly detail?: string,
  ) {
    super(detail ? `${t(`device.failure.${failure}` as MessageKey)} (${detail})` : t(`device.failure.${failure}` as MessageKey));
    this.name = 'DeviceError';
  }
}
