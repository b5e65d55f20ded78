import type { ByteTransport, TransportConfig } from '../types';
import { EmulatedTransport, type EmulatedDevice } from './emulatedTransport';
import { FileTransport } from './fileTransport';
import { SerialTransport } from './serialTransport';
import { TcpTransport } from './tcpTransport';

/** The transport for a configured device; emulated devices are supplied by the caller (the device manager owns them). */
export function createTransport(config: TransportConfig, emulated: () => EmulatedDevice): ByteTransport {
  switch (config.kind) {
    case 'serial':
      return new SerialTransport(config);
    case 'tcp':
      return new TcpTransport(config.host, config.port);
    case 'usb-file':
    case 'windows-share':
      return new FileTransport(config.path);
    case 'emulated':
      return new EmulatedTransport(emulated());
  }
}
