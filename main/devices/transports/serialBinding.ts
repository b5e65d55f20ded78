/**
 * The serial binding every port of the app opens with: serialport's own, except that a read of zero
 * bytes ends the port as "disconnected".
 *
 * Why: serialport opens a Unix tty non-blocking with VMIN=1, so "no data yet" is EAGAIN and read(2)
 * returns 0 only when the tty was hung up — a USB-serial cable pulled, or the other end of a pty pair
 * gone. serialport 13 (bindings-cpp 13.0.0) retries a zero-byte read at once, forever: the port never
 * closes, one core spins and memory grows (serialport/bindings-cpp#162, still open). Whether a
 * hang-up lands on that path or on the poller's error path is a race, so a scanner unplugged at the
 * wrong moment stayed "connected" for good. Windows reads go through other code and are left alone.
 */
import fs from 'node:fs';
import { promisify } from 'node:util';
import { autoDetect, type AutoDetectTypes, type DarwinPortBinding, type LinuxPortBinding, type LinuxOpenOptions } from '@serialport/bindings-cpp';
// unixRead is the binding's own read loop; it takes the read function as a parameter, which is the
// one thing changed here. The package has no "exports" map, so the deep path is part of its files.
import { unixRead } from '@serialport/bindings-cpp/dist/unix-read.js';
import { SerialPort, type SerialPortOpenOptions } from 'serialport';

const readAsync = promisify(fs.read);

/** read(2) that treats end-of-file as the hang-up it is on a tty (serialport marks ENXIO "disconnect"). */
const readOrHangUp: typeof readAsync = (async (fd: number, buffer: Buffer, offset: number, length: number, position: null) => {
  const result = await readAsync(fd, buffer, offset, length, position);
  if (result.bytesRead === 0) throw Object.assign(new Error('ENXIO: the device hung up (end of file)'), { code: 'ENXIO' });
  return result;
}) as typeof readAsync;

const detected = autoDetect();

type UnixPort = LinuxPortBinding | DarwinPortBinding;

export const serialBinding: AutoDetectTypes =
  process.platform === 'win32'
    ? detected
    : ({
        list: () => detected.list(),
        async open(options: LinuxOpenOptions) {
          const port = (await detected.open(options)) as UnixPort;
          // With VMIN 0 "no data yet" also reads 0 bytes: only serialport's default (1) makes 0 a hang-up.
          if ((options.vmin ?? 1) < 1) return port;
          const checked = port.read.bind(port);
          port.read = async (buffer, offset, length) => {
            // anything the binding's own checks refuse goes to them (they throw before reading)
            if (!Buffer.isBuffer(buffer) || !Number.isInteger(offset) || !Number.isInteger(length) || buffer.length < offset + length || !port.isOpen)
              return checked(buffer, offset, length);
            return unixRead({ binding: port, buffer, offset, length, fsReadAsync: readOrHangUp });
          };
          return port;
        },
      } as AutoDetectTypes);

/**
 * A serialport SerialPort on the binding above. SerialPort's typings leave `binding` out, but its
 * constructor spreads the options over its default binding, so this one wins.
 */
export function createSerialPort(options: SerialPortOpenOptions<AutoDetectTypes>): SerialPort {
  return new SerialPort({ ...options, binding: serialBinding } as SerialPortOpenOptions<AutoDetectTypes>);
}
