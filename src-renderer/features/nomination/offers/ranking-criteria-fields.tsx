import { Button, Field, Fieldset, Label, Select, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { get, useFieldArray, type Control, type FieldErrors, type UseFormRegister } from 'react-hook-form';
import { rankingCriterionKinds, rankingCriterionLabels, type RankingCriterionKind } from '../../../../src-shared/domain/nomination/ranking.schema';
import { useAppStore } from '../../../app/store';
import type { EducationOffer } from '../../../../src-shared/domain/nomination/education-offer';
import { fieldErrorText, fieldId } from './offer-check';
import type { OfferFormValues } from './offer-form';
import { useOffersText } from './offers-text';

interface Props {
  control: Control<OfferFormValues, unknown, EducationOffer>;
  register: UseFormRegister<OfferFormValues>;
  errors: FieldErrors<OfferFormValues>;
}

const NAME = 'admission.ranking.criteria';

/** The ranked admission's criteria, in order: each with its weight, which end is best and how a missing value counts; add, remove, reorder. */
export function RankingCriteriaFields({ control, register, errors }: Props) {
  const text = useOffersText();
  const t = text.form;
  const language = useAppStore((state) => state.language);
  const { fields, append, remove, swap } = useFieldArray({ control, name: NAME });
  const unused = rankingCriterionKinds.filter((kind) => !fields.some((field) => field.kind === kind));
  const [chosen, setChosen] = useState<RankingCriterionKind | ''>('');
  const toAdd = chosen !== '' && unused.includes(chosen) ? chosen : unused[0];
  const listError = get(errors, NAME) as { message?: string; root?: { message?: string } } | undefined;

  return (
    <Fieldset>
      <Fieldset.Legend>{t.rankingLegend}</Fieldset.Legend>
      <Fieldset.Description>{t.rankingDescription}</Fieldset.Description>
      <ol className="offer-criteria">
        {fields.map((field, index) => {
          const label = rankingCriterionLabels[field.kind][language];
          const weight = `${NAME}.${index}.weight` as const;
          const weightError = get(errors, weight) as { type?: string } | undefined;
          return (
            <li key={field.id} className="offer-criterion">
              <Fieldset>
                <Fieldset.Legend>
                  {t.criterion(index + 1)}: {label}
                </Fieldset.Legend>
                <div className="offer-form__row">
                  <Textfield
                    id={fieldId(weight)}
                    label={t.weight(label)}
                    type="number"
                    min={0}
                    max={100}
                    step="any"
                    error={weightError ? fieldErrorText(text.errors, weight, weightError.type) : undefined}
                    {...register(weight, { valueAsNumber: true })}
                  />
                  <Field>
                    <Label htmlFor={fieldId(`${NAME}.${index}.prefer`)}>{t.prefer(label)}</Label>
                    <Select id={fieldId(`${NAME}.${index}.prefer`)} {...register(`${NAME}.${index}.prefer`)}>
                      <Select.Option value="higher">{t.preferOptions.higher}</Select.Option>
                      <Select.Option value="lower">{t.preferOptions.lower}</Select.Option>
                    </Select>
                  </Field>
                  <Field>
                    <Label htmlFor={fieldId(`${NAME}.${index}.whenMissing`)}>{t.whenMissing(label)}</Label>
                    <Select id={fieldId(`${NAME}.${index}.whenMissing`)} {...register(`${NAME}.${index}.whenMissing`)}>
                      <Select.Option value="rankAfter">{t.whenMissingOptions.rankAfter}</Select.Option>
                      <Select.Option value="lowest">{t.whenMissingOptions.lowest}</Select.Option>
                    </Select>
                  </Field>
                </div>
                <div className="offer-form__row">
                  <Button type="button" variant="tertiary" data-size="sm" disabled={index === 0} onClick={() => swap(index, index - 1)}>
                    {t.moveUp(label)}
                  </Button>
                  <Button type="button" variant="tertiary" data-size="sm" disabled={index === fields.length - 1} onClick={() => swap(index, index + 1)}>
                    {t.moveDown(label)}
                  </Button>
                  <Button type="button" variant="tertiary" data-size="sm" disabled={fields.length === 1} onClick={() => remove(index)}>
                    {t.remove(label)}
                  </Button>
                </div>
              </Fieldset>
            </li>
          );
        })}
      </ol>
      {(listError?.message ?? listError?.root?.message) && <ValidationMessage>{text.errors.criteria}</ValidationMessage>}
      {toAdd && (
        <div className="offer-form__row">
          <Field>
            <Label htmlFor="offer-criterion-to-add">{t.chooseCriterion}</Label>
            <Select id="offer-criterion-to-add" value={toAdd} onChange={(event) => setChosen(event.target.value as RankingCriterionKind)}>
              {unused.map((kind) => (
                <Select.Option key={kind} value={kind}>
                  {rankingCriterionLabels[kind][language]}
                </Select.Option>
              ))}
            </Select>
          </Field>
          <Button type="button" variant="secondary" onClick={() => append({ kind: toAdd, weight: 1, prefer: 'higher', whenMissing: 'rankAfter' })}>
            {t.addCriterion}
          </Button>
        </div>
      )}
    </Fieldset>
  );
}
