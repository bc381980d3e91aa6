export {
  addDays,
  civilFromEpochDay,
  dateOf,
  daysInMonth,
  formatIsoDate,
  fromEpochDay,
  isoTimestampOf,
  isoWeekday,
  isRealDate,
  parseIsoDate,
  toEpochDay,
  type CalendarDate,
} from './iso-date';
export {
  easterSunday,
  isNorwegianPublicHoliday,
  isNorwegianWorkingDay,
  norwegianPublicHolidays,
  workingDayOnOrAfter,
  type PublicHoliday,
} from './norwegian-holidays';
