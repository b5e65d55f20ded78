/** Emulated printers: protocol cores (in-process) and the transports that put them on real channels. */
export * from './escposEmulator';
export * from './labelEmulator';
export * from './labelPicture';
export * from './paperPicture';
export * from './printerCore';
export * from './tcpPrinterEmulator';
export * from './ptyPair';
export { ByteQueue } from './byteQueue';
