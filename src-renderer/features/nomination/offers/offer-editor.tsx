import { Alert, Button, Checkbox, Field, Fieldset, Label, Radio, Select, Textfield } from '@digdir/designsystemet-react';
import { useMemo, useState } from 'react';
import { get, useForm, useWatch, type FieldPath } from 'react-hook-form';
import { useNavigate } from 'react-router';
import type { Actor } from '../../../../src-shared/domain/access/roles';
import type { EducationOffer } from '../../../../src-shared/domain/nomination/education-offer';
import { cefrLevels } from '../../../../src-shared/domain/nomination/nomination-csv-draft';
import { offerKinds, proFormaModes, qualificationItemKinds } from '../../../../src-shared/domain/nomination/nomination.schema';
import type { OrganisationIndex } from '../../../../src-shared/domain/organisation/organisation-index';
import { AppError } from '../../../../src-shared/kernel/app-error';
import { useDatabase } from '../../../app/providers';
import { useToday } from '../../../ui/use-today';
import { useNominationText } from '../nomination-text';
import { erroneousFields } from '../../../ui/form-errors';
import { checkOffer, fieldErrorText, fieldId } from './offer-check';
import { offerFromForm, offerResolver, type OfferFormValues, type OfferIdentity } from './offer-form';
import { capacityUsed } from './offer-list';
import { OFFERS_PATH } from './offer-path';
import { OfferProblems, type FormProblem } from './offer-problems';
import { offerChoices } from './offer-scope';
import { useOffersText } from './offers-text';
import { RankingCriteriaFields } from './ranking-criteria-fields';

interface Props {
  /** The stored offer being changed; null for a new one. */
  existing: EducationOffer | null;
  id: string;
  initial: OfferFormValues;
  organisation: OrganisationIndex;
  stored: readonly EducationOffer[];
  actor: Actor;
}

const EQF_LEVELS = ['1', '2', '3', '4', '5', '6', '7', '8'];

/** What a text input of the form may add to its label. */
interface InputOptions {
  description?: string;
  type?: 'date' | 'number';
  min?: number;
  max?: number;
  maxLength?: number;
  readOnly?: boolean;
}

/**
 * The offer form, grouped as the case officer thinks of it: the offer, its requirements, the
 * admission, its deadlines and (for a ranked admission) its ranking criteria. Problems with the
 * agreement and the other stored offers show as they arise; saving refuses while there are any,
 * and stores the offer in the replica (the server checks it again when it is pushed).
 */
export function OfferEditor({ existing, id, initial, organisation, stored, actor }: Props) {
  const text = useOffersText();
  const t = text.form;
  const modes = useNominationText().casePage.proFormaModes;
  const db = useDatabase();
  const navigate = useNavigate();
  const today = useToday();
  const [saveProblem, setSaveProblem] = useState<string | null>(null);
  const [summaryShown, setSummaryShown] = useState(false);
  const { partners, departments } = useMemo(() => offerChoices(organisation, actor), [organisation, actor]);
  const identity = (): OfferIdentity => ({ id, institution: existing?.institution ?? actor.scope.institution, updatedAt: new Date().toISOString() });

  const {
    register,
    handleSubmit,
    control,
    setValue,
    formState: { errors, isSubmitting },
  } = useForm<OfferFormValues, unknown, EducationOffer>({ resolver: offerResolver(identity), defaultValues: initial });
  const values = useWatch({ control }) as OfferFormValues;
  const agreements = organisation.list('agreement', values.partnerId);

  // Live: once the fields make an offer, how it fits its agreement and the other stored offers.
  const built = offerFromForm(values, identity());
  const checks = built.success ? checkOffer(built.data, organisation, today, stored) : [];
  const live: FormProblem[] = checks.map((check) => ({ key: check.code, field: check.field, text: text.problems[check.code](check.facts) }));
  const fieldProblems: FormProblem[] = erroneousFields(errors).map(({ field, type }) => ({
    key: field,
    field,
    text: fieldErrorText(text.errors, field, type),
  }));
  const summary = [...fieldProblems, ...live];
  if (summaryShown && summary.length === 0) setSummaryShown(false);

  const agreement = organisation.unit(values.agreementId);
  const places = agreement?.attributes.places;
  const free = places === undefined ? undefined : Math.max(0, Number(places) - capacityUsed(stored, values.agreementId, values.term, id));

  const errorOf = (name: FieldPath<OfferFormValues>) => {
    const error = get(errors, name) as { type?: string } | undefined;
    return error ? fieldErrorText(text.errors, name, error.type) : undefined;
  };
  /** A text input bound to the field, with its id (for the error summary) and its error. */
  const input = (name: FieldPath<OfferFormValues>, label: string, extra: InputOptions = {}) => (
    <Textfield id={fieldId(name)} label={label} error={errorOf(name)} {...extra} {...register(name, extra.type === 'number' ? { valueAsNumber: true } : {})} />
  );

  const save = async (offer: EducationOffer) => {
    setSaveProblem(null);
    if (checkOffer(offer, organisation, today, stored).length > 0) {
      setSummaryShown(true);
      return;
    }
    try {
      await db.offers.upsert(offer);
      await navigate(OFFERS_PATH);
    } catch (error) {
      setSaveProblem(t.saveFailed(AppError.from(error).message));
    }
  };

  return (
    <form noValidate className="offer-form" onSubmit={(event) => void handleSubmit(save, () => setSummaryShown(true))(event)}>
      <OfferProblems live={live} summary={summaryShown ? summary : null} liveHeading={t.problemsHeading} summaryHeading={t.fieldsHeading} />
      <Fieldset>
        <Fieldset.Legend>{t.offerLegend}</Fieldset.Legend>
        {existing ? (
          <Textfield label={t.partner} description={t.fixed} readOnly value={organisation.nameOf(existing.partnerId)} />
        ) : (
          <Field>
            <Label htmlFor={fieldId('partnerId')}>{t.partner}</Label>
            <Select
              id={fieldId('partnerId')}
              aria-invalid={errorOf('partnerId') ? true : undefined}
              {...register('partnerId', {
                onChange: (event: { target: { value: string } }) => setValue('agreementId', organisation.list('agreement', event.target.value)[0]?.id ?? ''),
              })}
            >
              <Select.Option value="">{t.choosePartner}</Select.Option>
              {partners.map((partner) => (
                <Select.Option key={partner.id} value={partner.id}>
                  {partner.name}
                </Select.Option>
              ))}
            </Select>
          </Field>
        )}
        <Field>
          <Label htmlFor={fieldId('agreementId')}>{t.agreement}</Label>
          {/* Keyed by the partner: the new partner's agreements are in place when the form sets its first one. */}
          <Select key={values.partnerId} id={fieldId('agreementId')} aria-invalid={errorOf('agreementId') ? true : undefined} {...register('agreementId')}>
            <Select.Option value="">{t.chooseAgreement}</Select.Option>
            {agreements.map((unit) => (
              <Select.Option key={unit.id} value={unit.id}>
                {t.agreementOption(unit.name, unit.attributes.places)}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Field>
          <Label htmlFor={fieldId('department')}>{t.department}</Label>
          <Select id={fieldId('department')} aria-invalid={errorOf('department') ? true : undefined} {...register('department')}>
            <Select.Option value="">{t.chooseDepartment}</Select.Option>
            {departments.map((unit) => (
              <Select.Option key={unit.id} value={unit.id}>
                {unit.name}
              </Select.Option>
            ))}
          </Select>
        </Field>
        {input('code', t.code, existing ? { description: t.fixed, readOnly: true } : { description: t.codeDescription })}
        {input('name.nb', t.nameNb)}
        {input('name.en', t.nameEn)}
        <Field>
          <Label htmlFor={fieldId('kind')}>{t.kind}</Label>
          <Select id={fieldId('kind')} {...register('kind')}>
            {offerKinds.map((kind) => (
              <Select.Option key={kind} value={kind}>
                {text.kinds[kind]}
              </Select.Option>
            ))}
          </Select>
        </Field>
        {input('term', t.term, { description: t.termDescription })}
        <div className="offer-form__row">
          {input('period.from', t.periodFrom, { type: 'date' })}
          {input('period.to', t.periodTo, { type: 'date' })}
        </div>
        {input('capacity', t.capacity, { type: 'number', min: 0, description: t.capacityDescription(free) })}
        <div className="offer-form__row">
          {input('validity.from', t.validityFrom, { type: 'date' })}
          {input('validity.to', t.validityTo, { type: 'date' })}
        </div>
      </Fieldset>
      <Fieldset>
        <Fieldset.Legend>{t.requirementsLegend}</Fieldset.Legend>
        {input('requirements.isced', t.isced, { description: t.iscedDescription })}
        <Fieldset>
          <Fieldset.Legend>{t.eqf}</Fieldset.Legend>
          <Fieldset.Description>{t.eqfDescription}</Fieldset.Description>
          <div className="offer-form__row">
            {EQF_LEVELS.map((level) => (
              <Checkbox key={level} label={t.eqfLevel(level)} value={level} {...register('requirements.eqf')} />
            ))}
          </div>
        </Fieldset>
        <div className="offer-form__row">
          {input('requirements.language.code', t.languageCode, { description: t.languageCodeDescription, maxLength: 2 })}
          <Field>
            <Label htmlFor={fieldId('requirements.language.minimumLevel')}>{t.languageLevel}</Label>
            <Select id={fieldId('requirements.language.minimumLevel')} {...register('requirements.language.minimumLevel')}>
              {cefrLevels.map((level) => (
                <Select.Option key={level} value={level}>
                  {level}
                </Select.Option>
              ))}
            </Select>
          </Field>
        </div>
      </Fieldset>
      <Fieldset>
        <Fieldset.Legend>{t.admissionLegend}</Fieldset.Legend>
        <Fieldset>
          <Fieldset.Legend>{t.proFormaMode}</Fieldset.Legend>
          {proFormaModes.map((mode) => (
            <Radio key={mode} label={modes[mode]} value={mode} {...register('admission.proFormaMode')} />
          ))}
        </Fieldset>
        <Fieldset>
          <Fieldset.Legend>{t.screening}</Fieldset.Legend>
          {(['deviationsOnly', 'all'] as const).map((screening) => (
            <Radio key={screening} label={text.screening[screening]} value={screening} {...register('admission.screening')} />
          ))}
        </Fieldset>
        <Fieldset>
          <Fieldset.Legend>{t.requiredItems}</Fieldset.Legend>
          {qualificationItemKinds.map((item) => (
            <Checkbox key={item} label={text.items[item]} value={item} {...register('admission.requiredItems')} />
          ))}
        </Fieldset>
        {input('admission.maxChoices', t.maxChoices, { type: 'number', min: 1, max: 10, description: t.maxChoicesDescription })}
      </Fieldset>
      <Fieldset>
        <Fieldset.Legend>{t.deadlinesLegend}</Fieldset.Legend>
        <div className="offer-form__row">
          {input('admission.deadlines.nomination', t.nominationDeadline, { type: 'date' })}
          {input('admission.deadlines.application', t.applicationDeadline, { type: 'date' })}
          {input('admission.deadlines.answer', t.answerDeadline, { type: 'date' })}
        </div>
      </Fieldset>
      {values.admission.proFormaMode === 'ranked' && <RankingCriteriaFields control={control} register={register} errors={errors} />}
      {saveProblem && (
        <Alert data-color="danger" role="alert">
          {saveProblem}
        </Alert>
      )}
      <div>
        <Button type="submit" disabled={isSubmitting}>
          {t.save}
        </Button>
      </div>
    </form>
  );
}
