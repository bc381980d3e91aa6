import { describe, expect, it } from 'vitest';
import { emptyRegistrationForm, registrationFormSchema, type RegistrationFormInput } from './registration-form';

const filled: RegistrationFormInput = {
  ...emptyRegistrationForm,
  name: '  Åse Ødegård ',
  birthDate: '1979-02-03',
  email: 'ase@example.no',
  phone: '+47 912 34 567',
  employer: 'Bergen kommune',
  invoiceAddress: { name: 'Bergen kommune', organisationNumber: '964 338 531', address: 'Postboks 7700, 5020 Bergen', reference: '' },
};
const paths = (input: RegistrationFormInput, fields: Parameters<typeof registrationFormSchema>[0]) =>
  registrationFormSchema(fields)
    .safeParse(input)
    .error?.issues.map((issue) => issue.path.join('.'));

describe('the registration form', () => {
  it('gives the registration the server takes: trimmed, blanks left out, only the fields the course asks for', () => {
    expect(registrationFormSchema(['phone', 'invoiceAddress']).parse(filled)).toEqual({
      name: 'Åse Ødegård',
      birthDate: '1979-02-03',
      email: 'ase@example.no',
      phone: '+47 912 34 567',
      invoiceAddress: { name: 'Bergen kommune', organisationNumber: '964338531', address: 'Postboks 7700, 5020 Bergen' },
    });
    expect(registrationFormSchema([]).parse(filled)).toEqual({ name: 'Åse Ødegård', birthDate: '1979-02-03', email: 'ase@example.no' });
  });

  it('reports a field the course asks for, left empty, at that field (the invoice address’s own fields too)', () => {
    const empty = { ...filled, employer: ' ', education: '', invoiceAddress: { ...emptyRegistrationForm.invoiceAddress } };
    expect(paths(empty, ['employer', 'education', 'invoiceAddress'])).toEqual(['employer', 'invoiceAddress.name', 'invoiceAddress.address', 'education']);
    expect(paths(empty, [])).toBeUndefined();
  });

  it('reports a value of the wrong form at its field', () => {
    const wrong = { ...filled, email: 'ase(at)example.no', phone: '12', invoiceAddress: { ...filled.invoiceAddress, organisationNumber: '12345' } };
    expect(paths(wrong, ['phone', 'invoiceAddress'])).toEqual(['email', 'phone', 'invoiceAddress.organisationNumber']);
  });
});
