import { Field, Label, Select } from '@digdir/designsystemet-react';
import { languages, type Language } from '../i18n/dictionary';
import { useLanguage, useT } from '../i18n/language';

/** Norwegian or English; each option named in its own language. */
export function LanguageSwitch() {
  const t = useT();
  const { language, setLanguage } = useLanguage();
  return (
    <Field className="portal-header__language">
      <Label>{t.language}</Label>
      <Select value={language} onChange={(event) => setLanguage(event.target.value as Language)} data-size="sm">
        {languages.map((code) => (
          <Select.Option key={code} value={code} lang={code}>
            {t.languages[code]}
          </Select.Option>
        ))}
      </Select>
    </Field>
  );
}
