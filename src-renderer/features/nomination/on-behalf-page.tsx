import { Alert, Button, Checkbox, Field, Fieldset, Label, Link, Paragraph, Select, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useMemo, useState } from 'react';
import { useForm, useWatch, type FieldPath, type RegisterOptions } from 'react-hook-form';
import { Link as RouterLink } from 'react-router';
import { nominationCsvColumns } from '../../../src-shared/domain/nomination/nomination-csv-columns';
import { cefrLevels } from '../../../src-shared/domain/nomination/nomination-csv-draft';
import { onBehalfNominationSchema, registeredCaseSchema, type OnBehalfNomination } from '../../../src-shared/domain/nomination/nomination-staff.contract';
import { portalNominationErrorsSchema } from '../../../src-shared/portal/portal.contract';
import { useAppStore } from '../../app/store';
import { PageHeading } from '../../ui/page-heading';
import { usePageTitle } from '../../ui/use-page-title';
import { BackLink } from '../case/case-page-states';
import { useOrganisation } from '../organisation/use-organisation';
import { ServerApiError, useServerApi, type ServerApi } from '../session/server-api';
import { useStoredOffers } from './offers/use-offers';
import { NOMINATION_PATH, nominationCasePath } from './nomination-path';
import { useNominationText } from './nomination-text';

type Path = FieldPath<OnBehalfNomination>;
/** Optional fields left blank are left out (the draft schema takes no empty strings). */
const optional = { setValueAs: (value: string) => (value.trim() === '' ? undefined : value.trim()) };
const emptyDraft = { givenName: '', familyName: '', email: '', birthDate: '', citizenship: '', choices: [] as string[] };

/** /nomination/on-behalf — "Registrer på vegne av partner": a partner's nomination registered by a case officer, with the reason. */
export function OnBehalfPage() {
  const text = useNominationText();
  const api = useServerApi();
  usePageTitle(text.onBehalf.title);
  return (
    <div className="nomination-on-behalf">
      <BackLink to={NOMINATION_PATH} label={text.casePage.back} />
      <PageHeading>{text.onBehalf.title}</PageHeading>
      <Paragraph>{text.onBehalf.intro}</Paragraph>
      {api ? <OnBehalfForm api={api} /> : <Alert data-color="info">{text.server.needed}</Alert>}
    </div>
  );
}

function OnBehalfForm({ api }: { api: ServerApi }) {
  const text = useNominationText();
  const t = text.onBehalf;
  const language = useAppStore((state) => state.language);
  const organisation = useOrganisation();
  const offers = useStoredOffers();
  const partners = useMemo(() => organisation?.list('partner') ?? [], [organisation]);
  const [outcome, setOutcome] = useState<{ caseId: string; created: boolean; name: string }>();
  const {
    register,
    handleSubmit,
    control,
    setValue,
    setError,
    reset,
    getValues,
    formState: { errors, isSubmitting },
  } = useForm<OnBehalfNomination>({
    resolver: zodResolver(onBehalfNominationSchema),
    defaultValues: { partnerId: '', reason: '', draft: { ...emptyDraft, offerCode: '', term: '' } },
  });
  const partnerId = useWatch({ control, name: 'partnerId' });
  const offerCode = useWatch({ control, name: 'draft.offerCode' });
  const partnerOffers = useMemo(() => (offers ?? []).filter((offer) => offer.partnerId === partnerId), [offers, partnerId]);
  const offer = partnerOffers.find((candidate) => candidate.code === offerCode);
  // The term is the chosen offer's; choices are among the partner's other offers.
  useEffect(() => {
    setValue('draft.term', offer?.term ?? '');
    setValue('draft.choices', []);
  }, [offer, setValue]);
  useEffect(() => {
    if (!partnerOffers.some((candidate) => candidate.code === getValues('draft.offerCode'))) setValue('draft.offerCode', partnerOffers[0]?.code ?? '');
  }, [partnerOffers, getValues, setValue]);

  const label = (field: string) => nominationCsvColumns.find((column) => column.field === field)?.label[language] ?? field;
  const messageOf = (path: Path) => {
    const error = path.split('.').reduce<unknown>((at, part) => (at as Record<string, unknown> | undefined)?.[part], errors) as
      { type?: string; message?: string } | undefined;
    if (!error) return undefined;
    if (error.type === 'server') return error.message;
    if (path === 'reason') return t.reasonRequired;
    const value = getValues(path);
    const field = path.replace('draft.', '');
    return typeof value === 'string' && value.trim() === ''
      ? t.required
      : (nominationCsvColumns.find((column) => column.field === field)?.invalid[language] ?? error.message);
  };

  async function submit(request: OnBehalfNomination) {
    setOutcome(undefined);
    try {
      const registered = await api.post('/api/nominations/on-behalf', request, registeredCaseSchema);
      setOutcome({ ...registered, name: `${request.draft.givenName} ${request.draft.familyName}` });
      reset({ partnerId: request.partnerId, reason: '', draft: { ...emptyDraft, offerCode: request.draft.offerCode, term: request.draft.term } });
    } catch (error) {
      const refused = error instanceof ServerApiError && error.status === 422 ? portalNominationErrorsSchema.safeParse(error.details) : undefined;
      if (refused?.success) {
        for (const problem of refused.data.errors) {
          setError(
            problem.field ? (`draft.${problem.field}` as Path) : 'draft.offerCode',
            { type: 'server', message: problem.message[language] },
            { shouldFocus: true },
          );
        }
      } else if (error instanceof ServerApiError && error.status === 404) {
        setError('partnerId', { type: 'server', message: error.message }, { shouldFocus: true });
      } else {
        setError('root', { type: 'server', message: text.server.failed((error as Error).message) });
      }
    }
  }

  const textField = (path: Path, options: { type?: 'email' | 'date'; registerOptions?: RegisterOptions<OnBehalfNomination> } = {}) => (
    <Textfield
      label={label(path.replace('draft.', ''))}
      type={options.type}
      autoComplete="off"
      error={messageOf(path)}
      {...register(path, options.registerOptions)}
    />
  );
  return (
    <form noValidate className="nomination-on-behalf__form" onSubmit={(event) => void handleSubmit(submit)(event)}>
      <div aria-live="polite">
        {outcome && (
          <Alert data-color="success">
            <Paragraph>{outcome.created ? t.created(outcome.name) : t.existing(outcome.name)}</Paragraph>
            <Link asChild>
              <RouterLink to={nominationCasePath(outcome.caseId)}>{t.openCase}</RouterLink>
            </Link>
          </Alert>
        )}
        {errors.root && <Alert data-color="danger">{errors.root.message}</Alert>}
      </div>
      <Field>
        <Label htmlFor="on-behalf-partner">{t.partner}</Label>
        <Select id="on-behalf-partner" aria-invalid={errors.partnerId ? true : undefined} {...register('partnerId')}>
          <Select.Option value="">{t.choosePartner}</Select.Option>
          {partners.map((partner) => (
            <Select.Option key={partner.id} value={partner.id}>
              {partner.name}
            </Select.Option>
          ))}
        </Select>
        {errors.partnerId && <ValidationMessage>{errors.partnerId.type === 'server' ? errors.partnerId.message : t.choosePartner}</ValidationMessage>}
      </Field>
      <Field>
        <Label htmlFor="on-behalf-offer">{t.offer}</Label>
        <Select
          id="on-behalf-offer"
          aria-invalid={errors.draft?.offerCode ? true : undefined}
          disabled={partnerOffers.length === 0}
          {...register('draft.offerCode')}
        >
          {partnerOffers.length === 0 && <Select.Option value="">{t.noOffers}</Select.Option>}
          {partnerOffers.map((candidate) => (
            <Select.Option key={candidate.code} value={candidate.code}>
              {candidate.code} {candidate.name[language]} ({candidate.term})
            </Select.Option>
          ))}
        </Select>
        {errors.draft?.offerCode && <ValidationMessage>{messageOf('draft.offerCode')}</ValidationMessage>}
      </Field>
      {offer && offer.admission.maxChoices > 1 && (
        <Fieldset>
          <Fieldset.Legend>{t.choices}</Fieldset.Legend>
          {partnerOffers
            .filter((candidate) => candidate.term === offer.term)
            .map((candidate) => (
              <Checkbox key={candidate.code} label={`${candidate.code} ${candidate.name[language]}`} value={candidate.code} {...register('draft.choices')} />
            ))}
          {errors.draft?.choices && <ValidationMessage>{messageOf('draft.choices')}</ValidationMessage>}
        </Fieldset>
      )}
      {textField('draft.givenName')}
      {textField('draft.familyName')}
      {textField('draft.email', { type: 'email' })}
      {textField('draft.birthDate', { type: 'date' })}
      {textField('draft.citizenship', { registerOptions: { setValueAs: (value: string) => value.trim().toUpperCase() } })}
      {textField('draft.globalStudentId', { registerOptions: optional })}
      {textField('draft.homeInstitution', { registerOptions: optional })}
      {textField('draft.language', { registerOptions: optional })}
      <Field>
        <Label htmlFor="on-behalf-level">{label('languageLevel')}</Label>
        <Select id="on-behalf-level" aria-invalid={errors.draft?.languageLevel ? true : undefined} {...register('draft.languageLevel', optional)}>
          <Select.Option value="">{t.noLevel}</Select.Option>
          {cefrLevels.map((level) => (
            <Select.Option key={level} value={level}>
              {level}
            </Select.Option>
          ))}
        </Select>
        {errors.draft?.languageLevel && <ValidationMessage>{messageOf('draft.languageLevel')}</ValidationMessage>}
      </Field>
      <Textfield label={t.reason} description={t.reasonHint} multiline rows={3} error={messageOf('reason')} {...register('reason')} />
      <Button type="submit" aria-disabled={isSubmitting || undefined}>
        {isSubmitting ? t.busy : t.submit}
      </Button>
    </form>
  );
}
