import type { Db } from '../db/database';
import { AuthService } from './auth/authService';
import { CatalogueService } from './catalogue/catalogueService';
import { systemClock, type Clock } from './context';
import { SettingsService } from './settings/settingsService';
import { SetupService } from './setup/setupService';

export interface ServiceOptions {
  db: Db;
  sampleCatalogueFile: string;
  host: 'electron' | 'browser';
  version: string;
  clock?: Clock;
  onCatalogueChange?: (versionId: number) => void;
}

export interface Services {
  db: Db;
  clock: Clock;
  host: 'electron' | 'browser';
  version: string;
  settings: SettingsService;
  auth: AuthService;
  setup: SetupService;
  catalogue: CatalogueService;
}

/** Wires the services over one database; nothing here knows about Electron or sockets. */
export function createServices(o: ServiceOptions): Services {
  const clock = o.clock ?? systemClock;
  const settings = new SettingsService(o.db, clock);
  const services: Services = {
    db: o.db,
    clock,
    host: o.host,
    version: o.version,
    settings,
    auth: new AuthService(o.db, clock, settings),
    setup: new SetupService(o.db, clock),
    catalogue: new CatalogueService(o.db, clock, o.sampleCatalogueFile, o.onCatalogueChange),
  };
  services.catalogue.ensureSample();
  return services;
}
