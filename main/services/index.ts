import path from 'node:path';
import type { Db } from '../db/database';
import { AdminUnitsService } from './adminUnits/adminUnitsService';
import { AuthService } from './auth/authService';
import { CatalogueService } from './catalogue/catalogueService';
import { systemClock, type Clock } from './context';
import { DeviceService } from './devices/deviceService';
import { EventBus } from './eventBus';
import { PrintingService } from './printing/printingService';
import { PrintQueue } from './printing/printQueue';
import { SettingsService } from './settings/settingsService';
import { SetupService } from './setup/setupService';
import { ReceptionService } from './reception/receptionService';
import { LifecycleService } from './lifecycle/lifecycleService';
import { TrackingService } from './lifecycle/trackingService';
import { DayCloseService } from './dayClose/dayCloseService';
import { LedgerService } from './dayClose/ledgerService';
import { ReportService } from './reports/reportService';

export interface ServiceOptions {
  db: Db;
  sampleCatalogueFile: string;
  fontsDir: string;
  host: 'electron' | 'browser';
  version: string;
  clock?: Clock;
  /** Start device polling, scanners and the print queue (off for one-shot CLI commands). */
  startDevices?: boolean;
}

export interface Services {
  db: Db;
  clock: Clock;
  host: 'electron' | 'browser';
  version: string;
  bus: EventBus;
  settings: SettingsService;
  auth: AuthService;
  setup: SetupService;
  catalogue: CatalogueService;
  devices: DeviceService;
  printQueue: PrintQueue;
  printing: PrintingService;
  reception: ReceptionService;
  lifecycle: LifecycleService;
  tracking: TrackingService;
  dayClose: DayCloseService;
  ledger: LedgerService;
  reports: ReportService;
  units: AdminUnitsService;
  stop(): Promise<void>;
}

/** Wires the services over one database; nothing here knows about Electron or sockets. */
export function createServices(o: ServiceOptions): Services {
  const clock = o.clock ?? systemClock;
  const bus = new EventBus();
  const settings = new SettingsService(o.db, clock);
  const devices = new DeviceService(o.db, clock, bus);
  const printQueue = new PrintQueue(o.db, clock, {
    driverFor: (id) => devices.driverFor(id),
    render: (job, document) => devices.render(job, document),
    onJobChange: (job) => bus.emit('printJobs.changed', job),
    onPrinterState: (id, state, detail) => devices.setState(id, state, detail),
  });
  devices.attachQueue(printQueue);
  const setup = new SetupService(o.db, clock);
  const units = new AdminUnitsService();
  const catalogue = new CatalogueService(o.db, clock, o.sampleCatalogueFile);
  const printing = new PrintingService(o.db, clock, printQueue, devices, {
    regular: path.join(o.fontsDir, 'DejaVuSansMono.ttf'),
    bold: path.join(o.fontsDir, 'DejaVuSansMono-Bold.ttf'),
  });
  const services: Services = {
    db: o.db,
    clock,
    host: o.host,
    version: o.version,
    bus,
    settings,
    auth: new AuthService(o.db, clock, settings),
    setup,
    catalogue,
    devices,
    printQueue,
    printing,
    reception: new ReceptionService(o.db, clock, catalogue, setup, printing, printQueue, units),
    lifecycle: new LifecycleService(o.db, clock, catalogue, setup, printing, printQueue, units, o.fontsDir),
    tracking: new TrackingService(o.db, clock, setup, printing),
    // Approvals and targets are read when used: `services` is complete by then.
    dayClose: new DayCloseService(o.db, clock, { approve: (u, p, perm) => services.auth.approve(u, p, perm) }, printing, printQueue, o.fontsDir),
    ledger: new LedgerService(o.db, clock),
    reports: new ReportService(o.db, clock, o.fontsDir, () => services.dayClose.config().bcciTargets),
    units,
    stop: async () => {
      await printQueue.stop();
      await devices.stop();
    },
  };
  services.catalogue.ensureSample();
  if (o.startDevices ?? true) {
    devices.start();
    printQueue.resume();
  }
  return services;
}
