import { Button, Field, Label, Select, Textfield } from '@digdir/designsystemet-react';
import { useRef, useState, type ChangeEvent } from 'react';
import { caseTypes, type CaseType } from '../../../src-shared/domain/case/case-type';
import { useAppStore } from '../../app/store';
import { useT } from '../../i18n/use-t';
import { deadlineWindows, type CaseFilter, type DeadlineWindow } from './case-query';
import { statusLabel, statusesOf } from './case-statuses';

const SEARCH_DELAY_MS = 150;

/** Search and filters of the overview; every control is a labelled native form control. */
export function CaseFilters() {
  const t = useT();
  const filter = useAppStore((state) => state.caseFilter);
  const setCaseFilter = useAppStore((state) => state.setCaseFilter);
  const resetCaseFilter = useAppStore((state) => state.resetCaseFilter);
  const [searchText, setSearchText] = useState(filter.search);
  const searchTimer = useRef<number | undefined>(undefined);

  // Typing updates the field at once and the (live) query after a short pause.
  const changeSearch = (value: string) => {
    setSearchText(value);
    window.clearTimeout(searchTimer.current);
    searchTimer.current = window.setTimeout(() => setCaseFilter({ search: value }), SEARCH_DELAY_MS);
  };
  const reset = () => {
    window.clearTimeout(searchTimer.current);
    setSearchText('');
    resetCaseFilter();
  };

  return (
    <form role="search" aria-label={t.overview.filters} className="case-filters" onSubmit={(event) => event.preventDefault()}>
      <Textfield
        id="case-search"
        className="case-filters__search"
        type="search"
        label={t.overview.search}
        description={t.overview.searchDescription}
        autoComplete="off"
        value={searchText}
        onChange={(event: ChangeEvent<HTMLInputElement>) => changeSearch(event.target.value)}
      />
      <Field>
        <Label htmlFor="case-type">{t.overview.type}</Label>
        <Select id="case-type" value={filter.type} onChange={(event) => setCaseFilter({ type: event.target.value as CaseType | '' })}>
          <Select.Option value="">{t.overview.allTypes}</Select.Option>
          {caseTypes.map((type) => (
            <Select.Option key={type} value={type}>
              {t.caseTypes[type]}
            </Select.Option>
          ))}
        </Select>
      </Field>
      <Field>
        <Label htmlFor="case-status">{t.overview.status}</Label>
        <Select
          id="case-status"
          value={filter.type && filter.status ? statusValue(filter.type, filter.status) : ''}
          onChange={(event) => setCaseFilter(parseStatusValue(event.target.value))}
        >
          <Select.Option value="">{t.overview.allStatuses}</Select.Option>
          {(filter.type ? [filter.type] : caseTypes).map((type) => (
            <StatusOptions key={type} type={type} grouped={!filter.type} />
          ))}
        </Select>
      </Field>
      <Field>
        <Label htmlFor="case-deadline">{t.overview.deadline}</Label>
        <Select id="case-deadline" value={filter.deadline} onChange={(event) => setCaseFilter({ deadline: event.target.value as DeadlineWindow })}>
          {deadlineWindows.map((window) => (
            <Select.Option key={window} value={window}>
              {t.overview.deadlines[window]}
            </Select.Option>
          ))}
        </Select>
      </Field>
      <Button type="button" variant="secondary" onClick={reset} className="case-filters__reset">
        {t.overview.reset}
      </Button>
    </form>
  );
}

/** Statuses belong to a case type: an option carries both, so picking one also sets the type. */
const statusValue = (type: CaseType, status: string) => `${type}/${status}`;

function parseStatusValue(value: string): Partial<CaseFilter> {
  const [type, status] = value.split('/');
  return type && status && (caseTypes as readonly string[]).includes(type) ? { type: type as CaseType, status } : { status: '' };
}

function StatusOptions({ type, grouped }: { type: CaseType; grouped: boolean }) {
  const t = useT();
  const language = useAppStore((state) => state.language);
  const options = statusesOf(type).map((status) => (
    <Select.Option key={status} value={statusValue(type, status)}>
      {statusLabel(language, type, status)}
    </Select.Option>
  ));
  return grouped ? <Select.Optgroup label={t.caseTypes[type]}>{options}</Select.Optgroup> : <>{options}</>;
}
