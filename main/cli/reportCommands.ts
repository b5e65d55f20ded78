import { Command } from 'commander';
import fs from 'node:fs';
import path from 'node:path';
import { t } from '../../shared/messages/vi';
import { displayDate, isIsoDay } from '../../shared/time/vietnam';
import type { App } from '../app/compose';
import type { SealCheck } from '../services/dayClose/seal';
import type { DossierStatusCheck } from '../services/dayClose/statusCheck';

type Fail = (message: string, code?: number) => never;
type WithApp = <T>(fn: (app: App) => Promise<T> | T) => Promise<T>;

/** yyyy-mm-dd or dd/mm/yyyy → yyyy-mm-dd; a wrong date is wrong usage (exit 2). */
function parseDay(value: string, fail: Fail): string {
  const dmy = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value.trim());
  const iso = dmy ? `${dmy[3]}-${dmy[2].padStart(2, '0')}-${dmy[1].padStart(2, '0')}` : value.trim();
  if (!isIsoDay(iso)) return fail(t('dayClose.cli.badDate', { value }), 2);
  return iso;
}

function checkOutput(o: { format: string; out: string }, fail: Fail): 'pdf' | 'xlsx' {
  if (o.format !== 'pdf' && o.format !== 'xlsx') return fail(t('dayClose.cli.badFormat', { value: o.format }), 2);
  const dir = path.dirname(path.resolve(o.out));
  if (!fs.existsSync(dir)) return fail(t('dayClose.cli.noFolder', { dir }), 1);
  return o.format;
}

/** `report day` and `report period`: the Z (or X) report of a day and the report upward, as PDF or XLSX. */
export function addReportCommands(program: Command, withApp: WithApp, fail: Fail, out: (s: string) => void): void {
  const report = program.command('report').description(t('dayClose.cli.report')).exitOverride();

  report
    .command('day')
    .description(t('dayClose.cli.day'))
    .argument('<date>', t('dayClose.cli.dateArg'))
    .option('--format <pdf|xlsx>', t('dayClose.cli.format'), 'pdf')
    .requiredOption('--out <file>', t('dayClose.cli.out'))
    .action(async (date: string, o: { format: string; out: string }) => {
      const day = parseDay(date, fail);
      const format = checkOutput(o, fail);
      await withApp(async (app) => {
        const r = app.services.dayClose.report(day);
        fs.writeFileSync(o.out, Buffer.from((await app.services.dayClose.file(day, format)).contentBase64, 'base64'));
        out(
          r.kind === 'Z'
            ? t('dayClose.cli.wroteZ', { day: displayDate(day), sequence: r.sequence ?? 0, file: o.out })
            : t('dayClose.cli.wroteX', { day: displayDate(day), file: o.out }),
        );
      });
    });

  report
    .command('period')
    .description(t('dayClose.cli.period'))
    .argument('<from>', t('dayClose.cli.dateArg'))
    .argument('<to>', t('dayClose.cli.dateArg'))
    .option('--format <pdf|xlsx>', t('dayClose.cli.format'), 'pdf')
    .requiredOption('--out <file>', t('dayClose.cli.out'))
    .action(async (fromArg: string, toArg: string, o: { format: string; out: string }) => {
      const from = parseDay(fromArg, fail);
      const to = parseDay(toArg, fail);
      if (from > to) fail(t('dayClose.rangeReversed'), 2);
      const format = checkOutput(o, fail);
      await withApp(async (app) => {
        fs.writeFileSync(o.out, Buffer.from((await app.services.reports.periodFile(from, to, format)).contentBase64, 'base64'));
        out(t('dayClose.cli.wrotePeriod', { from: displayDate(from), to: displayDate(to), file: o.out }));
      });
    });
}

/** The seal check's problems as `db check` lists them (empty: every closed day matches its seal). */
export function sealProblems(c: SealCheck): string[] {
  return [
    ...c.problems.map((p) => t('dayClose.cli.sealMismatch', { day: displayDate(p.day), sequence: p.sequence, parts: p.parts.map((x) => t(`dayClose.sealPart.${x}`)).join(', ') })),
    ...c.agencyBalanceMismatches.map((agency) => t('dayClose.cli.balanceMismatch', { agency })),
  ];
}

export function dossierStatusProblems(c: DossierStatusCheck): string[] {
  if (c.mismatches === 0) return [];
  const codes = c.codes.join(', ');
  return [t('dayClose.cli.statusMismatch', { n: c.mismatches, codes: c.mismatches > c.codes.length ? t('dayClose.cli.statusMore', { codes, n: c.mismatches - c.codes.length }) : codes })];
}

export function dossierStatusSummary(c: DossierStatusCheck): string {
  return t('dayClose.cli.statusSummary', { dossiers: c.dossiers, mismatches: c.mismatches });
}

export function sealSummary(c: SealCheck): string {
  return t('dayClose.cli.sealSummary', { days: c.sealedDays, problems: c.problems.length });
}
