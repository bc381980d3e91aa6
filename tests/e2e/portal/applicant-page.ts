import { expect, type Page } from '@playwright/test';
import { nb } from '../../../src-portal/i18n/nb';

/** What an applicant types into "Personopplysninger" (the birth date comes from the nomination). */
export interface PersonalDataInput {
  givenName: string;
  familyName: string;
  phone: string;
  street: string;
  postalCode: string;
  city: string;
  country: string;
  homeInstitution: string;
}

/** The applicant's personal data form in "Min søknad": filled in and saved. */
export async function savePersonalData(page: Page, data: PersonalDataInput): Promise<void> {
  const p = nb.application.personal;
  for (const field of ['givenName', 'familyName', 'phone', 'street', 'postalCode', 'city', 'country', 'homeInstitution'] as const) {
    await page.getByLabel(p[field]).fill(data[field]);
  }
  await page.getByRole('button', { name: p.save }).click();
  await expect(page.getByText(p.saved)).toBeVisible();
}
