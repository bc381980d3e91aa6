import { Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { Link } from 'react-router';
import type { SitePlacedStudent } from '../../../src-shared/portal/site.contract';
import type { PortalApi, PortalFailure } from '../../api/portal-api';
import { LoadState } from '../../app/load-state';
import { useLoad } from '../../app/use-load';
import { usePageTitle } from '../../app/use-page-title';
import { formatDate } from '../../i18n/format';
import { useLanguage, useT } from '../../i18n/language';
import { Contact } from './contact';

/**
 * "Studenter": the students at the site's orders in placement now, upcoming and past, each with
 * supervisor and teacher; for a site's supervisor ("Mine studenter"), only those they supervise.
 */
export function SiteStudentsPage({ api, supervisor = false, onFailure }: { api: PortalApi; supervisor?: boolean; onFailure(failure: PortalFailure): void }) {
  const t = useT();
  const s = t.site.students;
  const title = supervisor ? s.mine : s.title;
  usePageTitle(title);
  const [loaded, reload] = useLoad(() => (supervisor ? api.supervisedStudents() : api.siteStudents()), onFailure);
  return (
    <>
      <Heading level={1} data-size="xl">
        {title}
      </Heading>
      <LoadState loaded={loaded} reload={reload}>
        {(lists) => (
          <>
            {(['now', 'upcoming', 'past'] as const).map((when) => (
              <section key={when} aria-labelledby={`students-${when}`}>
                <Heading level={2} data-size="md" id={`students-${when}`}>
                  {s.lists[when](lists[when].length)}
                </Heading>
                {lists[when].length === 0 ? (
                  <Paragraph>{s.none}</Paragraph>
                ) : (
                  <StudentTable students={lists[when]} testId={`students-${when}`} labelledBy={`students-${when}`} linkOrders={!supervisor} />
                )}
              </section>
            ))}
          </>
        )}
      </LoadState>
    </>
  );
}

function StudentTable({
  students,
  testId,
  labelledBy,
  linkOrders,
}: {
  students: SitePlacedStudent[];
  testId: string;
  labelledBy: string;
  linkOrders: boolean;
}) {
  const t = useT();
  const s = t.site.students;
  const { language } = useLanguage();
  return (
    <Table zebra className="portal-table" data-testid={testId} aria-labelledby={labelledBy}>
      <Table.Head>
        <Table.Row>
          <Table.HeaderCell>{s.student}</Table.HeaderCell>
          <Table.HeaderCell>{t.site.course}</Table.HeaderCell>
          <Table.HeaderCell>{t.site.period}</Table.HeaderCell>
          <Table.HeaderCell>{t.site.site}</Table.HeaderCell>
          <Table.HeaderCell>{s.supervisor}</Table.HeaderCell>
          <Table.HeaderCell>{s.teacher}</Table.HeaderCell>
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {students.map((student) => (
          <Table.Row key={`${student.orderId}/${student.personId}`}>
            <Table.Cell>
              <Contact person={student} />
            </Table.Cell>
            <Table.Cell>
              {linkOrders ? (
                <Link to={`/bestilling/${encodeURIComponent(student.orderId)}`}>
                  {student.courseCode} {student.courseName}
                </Link>
              ) : (
                `${student.courseCode} ${student.courseName}`
              )}{' '}
              ({s.className(student.className)})
            </Table.Cell>
            <Table.Cell>
              {formatDate(student.from, language)} – {formatDate(student.to, language)}
            </Table.Cell>
            <Table.Cell>{[student.site.name, student.site.unit].filter(Boolean).join(', ')}</Table.Cell>
            <Table.Cell>
              <Contact person={student.supervisor} />
            </Table.Cell>
            <Table.Cell>
              <Contact person={student.teacher} />
            </Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  );
}
