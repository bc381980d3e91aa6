import { Alert, Button } from '@digdir/designsystemet-react';

/** The end of a decision form: why the last try was refused, if it was; then preview and decide. */
export function DecisionActions({
  problem,
  onPreview,
  decideDisabled,
  texts,
  className,
}: {
  problem: string | null | undefined;
  onPreview(): void;
  decideDisabled: boolean;
  texts: { preview: string; decide: string };
  className: string;
}) {
  return (
    <>
      {problem && (
        <Alert data-color="danger" role="alert">
          {problem}
        </Alert>
      )}
      <div className={className}>
        <Button type="button" variant="secondary" onClick={onPreview}>
          {texts.preview}
        </Button>
        <Button type="submit" disabled={decideDisabled}>
          {texts.decide}
        </Button>
      </div>
    </>
  );
}
