import { combineStatus, dleEot, isDleEotStatusByte, parseDleEot } from '../printing/status';
import type { StatusProtocol } from './escposDriver';

/** ESC/POS real-time status (DLE EOT 1, 2, 4) for the driver. */
export const escposStatusProtocol: StatusProtocol = {
  request: (n) => dleEot(n),
  isStatusByte: isDleEotStatusByte,
  combine: ({ printer, offline, paper }) =>
    combineStatus([parseDleEot(1, printer), parseDleEot(2, offline), parseDleEot(4, paper)].filter((f) => f !== null)),
};
