import { Alert, Button, Field, Heading, Label, Paragraph, Select, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo, useState } from 'react';
import { useForm, useWatch, type FieldError } from 'react-hook-form';
import { cefrLevels, type NominationDraft } from '../../src-shared/domain/nomination/nomination-csv-draft';
import type { PortalOffer } from '../../src-shared/portal/portal.contract';
import { NominationRefusedError, PortalApiError, type PortalApi, type PortalFailure } from '../api/portal-api';
import { LoadState } from '../app/load-state';
import { useLoad } from '../app/use-load';
import { usePageTitle } from '../app/use-page-title';
import { useLanguage, useT } from '../i18n/language';
import { fieldText } from './nomination-field-text';
import { emptyNominateForm, nominateFormFields, nominateFormSchema, type NominateFormInput } from './nominate-form';

/** "Nominer": one applicant for one of the partner's offers; errors at the fields, the server's too. */
export function NominatePage({ api, onFailure }: { api: PortalApi; onFailure(failure: PortalFailure): void }) {
  const t = useT();
  usePageTitle(t.nominate.title);
  const [loaded, reload] = useLoad(() => api.offers(), onFailure);
  return (
    <>
      <Heading level={1} data-size="lg">
        {t.nominate.title}
      </Heading>
      <LoadState loaded={loaded} reload={reload}>
        {(offers) => (offers.length === 0 ? <Paragraph>{t.offers.none}</Paragraph> : <NominateForm api={api} offers={offers} onFailure={onFailure} />)}
      </LoadState>
    </>
  );
}

function NominateForm({ api, offers, onFailure }: { api: PortalApi; offers: PortalOffer[]; onFailure(failure: PortalFailure): void }) {
  const t = useT();
  const { language } = useLanguage();
  const schema = useMemo(() => nominateFormSchema(offers), [offers]);
  const [outcome, setOutcome] = useState<{ kind: 'created' | 'existing' | 'failed'; name?: string }>();
  const {
    register,
    handleSubmit,
    control,
    reset,
    setError,
    getValues,
    formState: { errors, isSubmitting },
  } = useForm<NominateFormInput, unknown, NominationDraft>({
    resolver: zodResolver(schema),
    defaultValues: { ...emptyNominateForm, offerCode: offers[0]!.code },
  });
  const offerCode = useWatch({ control, name: 'offerCode' });
  const offer = offers.find((candidate) => candidate.code === offerCode);
  // A nominator of several partners nominates for the partner of the offer chosen.
  const severalPartners = new Set(offers.map((candidate) => candidate.partner.id)).size > 1;

  // The form's own message for a field: required when blank, else what a valid value looks like.
  const message = (field: keyof NominateFormInput, error: FieldError | undefined) =>
    error && (error.type === 'server' ? error.message : getValues(field).trim() === '' ? t.nominate.required : fieldText(field, language).invalid);

  async function submit(draft: NominationDraft) {
    setOutcome(undefined);
    try {
      const result = await api.nominate(draft, offers.find((candidate) => candidate.code === draft.offerCode)!.partner.id);
      setOutcome({ kind: result.created > 0 ? 'created' : 'existing', name: `${draft.givenName} ${draft.familyName}` });
      reset({ ...emptyNominateForm, offerCode: draft.offerCode });
    } catch (error) {
      if (error instanceof NominationRefusedError) {
        for (const refused of error.errors) {
          const field = nominateFormFields.find((candidate) => candidate === refused.field) ?? 'offerCode';
          setError(field, { type: 'server', message: refused.message[language] }, { shouldFocus: true });
        }
        return;
      }
      const failure = error instanceof PortalApiError ? error.failure : 'unavailable';
      onFailure(failure);
      setOutcome({ kind: 'failed' });
    }
  }

  const text = (field: keyof NominateFormInput, extra: { type?: 'email' | 'date'; autoComplete?: string; description?: string } = {}) => (
    <Textfield label={fieldText(field, language).label} error={message(field, errors[field])} {...extra} {...register(field)} />
  );
  return (
    <form noValidate className="portal-form" onSubmit={(event) => void handleSubmit(submit)(event)}>
      {outcome && (
        <Alert data-color={outcome.kind === 'failed' ? 'danger' : 'success'} role="status">
          {outcome.kind === 'failed' ? t.failed : outcome.kind === 'created' ? t.nominate.created(outcome.name!) : t.nominate.existing(outcome.name!)}
        </Alert>
      )}
      {text('givenName', { autoComplete: 'off' })}
      {text('familyName', { autoComplete: 'off' })}
      {text('email', { type: 'email', autoComplete: 'off' })}
      {text('birthDate', { type: 'date' })}
      {text('citizenship', { description: t.nominate.citizenshipHint })}
      <Field>
        <Label htmlFor="nominate-offer">{fieldText('offerCode', language).label}</Label>
        <Select id="nominate-offer" aria-invalid={errors.offerCode ? true : undefined} {...register('offerCode')}>
          {offers.map((candidate) => (
            <Select.Option key={candidate.code} value={candidate.code}>
              {candidate.name[language]} ({candidate.code}, {candidate.term}){severalPartners ? ` – ${candidate.partner.name}` : ''}
            </Select.Option>
          ))}
        </Select>
        {errors.offerCode && <ValidationMessage>{message('offerCode', errors.offerCode)}</ValidationMessage>}
      </Field>
      {offer && offer.maxChoices > 1 && text('choices', { description: t.nominate.choicesHint(offer.maxChoices) })}
      {text('language', { description: t.nominate.languageHint })}
      <Field>
        <Label htmlFor="nominate-level">{fieldText('languageLevel', language).label}</Label>
        <Select id="nominate-level" aria-invalid={errors.languageLevel ? true : undefined} {...register('languageLevel')}>
          <Select.Option value="">{t.nominate.noLevel}</Select.Option>
          {cefrLevels.map((level) => (
            <Select.Option key={level} value={level}>
              {level}
            </Select.Option>
          ))}
        </Select>
        {errors.languageLevel && <ValidationMessage>{message('languageLevel', errors.languageLevel)}</ValidationMessage>}
      </Field>
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? t.nominate.busy : t.nominate.submit}
      </Button>
    </form>
  );
}
