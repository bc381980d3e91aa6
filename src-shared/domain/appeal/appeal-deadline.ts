import { addDays, parseIsoDate } from '../calendar/iso-date';
import { workingDayOnOrAfter } from '../calendar/norwegian-holidays';

/** Forvaltningsloven § 29 first paragraph: the appeal period is three weeks. */
export const APPEAL_PERIOD_DAYS = 21;

/**
 * Last day to appeal an individual decision (enkeltvedtak) whose notice the party received
 * on `received` (YYYY-MM-DD).
 *
 * - Forvaltningsloven § 29 (1): "Fristen for å klage er tre uker fra det tidspunkt underretning
 *   om vedtaket er kommet fram til vedkommende part."
 * - The count follows domstolloven § 148: the day of receipt is not counted, and a period in
 *   weeks ends on the weekday with the same name as the day it runs from — receipt + 21 days.
 * - Domstolloven § 149: "Ender en frist paa en lørdag, helgedag eller dag som etter lovgivningen
 *   er likestilt med helgedag forlenges fristen til den nærmest følgende virkedag."
 *
 * Forvaltningsloven has no counting or weekend rule of its own (§ 30 only says when an appeal
 * counts as lodged in time: handed to the postal service or sent electronically before the
 * period ends; § 31 deals with late appeals). The three-week period was modelled on the courts'
 * rules, and administrative practice computes it with domstolloven §§ 148–149: see the
 * Legislation Department's letter of 10 February 2004 (ref. 2004/02280 EO ØR) on the history of
 * § 29, https://www.regjeringen.no/no/dokumenter/-29---forslag-om-endring-av-forvaltnings/id456280/,
 * which cites the Forvaltningskomité's use of domstolloven as the pattern "med hensyn til
 * beregning av klagefristens lengde". Statute texts: https://lovdata.no/dokument/NL/lov/1967-02-10
 * and https://lovdata.no/dokument/NL/lov/1915-08-13-5/KAPITTEL_1-8.
 */
export function appealDeadline(received: string): string {
  parseIsoDate(received);
  return workingDayOnOrAfter(addDays(received, APPEAL_PERIOD_DAYS));
}
