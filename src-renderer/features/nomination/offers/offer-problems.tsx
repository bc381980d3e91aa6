import { ErrorSummary, Heading } from '@digdir/designsystemet-react';
import type { MouseEvent } from 'react';
import { fieldId } from './offer-check';

/** One thing to correct: the text, and the form field it is corrected in. */
export interface FormProblem {
  key: string;
  field: string;
  text: string;
}

/** Moves focus to the field without following the link (the app's routes live in the URL's hash). */
const focusField = (field: string) => (event: MouseEvent) => {
  event.preventDefault();
  document.getElementById(fieldId(field))?.focus();
};

/**
 * The offer's problems with its agreement as they arise (announced politely), and after a refused
 * save the error summary of everything to correct (it takes focus when it appears).
 */
export function OfferProblems({
  live,
  summary,
  liveHeading,
  summaryHeading,
}: {
  live: readonly FormProblem[];
  summary: readonly FormProblem[] | null;
  liveHeading: string;
  summaryHeading: string;
}) {
  return (
    <>
      {summary && summary.length > 0 && (
        <ErrorSummary>
          <ErrorSummary.Heading>{summaryHeading}</ErrorSummary.Heading>
          <ErrorSummary.List>
            {summary.map((problem) => (
              <ErrorSummary.Item key={problem.key}>
                <ErrorSummary.Link href={`#${fieldId(problem.field)}`} onClick={focusField(problem.field)}>
                  {problem.text}
                </ErrorSummary.Link>
              </ErrorSummary.Item>
            ))}
          </ErrorSummary.List>
        </ErrorSummary>
      )}
      <div role="status" className="offer-problems">
        {!summary && live.length > 0 && (
          <>
            <Heading level={2} data-size="2xs">
              {liveHeading}
            </Heading>
            <ul>
              {live.map((problem) => (
                <li key={problem.key}>{problem.text}</li>
              ))}
            </ul>
          </>
        )}
      </div>
    </>
  );
}
