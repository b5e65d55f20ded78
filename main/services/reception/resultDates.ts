import type { ReceptionConfig } from '../../../shared/api/contract';
import { WorkingCalendar, expectedResultDate } from '../../../shared/reception/calendar';

const calendars = new WeakMap<ReceptionConfig['calendar'], WorkingCalendar>();

/** The working calendar of the configured yearly list (compensatory days off, swapped working Saturdays). */
export function workingCalendar(config: ReceptionConfig): WorkingCalendar {
  let calendar = calendars.get(config.calendar);
  if (!calendar) {
    calendar = new WorkingCalendar({
      adjustments: [
        ...config.calendar.extraDaysOff.map((d) => ({ date: d.date, name: d.name, kind: 'off' as const })),
        ...config.calendar.extraWorkingDays.map((d) => ({ date: d.date, name: d.name, kind: 'work' as const })),
      ],
    });
    calendars.set(config.calendar, calendar);
  }
  return calendar;
}

/** When the agency gets the dossier and when its result is due, with the days skipped on the way. */
export function resultDates(config: ReceptionConfig, receivedDay: string, transitDays: number, processingDays: number) {
  const r = expectedResultDate({ receivedAt: receivedDay, transitDays, processingDays, calendar: workingCalendar(config) });
  return { agencyReceivesOn: r.agencyReceives, resultDate: r.resultDate, skipped: r.skipped.map((s) => ({ date: s.date, name: s.name })) };
}
