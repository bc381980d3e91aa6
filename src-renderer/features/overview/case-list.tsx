import { Paragraph } from '@digdir/designsystemet-react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { markOverviewReady } from '../../app/perf-marks';
import { useDatabase } from '../../app/providers';
import { useAppStore } from '../../app/store';
import { useT } from '../../i18n/use-t';
import { useBulkSelection } from './bulk/bulk-selection';
import { CaseRow, CASE_ROW_HEIGHT } from './case-row';
import type { CaseFilter } from './case-query';
import { caseSearchIndex } from './case-search-index';
import { firstRowsShown } from './first-rows';
import { useCaseList } from './use-case-list';

/** Rows fetched per step; the query's limit grows by this as the user scrolls. */
const PAGE_SIZE = 50;
const PREFETCH_ROWS = 15;

/**
 * The overview list: virtualized (only visible rows are in the DOM) and fed by a live query whose
 * limit grows while scrolling, so neither the DOM nor React state ever holds all cases.
 * Mount it with `key` = the filter key: a new filter starts again at the first page.
 */
export function CaseList({ filter, today }: { filter: CaseFilter; today: string }) {
  const t = useT();
  const [limit, setLimit] = useState(PAGE_SIZE);
  const { rows, matches, total } = useCaseList(filter, today, limit);
  const db = useDatabase();
  const selectCase = useAppStore((state) => state.selectCase);
  const toggleSelected = useBulkSelection((state) => state.toggle);
  const viewport = useRef<HTMLDivElement>(null);
  const loaded = rows?.length ?? 0;
  // Before the count is known (the search index still reading), a full page means there may be more.
  const hasMore = matches === undefined ? loaded === limit : loaded < matches;

  // The app does not use the React Compiler, so nothing memoizes around the virtualizer's functions.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: loaded,
    getScrollElement: () => viewport.current,
    estimateSize: () => CASE_ROW_HEIGHT,
    overscan: 6,
    initialRect: { width: 800, height: 600 },
    onChange: (instance) => {
      const last = instance.getVirtualItems().at(-1);
      if (last && hasMore && loaded === limit && last.index >= loaded - PREFETCH_ROWS) setLimit(limit + PAGE_SIZE);
    },
  });

  useEffect(() => {
    if (loaded > 0) markOverviewReady();
  }, [loaded]);

  const answered = rows !== undefined;
  useEffect(() => {
    if (answered) firstRowsShown();
  }, [answered]);

  // The search index reads every case once: when the first rows are on screen and the page is idle.
  const shown = loaded > 0;
  useEffect(() => {
    if (!shown) return;
    const handle = requestIdleCallback(() => caseSearchIndex(db.cases));
    return () => cancelIdleCallback(handle);
  }, [shown, db]);

  // Back from a case page: focus returns to the row that was opened, if it is on the first page.
  // Read once per mount, so later clicks and live updates never move focus.
  const returnFocusTo = useRef(useAppStore.getState().selectedCaseId);
  useEffect(() => {
    const id = returnFocusTo.current;
    if (!rows || !id) return;
    returnFocusTo.current = null;
    selectCase(null);
    const index = rows.findIndex((row) => row.id === id);
    if (index < 0) return;
    virtualizer.scrollToIndex(index, { align: 'center' });
    requestAnimationFrame(() => focusRow(viewport.current, index));
  }, [rows, selectCase, virtualizer]);

  // Arrow keys, Home and End move between rows; Tab still moves through them one by one.
  // Space on a row's link selects or deselects its case, as it does on the row's checkbox.
  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const current = Number((event.target as HTMLElement).closest('li')?.dataset.index);
    if (Number.isNaN(current) || loaded === 0) return;
    const item = rows?.[current];
    if (event.key === ' ' && item && (event.target as HTMLElement).matches('a')) {
      event.preventDefault();
      toggleSelected(item);
      return;
    }
    const next = { ArrowDown: current + 1, ArrowUp: current - 1, Home: 0, End: loaded - 1 }[event.key];
    if (next === undefined || next < 0 || next >= loaded) return;
    event.preventDefault();
    // A rendered row takes focus at once (the browser scrolls it into view); a far one after scrolling.
    if (focusRow(viewport.current, next)) return;
    virtualizer.scrollToIndex(next);
    requestAnimationFrame(() => focusRow(viewport.current, next));
  };

  if (rows && loaded === 0) {
    return <Paragraph className="case-list__empty">{t.overview.noMatches}</Paragraph>;
  }
  return (
    <div className="case-list">
      <div ref={viewport} className="case-list__viewport">
        <ul
          aria-label={t.overview.listLabel}
          aria-busy={rows === undefined}
          className="case-list__rows"
          style={{ height: virtualizer.getTotalSize() }}
          onKeyDown={onKeyDown}
        >
          {rows &&
            virtualizer.getVirtualItems().map((virtualRow) => {
              const item = rows[virtualRow.index];
              return item ? (
                <CaseRow
                  key={item.id}
                  item={item}
                  index={virtualRow.index}
                  setSize={matches ?? total ?? loaded}
                  today={today}
                  style={{ transform: `translateY(${virtualRow.start}px)`, height: virtualRow.size }}
                />
              ) : null;
            })}
        </ul>
      </div>
      {hasMore && loaded < limit && <Paragraph data-size="sm">{t.overview.loadingMore}</Paragraph>}
    </div>
  );
}

/** Focuses the link of row `index` if it is rendered; tells whether it was. */
function focusRow(viewport: HTMLElement | null, index: number): boolean {
  const link = viewport?.querySelector<HTMLElement>(`li[data-index="${index}"] a`);
  link?.focus();
  return link !== undefined && link !== null;
}
