import { Alert, Paragraph } from '@digdir/designsystemet-react';

/** The sign-in screens' error: the live region is always there, so a screen reader announces a new failure. */
export function FailureAlert({ failure }: { failure: string | null }) {
  return (
    <div role="alert">
      {failure && (
        <Alert data-color="danger">
          <Paragraph>{failure}</Paragraph>
        </Alert>
      )}
    </div>
  );
}
