import { Alert, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { placementStatusLabels } from '../../../src-shared/domain/placement/placement.schema';
import type { PortalApi, PortalFailure } from '../../api/portal-api';
import { LoadState } from '../../app/load-state';
import { useLoad } from '../../app/use-load';
import { usePageTitle } from '../../app/use-page-title';
import { formatDate } from '../../i18n/format';
import { useLanguage, useT } from '../../i18n/language';
import { OrderAnswer } from './order-answer';
import { OrderStaffing } from './order-staffing';
import { OrderStudents } from './order-students';

/** One order: the activity, its period, classes and requirements, and the site's answer while it waits for one. */
export function SiteOrderPage({ api, onFailure }: { api: PortalApi; onFailure(failure: PortalFailure): void }) {
  const t = useT();
  const { language } = useLanguage();
  const { id = '' } = useParams();
  // The order with the site's users to staff it from (both read again after a change).
  const [loaded, reload, refresh] = useLoad(() => Promise.all([api.siteOrder(id), api.siteUsers()]).then(([order, users]) => ({ order, users })), onFailure);
  // What the answer did (or why it failed), announced; the order is then read again.
  const [notice, setNotice] = useState<{ ok: boolean; text: string }>();
  usePageTitle(loaded.state === 'ready' ? t.site.orderTitle(loaded.value.order.activity.courseName) : t.site.title);
  const done = (text: string, ok: boolean) => {
    setNotice({ ok, text });
    if (ok) refresh();
  };
  return (
    <>
      <Link to="/">{t.site.back}</Link>
      <LoadState loaded={loaded} reload={reload}>
        {({ order, users }) => (
          <article aria-labelledby="order-title">
            <Heading level={1} data-size="xl" id="order-title">
              {t.site.orderTitle(`${order.activity.courseCode} ${order.activity.courseName}`)}
            </Heading>
            <dl className="portal-facts">
              <dt>{t.site.status}</dt>
              <dd>
                <Tag data-testid="order-status">{placementStatusLabels[order.status][language]}</Tag>
              </dd>
              <dt>{t.site.caseNumber}</dt>
              <dd>{order.caseNumber}</dd>
              <dt>{t.site.site}</dt>
              <dd>{[order.site.name, order.site.unit].filter(Boolean).join(', ')}</dd>
              <dt>{t.site.period}</dt>
              <dd>
                {formatDate(order.activity.from, language)} – {formatDate(order.activity.to, language)}
              </dd>
              <dt>{t.site.classes}</dt>
              <dd>{order.activity.classes.join(', ')}</dd>
              <dt>{t.site.requested}</dt>
              <dd>{order.requestedPlaces}</dd>
              {order.confirmedPlaces !== undefined && (
                <>
                  <dt>{t.site.confirmed}</dt>
                  <dd data-testid="confirmed-places">{order.confirmedPlaces}</dd>
                </>
              )}
              {order.declineReason !== undefined && (
                <>
                  <dt>{t.site.declineReason}</dt>
                  <dd>{order.declineReason}</dd>
                </>
              )}
            </dl>
            <Heading level={2} data-size="md">
              {t.site.requirements}
            </Heading>
            {order.activity.requirements.length === 0 ? (
              <Paragraph>{t.site.noRequirements}</Paragraph>
            ) : (
              <ul>
                {order.activity.requirements.map((requirement) => (
                  <li key={requirement}>{requirement}</li>
                ))}
              </ul>
            )}
            <div aria-live="polite">{notice && <Alert data-color={notice.ok ? 'success' : 'danger'}>{notice.text}</Alert>}</div>
            {order.status === 'ordered' && <OrderAnswer api={api} order={order} onDone={done} />}
            {!['ordered', 'declined', 'cancelled'].includes(order.status) && (
              <OrderStaffing
                // A fresh form once the order's staffing changed on the server.
                key={JSON.stringify(order.staffing ?? null)}
                api={api}
                order={order}
                users={users.filter((user) => user.sites.includes(order.site.id))}
                onDone={done}
              />
            )}
            {order.students.length > 0 && <OrderStudents key={JSON.stringify(order.students)} api={api} order={order} onDone={done} />}
          </article>
        )}
      </LoadState>
    </>
  );
}
