import { Tag } from '@digdir/designsystemet-react';
import type { CSSProperties } from 'react';
import { Link } from 'react-router';
import { useAppStore } from '../../app/store';
import { formatDate, hasDeadline } from '../../i18n/format';
import { useT } from '../../i18n/use-t';
import { RowSelect } from './bulk/row-select';
import type { CaseSummary } from './case-search-index';
import { statusLabel } from './case-statuses';

export const CASE_ROW_HEIGHT = 72;

interface Props {
  item: CaseSummary;
  index: number;
  setSize: number;
  today: string;
  style: CSSProperties;
}

/** One case in the overview: its checkbox for bulk steps, the link with number and title, then type, status and deadline. */
export function CaseRow({ item, index, setSize, today, style }: Props) {
  const t = useT();
  const language = useAppStore((state) => state.language);
  const selectCase = useAppStore((state) => state.selectCase);
  const overdue = hasDeadline(item.nextDeadline) && item.nextDeadline < today;
  return (
    <li className="case-row" style={style} aria-setsize={setSize} aria-posinset={index + 1} data-index={index}>
      <RowSelect item={item} />
      <Link to={`/cases/${encodeURIComponent(item.id)}`} className="case-row__link" onClick={() => selectCase(item.id)}>
        <span className="case-row__number">{item.caseNumber}</span> <span className="case-row__title">{item.title}</span>
      </Link>
      <span className="case-row__meta">
        <span className="case-row__type">{t.caseTypes[item.type]}</span>
        <span className="case-row__status">{statusLabel(language, item.type, item.status)}</span>
        <span className="case-row__deadline">
          {hasDeadline(item.nextDeadline) ? (
            <>
              <span className="ds-sr-only">{t.overview.nextDeadline}: </span>
              {formatDate(item.nextDeadline, t.locale)}
              {overdue && (
                <Tag data-color="danger" data-size="sm" className="case-row__overdue">
                  {t.overview.overdue}
                </Tag>
              )}
            </>
          ) : (
            t.overview.noDeadline
          )}
        </span>
      </span>
    </li>
  );
}
