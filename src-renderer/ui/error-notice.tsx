import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useT } from '../i18n/use-t';

/** What a user sees when a screen fails: a plain explanation and a way out. */
export function ErrorNotice({ title, error, level = 2 }: { title?: string; error: unknown; level?: 1 | 2 }) {
  const t = useT();
  const detail = (error instanceof Error ? error.message : String(error)).trim().split('\n')[0]?.slice(0, 300);
  return (
    <Alert data-color="danger" className="error-notice">
      <Heading level={level} data-size="xs">
        {title ?? t.app.errorTitle}
      </Heading>
      <Paragraph>{t.app.errorBody}</Paragraph>
      <Paragraph data-size="sm">
        <code>{detail}</code>
      </Paragraph>
      <Button variant="secondary" onClick={() => window.location.reload()}>
        {t.app.reload}
      </Button>
    </Alert>
  );
}
