import { Button, Heading, Textfield } from '@digdir/designsystemet-react';
import type { FormEvent } from 'react';
import type { SiteOrder } from '../../../src-shared/portal/site.contract';
import { ChangeRefusedError, type PortalApi } from '../../api/portal-api';
import { useT } from '../../i18n/language';

/** The site's answer to an ordered order: "Bekreft bestilling" with the places offered, or "Ingen kapasitet" with a reason. */
export function OrderAnswer({ api, order, onDone }: { api: PortalApi; order: SiteOrder; onDone(text: string, ok: boolean): void }) {
  const t = useT();
  const s = t.site;

  async function send(answer: { places: number } | { reason: string }, done: string) {
    try {
      await api.answerOrder(order.id, answer);
      onDone(done, true);
    } catch (error) {
      const text = error instanceof ChangeRefusedError ? (error.status === 409 ? s.refused.conflict : s.refused.invalid) : t.failed;
      onDone(text, false);
    }
  }
  const confirm = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void send({ places: Number(new FormData(event.currentTarget).get('places')) }, s.confirmDone);
  };
  const decline = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void send({ reason: String(new FormData(event.currentTarget).get('reason')) }, s.declineDone);
  };

  return (
    <>
      <form onSubmit={confirm} aria-labelledby="confirm-title" className="portal-form">
        <Heading level={2} data-size="md" id="confirm-title">
          {s.confirmTitle}
        </Heading>
        <Textfield name="places" type="number" min={1} max={1000} required label={s.places} defaultValue={String(order.requestedPlaces)} />
        <Button type="submit">{s.confirm}</Button>
      </form>
      <form onSubmit={decline} aria-labelledby="decline-title" className="portal-form">
        <Heading level={2} data-size="md" id="decline-title">
          {s.declineTitle}
        </Heading>
        <Textfield name="reason" multiline rows={3} maxLength={2000} required label={s.reason} />
        <Button type="submit" variant="secondary">
          {s.decline}
        </Button>
      </form>
    </>
  );
}
