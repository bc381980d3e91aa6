import { Fragment } from 'react';
import type { PublicCourse } from '../../../src-shared/portal/course-registration.contract';
import { formatDate } from '../../i18n/format';
import { useLanguage, useT } from '../../i18n/language';

/** The course as its registration page tells it: code, extent, dates, price, deadline and places left. */
export function CourseFacts({ course }: { course: PublicCourse }) {
  const t = useT();
  const c = t.course;
  const { language } = useLanguage();
  const rows: [string, string][] = [
    [c.code, course.code],
    [c.credits, course.credits.toLocaleString(language === 'nb' ? 'nb-NO' : 'en-GB')],
    [c.dates, c.datesValue(formatDate(course.startDate, language), formatDate(course.endDate, language))],
    [c.sessions, String(course.sessions)],
    [c.price, c.priceValue(course.priceNok)],
    [c.deadline, formatDate(course.deadline, language)],
    [c.places, course.placesLeft > 0 ? String(course.placesLeft) : c.full],
  ];
  return (
    <dl className="portal-facts" aria-label={c.facts}>
      {rows.map(([label, value]) => (
        <Fragment key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </Fragment>
      ))}
    </dl>
  );
}
