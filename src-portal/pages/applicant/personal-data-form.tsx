import { Button, Heading, Textfield } from '@digdir/designsystemet-react';
import { zodResolver } from '@hookform/resolvers/zod';
import { Fragment } from 'react';
import { useForm, type FieldPath } from 'react-hook-form';
import { applicantPersonalDataSchema, type ApplicantPersonalData } from '../../../src-shared/domain/nomination/nomination.schema';
import type { ApplicantApplication } from '../../../src-shared/portal/applicant.contract';
import { useT } from '../../i18n/language';
import type { SectionProps } from './section-props';

/** The form's values: what the applicant saved, else what the nominator told, else empty. */
function defaults(saved: ApplicantApplication['personalData']): ApplicantPersonalData {
  return {
    givenName: saved.givenName ?? '',
    familyName: saved.familyName ?? '',
    birthDate: saved.birthDate ?? '',
    citizenship: saved.citizenship ?? '',
    phone: saved.phone ?? '',
    address: {
      street: saved.address?.street ?? '',
      postalCode: saved.address?.postalCode ?? '',
      city: saved.address?.city ?? '',
      country: saved.address?.country ?? '',
    },
    homeInstitution: saved.homeInstitution ?? '',
  };
}

/** "Personopplysninger": checked with the shared schema here and again on the server; saved as a step on the case. */
export function PersonalDataForm({ api, application, onChanged, onFailed }: SectionProps) {
  const t = useT();
  const p = t.application.personal;
  const {
    register,
    handleSubmit,
    getValues,
    formState: { errors, isSubmitting },
  } = useForm<ApplicantPersonalData>({ resolver: zodResolver(applicantPersonalDataSchema), defaultValues: defaults(application.personalData) });

  async function save(personal: ApplicantPersonalData) {
    try {
      await api.savePersonalData(application.id, personal);
      onChanged(p.saved);
    } catch (error) {
      onFailed(error);
    }
  }

  if (!application.can.edit) return <PersonalDataSummary application={application} />;

  const field = (name: FieldPath<ApplicantPersonalData>, label: string, extra: { type?: 'date' | 'tel'; description?: string; autoComplete?: string } = {}) => {
    const error = name.startsWith('address.')
      ? errors.address?.[name.slice('address.'.length) as keyof ApplicantPersonalData['address']]
      : errors[name as keyof typeof errors];
    const message = error && (String(getValues(name) ?? '').trim() === '' ? p.required : p.invalid);
    return <Textfield label={label} error={message} {...extra} {...register(name)} />;
  };
  return (
    <section aria-labelledby={`personal-${application.id}`}>
      <Heading level={3} data-size="md" id={`personal-${application.id}`}>
        {p.title}
      </Heading>
      <form noValidate className="portal-form" onSubmit={(event) => void handleSubmit(save)(event)}>
        {field('givenName', p.givenName, { autoComplete: 'given-name' })}
        {field('familyName', p.familyName, { autoComplete: 'family-name' })}
        {field('birthDate', p.birthDate, { type: 'date', autoComplete: 'bday' })}
        {field('citizenship', p.citizenship, { description: p.countryHint })}
        {field('phone', p.phone, { type: 'tel', description: p.phoneHint, autoComplete: 'tel' })}
        {field('address.street', p.street, { autoComplete: 'street-address' })}
        {field('address.postalCode', p.postalCode, { autoComplete: 'postal-code' })}
        {field('address.city', p.city, { autoComplete: 'address-level2' })}
        {field('address.country', p.country, { description: p.countryHint })}
        {field('homeInstitution', p.homeInstitution, { autoComplete: 'organization' })}
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? p.busy : p.save}
        </Button>
      </form>
    </section>
  );
}

/** After submission the personal data is shown as given, no longer as a form. */
function PersonalDataSummary({ application }: { application: ApplicantApplication }) {
  const t = useT();
  const p = t.application.personal;
  const data = application.personalData;
  const address = data.address && [data.address.street, `${data.address.postalCode} ${data.address.city}`, data.address.country].join(', ');
  const rows: [string, string | undefined][] = [
    [p.givenName, data.givenName],
    [p.familyName, data.familyName],
    [p.birthDate, data.birthDate],
    [p.citizenship, data.citizenship],
    [p.phone, data.phone],
    [p.address, address],
    [p.homeInstitution, data.homeInstitution],
  ];
  return (
    <section aria-labelledby={`personal-${application.id}`}>
      <Heading level={3} data-size="md" id={`personal-${application.id}`}>
        {p.title}
      </Heading>
      <dl className="portal-facts">
        {rows
          .filter(([, value]) => value)
          .map(([label, value]) => (
            <Fragment key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </Fragment>
          ))}
      </dl>
    </section>
  );
}
