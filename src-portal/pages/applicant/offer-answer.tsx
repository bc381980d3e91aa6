import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { formatDate } from '../../i18n/format';
import { useLanguage, useT } from '../../i18n/language';
import { ConfirmDialog } from '../confirm-dialog';
import type { SectionProps } from './section-props';

/** "Tilbud om studieplass": the offer with its answer deadline; accept or decline after confirming. */
export function OfferAnswer({ api, application, onChanged, onFailed }: SectionProps) {
  const t = useT();
  const { language } = useLanguage();
  const o = t.application.offer;
  const [asking, setAsking] = useState<'accept' | 'decline'>();
  const made = application.offerMade;
  if (!made || !application.can.answer) return null;

  async function answer(accept: boolean) {
    try {
      await api.answerOffer(application.id, accept);
      onChanged(accept ? o.accepted : o.declined);
    } catch (error) {
      onFailed(error);
    } finally {
      setAsking(undefined);
    }
  }

  return (
    <section aria-labelledby={`offer-${application.id}`}>
      <Heading level={3} data-size="md" id={`offer-${application.id}`}>
        {o.title}
      </Heading>
      <Paragraph>{o.text(`${made.offer.name} (${made.offer.code})`, formatDate(made.answerBy, language))}</Paragraph>
      <div className="portal-actions">
        <Button onClick={() => setAsking('accept')}>{o.accept}</Button>
        <Button variant="secondary" onClick={() => setAsking('decline')}>
          {o.decline}
        </Button>
      </div>
      <ConfirmDialog
        open={asking !== undefined}
        title={asking === 'accept' ? o.confirmAccept : o.confirmDecline}
        confirm={o.confirm}
        cancel={o.cancel}
        onConfirm={() => answer(asking === 'accept')}
        onClose={() => setAsking(undefined)}
      />
    </section>
  );
}
