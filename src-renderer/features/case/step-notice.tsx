import { Alert, Paragraph } from '@digdir/designsystemet-react';

export interface StepNoticeProps {
  busy: boolean;
  /** "Taking the step …", shown while busy. */
  working: string;
  /** "Done: <step>." after the last step, with what it did, one line each. */
  done?: { text: string; lines: readonly string[] };
  /** Why the last step was refused. */
  refused?: string;
}

/** What the last step of any case type did, announced politely; a refusal is announced at once. */
export function StepNotice({ busy, working, done, refused }: StepNoticeProps) {
  return (
    <>
      <div role="status" className="step-notice">
        {busy && <Paragraph>{working}</Paragraph>}
        {done && (
          <Alert data-color="success">
            <Paragraph>{done.text}</Paragraph>
            {done.lines.length > 0 && (
              <ul>
                {done.lines.map((line, index) => (
                  <li key={index}>{line}</li>
                ))}
              </ul>
            )}
          </Alert>
        )}
      </div>
      {refused && (
        <Alert data-color="danger" role="alert">
          {refused}
        </Alert>
      )}
    </>
  );
}
