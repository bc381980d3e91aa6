import { Button, Field, Heading, Label, Paragraph, Select } from '@digdir/designsystemet-react';
import { useId, useState } from 'react';
import type { ApplicantApplication } from '../../../src-shared/portal/applicant.contract';
import { useLanguage, useT } from '../../i18n/language';
import type { SectionProps } from './section-props';

type Choice = ApplicantApplication['choices'][number];

/**
 * "Valg og prioritering" and "Lever søknaden": where the admission allows, the applicant picks up to
 * maxChoices offers and orders them with buttons (keyboard and screen reader friendly, the new
 * place announced), then submits; the server checks the choices again.
 */
export function ChoicesSection({ api, application, onChanged, onFailed }: SectionProps) {
  const t = useT();
  const { language } = useLanguage();
  const c = t.application.choices;
  const id = useId();
  const [choices, setChoices] = useState<Choice[]>(application.choices.slice(0, application.maxChoices));
  const [adding, setAdding] = useState('');
  const [announcement, setAnnouncement] = useState('');
  const [busy, setBusy] = useState(false);
  const ranking = application.maxChoices > 1;
  const nameOf = (choice: Choice) => {
    const option = application.choiceOptions.find((candidate) => candidate.code === choice.code);
    return `${option && language === 'en' ? option.nameEn : choice.name} (${choice.code})`;
  };
  const remaining = application.choiceOptions.filter((option) => !choices.some((choice) => choice.code === option.code));

  function move(index: number, by: -1 | 1) {
    const next = [...choices];
    const [moved] = next.splice(index, 1);
    next.splice(index + by, 0, moved!);
    setChoices(next);
    setAnnouncement(c.moved(nameOf(moved!), index + by + 1));
  }

  async function submit() {
    setBusy(true);
    try {
      await api.submitApplication(
        application.id,
        choices.map((choice) => choice.code),
      );
      onChanged(t.application.submit.done);
    } catch (error) {
      onFailed(error);
    } finally {
      setBusy(false);
    }
  }

  const saved = application.personalData.savedAt !== undefined;
  return (
    <section aria-labelledby={`choices-${application.id}`}>
      <Heading level={3} data-size="md" id={`choices-${application.id}`}>
        {ranking ? c.title : t.application.submit.title}
      </Heading>
      {ranking && (
        <>
          <Paragraph>{c.intro(application.maxChoices)}</Paragraph>
          <ol className="portal-choices" data-testid="choices">
            {choices.map((choice, index) => (
              <li key={choice.code}>
                <span>{nameOf(choice)}</span>
                <Button variant="tertiary" data-size="sm" disabled={index === 0} onClick={() => move(index, -1)} aria-label={c.up(nameOf(choice))}>
                  ↑
                </Button>
                <Button
                  variant="tertiary"
                  data-size="sm"
                  disabled={index === choices.length - 1}
                  onClick={() => move(index, 1)}
                  aria-label={c.down(nameOf(choice))}
                >
                  ↓
                </Button>
                <Button
                  variant="tertiary"
                  data-size="sm"
                  disabled={choices.length === 1}
                  onClick={() => setChoices(choices.filter((other) => other.code !== choice.code))}
                  aria-label={c.remove(nameOf(choice))}
                >
                  ✕
                </Button>
              </li>
            ))}
          </ol>
          <p aria-live="polite" className="ds-sr-only">
            {announcement}
          </p>
          {remaining.length > 0 && choices.length < application.maxChoices && (
            <div className="portal-actions">
              <Field>
                <Label htmlFor={`${id}-add`}>{c.add}</Label>
                <Select id={`${id}-add`} value={adding} onChange={(event) => setAdding(event.target.value)}>
                  <Select.Option value="">–</Select.Option>
                  {remaining.map((option) => (
                    <Select.Option key={option.code} value={option.code}>
                      {language === 'en' ? option.nameEn : option.name} ({option.code})
                    </Select.Option>
                  ))}
                </Select>
              </Field>
              <Button
                variant="secondary"
                disabled={adding === ''}
                onClick={() => {
                  const option = remaining.find((candidate) => candidate.code === adding);
                  if (option) setChoices([...choices, { code: option.code, name: option.name }]);
                  setAdding('');
                }}
              >
                {c.addButton}
              </Button>
            </div>
          )}
        </>
      )}
      {!saved && <Paragraph>{t.application.submit.needsPersonal}</Paragraph>}
      <Button onClick={() => void submit()} disabled={busy || !saved || choices.length === 0}>
        {busy ? t.application.submit.busy : t.application.submit.button}
      </Button>
    </section>
  );
}
