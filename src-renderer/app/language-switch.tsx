import { Button, ValidationMessage } from '@digdir/designsystemet-react';
import { useState } from 'react';
import type { Language } from '../../src-shared/ipc/settings.contract';
import { useT } from '../i18n/use-t';
import { useApi } from './providers';
import { useAppStore } from './store';

/** One button, named in the other language ("English" / "Norsk bokmål"), saved through settings. */
export function LanguageSwitch() {
  const t = useT();
  const api = useApi();
  const language = useAppStore((state) => state.language);
  const setLanguage = useAppStore((state) => state.setLanguage);
  const [failed, setFailed] = useState(false);
  const target: Language = language === 'nb' ? 'en' : 'nb';

  const switchLanguage = async () => {
    setLanguage(target);
    const result = await api.settingsUpdate({ language: target });
    setFailed(!result.ok);
    if (!result.ok) setLanguage(language);
  };

  return (
    <div className="language-switch">
      <Button variant="tertiary" data-size="sm" lang={target} onClick={() => void switchLanguage()}>
        {t.languages[target]}
      </Button>
      {failed && <ValidationMessage role="alert">{t.languageSwitch.failed}</ValidationMessage>}
    </div>
  );
}
