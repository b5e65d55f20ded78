/**
 * `npm run bench [-- <section>…]`: informational performance numbers, each
 * next to a baseline measured in the same run. Budgets are printed PASS/FAIL;
 * the exit code stays 0 unless a section could not run at all.
 *
 * Add a section by appending to SECTIONS (printer bytes, reception confirm…).
 */
import os from 'node:os';
import { benchCatalogueSearch, formatCatalogueSearch } from './catalogueSearch';
import { benchDayClose, formatDayClose } from './dayClose';
import { benchLifecycle, formatLifecycle } from './lifecycle';
import { benchPrinting, formatPrinting } from './printing';
import { benchReception, formatReception } from './reception';
import { benchScanner, formatScanner } from './scanner';

export interface BenchSection {
  name: string;
  description: string;
  run(): Promise<void>;
}

const progress = (line: string) => process.stderr.write(`${line}\n`);

const SECTIONS: BenchSection[] = [
  {
    name: 'catalogue',
    description: 'catalogue search latency: service index vs naive scan, sample + 10,000 generated procedures',
    run: async () => {
      const result = await benchCatalogueSearch({ log: progress });
      console.log(formatCatalogueSearch(result));
    },
  },
  {
    name: 'printing',
    description: 'standard receipt per Vietnamese mode vs node-thermal-printer default: bytes, time to last byte at 9600/115200 baud (computed + socat pty), name check, build time',
    run: async () => {
      const result = await benchPrinting({ log: progress });
      console.log(formatPrinting(result));
    },
  },
  {
    name: 'scanner',
    description: 'scan-to-event latency of SerialScanner over a socat pty pair (suffix CR, idle gap 50 ms) vs a bare serialport',
    run: async () => {
      const result = await benchScanner({ log: progress });
      console.log(formatScanner(result));
    },
  },
  {
    name: 'reception',
    description:
      'reception.confirm (the whole durable transaction) with 1,000,000 dossiers in the database vs the bare fsync and a one-row commit measured in the same run; seeded DB cached in the OS temp dir (--reseed to rebuild)',
    run: async () => {
      const result = await benchReception({ log: progress, reseed: process.argv.includes('--reseed') });
      console.log(formatReception(result));
    },
  },
  {
    name: 'lifecycle',
    description:
      'tracking.find (scan-to-dossier) and tracking.search (name without diacritics, ID, phone), timeline, dashboard with 1,000,000 dossiers and 10,000,000 events vs a full scan / LIKE scan, with query plans; seeded DB cached in the OS temp dir (--reseed to rebuild; BCCI_BENCH_LIFECYCLE_FILE=<seeded file> reuses one as is)',
    run: async () => {
      const result = await benchLifecycle({ log: progress, reseed: process.argv.includes('--reseed') });
      console.log(formatLifecycle(result));
    },
  },
  {
    name: 'dayclose',
    description:
      'dayClose.countDay + closeDay (Z report, seal) on 25 busy days and reports.period for one / five years with 2,000,000 dossiers over five years (history sealed) vs the same totals by naive full scans, with query plans; seeded DB cached in the OS temp dir (--reseed to rebuild)',
    run: async () => {
      const result = await benchDayClose({ log: progress, reseed: process.argv.includes('--reseed') });
      console.log(formatDayClose(result));
    },
  },
];

async function main(argv: string[]): Promise<number> {
  const filters = argv.filter((a) => !a.startsWith('-')).map((a) => a.toLowerCase());
  if (argv.includes('--help') || argv.includes('-h') || argv.includes('--list')) {
    console.log('npm run bench [-- <section>…]   sections:');
    for (const s of SECTIONS) console.log(`  ${s.name.padEnd(12)} ${s.description}`);
    return 0;
  }
  const selected = filters.length === 0 ? SECTIONS : SECTIONS.filter((s) => filters.some((f) => s.name.toLowerCase().includes(f)));
  if (selected.length === 0) {
    console.error(`no bench section matches ${filters.join(', ')}; sections: ${SECTIONS.map((s) => s.name).join(', ')}`);
    return 1;
  }
  const cpus = os.cpus();
  console.log(`BCCI Counter bench — Node ${process.version}, ${os.platform()}/${os.arch()}, ${cpus.length} × ${cpus[0]?.model.trim() ?? 'CPU'}`);
  let failed = 0;
  for (const section of selected) {
    console.log('');
    const t0 = Date.now();
    try {
      await section.run();
    } catch (err) {
      failed++;
      console.log(`[${section.name}] ERROR: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    }
    progress(`  (${section.name}: ${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  }
  return failed > 0 ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
