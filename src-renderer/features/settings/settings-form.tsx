import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Field, Label, Select, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { languages, settingsSchema, type Settings } from '../../../src-shared/ipc/settings.contract';
import { useApi } from '../../app/providers';
import { useAppStore } from '../../app/store';
import { useT } from '../../i18n/use-t';

type Outcome = { saved: true } | { saved: false; message: string } | null;

/**
 * Language, server URL, sync interval and idle lock. The shared `settingsSchema` validates the
 * form (and again in the main process); messages are our own, per field and translated.
 */
export function SettingsForm({ saved }: { saved: Settings }) {
  const t = useT();
  const api = useApi();
  const setLanguage = useAppStore((state) => state.setLanguage);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const {
    register,
    handleSubmit,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<Settings>({ resolver: zodResolver(settingsSchema), defaultValues: saved });

  const save = async (values: Settings) => {
    setOutcome(null);
    const result = await api.settingsUpdate(values);
    if (!result.ok) {
      setOutcome({ saved: false, message: result.error.message });
      return;
    }
    reset(result.value);
    setLanguage(result.value.language);
    useAppStore.getState().setSessionTiming(result.value);
    setOutcome({ saved: true });
  };
  const errorText = (field: keyof Settings) => (errors[field] ? t.settings.errors[field] : undefined);
  /** A whole number of minutes from 1 to `max`. */
  const minutesField = (field: 'syncIntervalMinutes' | 'idleLockMinutes', id: string, max: number, label: string) => (
    <Textfield
      id={id}
      type="number"
      inputMode="numeric"
      min={1}
      max={max}
      label={label}
      error={errorText(field)}
      {...register(field, { valueAsNumber: true })}
    />
  );

  return (
    <form noValidate className="settings-form" onSubmit={(event) => void handleSubmit(save)(event)}>
      <Field>
        <Label htmlFor="settings-language">{t.settings.language}</Label>
        <Select id="settings-language" aria-invalid={errors.language ? true : undefined} {...register('language')}>
          {languages.map((language) => (
            <Select.Option key={language} value={language} lang={language}>
              {t.languages[language]}
            </Select.Option>
          ))}
        </Select>
        {errors.language && <ValidationMessage>{t.settings.errors.language}</ValidationMessage>}
      </Field>
      <Textfield
        id="settings-server-url"
        type="url"
        inputMode="url"
        autoComplete="url"
        label={t.settings.serverUrl}
        description={t.settings.serverUrlDescription}
        error={errorText('serverUrl')}
        {...register('serverUrl')}
      />
      {minutesField('syncIntervalMinutes', 'settings-sync-interval', 1440, t.settings.syncInterval)}
      {minutesField('idleLockMinutes', 'settings-idle-lock', 480, t.settings.idleLock)}
      <div role="status" className="settings-form__outcome">
        {outcome?.saved && <Alert data-color="success">{t.settings.saved}</Alert>}
      </div>
      {outcome && !outcome.saved && (
        <Alert data-color="danger" role="alert">
          {t.settings.saveFailed(outcome.message)}
        </Alert>
      )}
      <Button type="submit" disabled={isSubmitting} className="settings-form__save">
        {isSubmitting ? t.settings.saving : t.settings.save}
      </Button>
    </form>
  );
}
