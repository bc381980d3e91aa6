import { Alert, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useEffect, useRef, useState } from 'react';
import { useParams } from 'react-router';
import type { PublicCourse } from '../../../src-shared/portal/course-registration.contract';
import type { PortalApi } from '../../api/portal-api';
import { LoadState } from '../../app/load-state';
import { useLoad } from '../../app/use-load';
import { usePageTitle } from '../../app/use-page-title';
import { formatDate } from '../../i18n/format';
import { useLanguage, useT } from '../../i18n/language';
import { CourseFacts } from './course-facts';
import { CourseRegistrationForm } from './course-registration-form';
import './course-page.css';

/**
 * `#/kurs/:caseId`: a course's public registration page, open to anyone without signing in — the
 * course's facts, then the form while registration is open, a receipt once registered, or that it
 * is closed.
 */
export function CoursePage({ api }: { api: PortalApi }) {
  const t = useT();
  const { caseId = '' } = useParams();
  const [loaded, reload] = useLoad(() => api.course(caseId));
  const course = loaded.state === 'ready' ? loaded.value : undefined;
  usePageTitle(course ? `${course.name} – ${t.course.pageTitle}` : t.course.pageTitle);
  return (
    <LoadState loaded={loaded} reload={reload}>
      {(found) =>
        found ? (
          <CourseRegistration api={api} course={found} />
        ) : (
          <>
            <Heading level={1} data-size="lg">
              {t.course.pageTitle}
            </Heading>
            <Alert data-color="warning">{t.course.notFound}</Alert>
          </>
        )
      }
    </LoadState>
  );
}

function CourseRegistration({ api, course }: { api: PortalApi; course: PublicCourse }) {
  const t = useT();
  const { language } = useLanguage();
  const [state, setState] = useState<'open' | 'registered' | 'closed'>(course.open ? 'open' : 'closed');
  return (
    <div className="portal-course">
      <Heading level={1} data-size="lg">
        {course.name}
      </Heading>
      <CourseFacts course={course} />
      {state === 'registered' ? (
        <Receipt />
      ) : state === 'closed' ? (
        <Alert data-color="warning" role="status">
          {t.course.closed(formatDate(course.deadline, language))}
        </Alert>
      ) : (
        <CourseRegistrationForm api={api} course={course} onRegistered={() => setState('registered')} onClosed={() => setState('closed')} />
      )}
    </div>
  );
}

/** After the registration: said at once, and focused so a screen reader reads it. */
function Receipt() {
  const t = useT();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <Alert data-color="success">
      <Heading level={2} data-size="sm" tabIndex={-1} ref={heading}>
        {t.course.received}
      </Heading>
      <Paragraph>{t.course.decides}</Paragraph>
    </Alert>
  );
}
