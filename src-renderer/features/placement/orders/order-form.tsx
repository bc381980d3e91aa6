import { Alert, Button, Checkbox, Field, Fieldset, Heading, Label, Paragraph, Select, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import type { PlacementActivity } from '../../../../src-shared/domain/placement/activity.schema';
import type { OrganisationIndex } from '../../../../src-shared/domain/organisation/organisation-index';
import { AppError } from '../../../../src-shared/kernel/app-error';
import { useDatabase } from '../../../app/providers';
import { useActingUser } from '../../case/acting-user';
import { sitesFor } from '../placement-sites';
import { usePlacementText } from '../placement-text';
import { newCaseNumber } from '../../case/new-case-number';
import { placementOrderDraft } from './order-draft';
import { usePlacementStep } from './use-placement-step';

/**
 * "Bestill plasser": places for some or all of the activity's classes at one site. Creates the
 * order as a draft placement case in the replica and sends it at once (the `sendOrder` step), both
 * offline-safe; each submit is a new order, also to a site already ordered from.
 */
export function OrderForm({ activity, organisation }: { activity: PlacementActivity; organisation: OrganisationIndex }) {
  const t = usePlacementText().orders;
  const db = useDatabase();
  const actor = useActingUser();
  const step = usePlacementStep();
  const [classes, setClasses] = useState<string[]>(activity.classes.map((c) => c.name));
  const [siteId, setSiteId] = useState('');
  const [unitId, setUnitId] = useState('');
  const [places, setPlaces] = useState('1');
  const [problems, setProblems] = useState<string[]>([]);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const sites = sitesFor(organisation, activity.department);
  const units = siteId ? organisation.list('siteUnit', siteId) : [];
  const all = classes.length === activity.classes.length;
  const toggle = (name: string, on: boolean) =>
    setClasses((current) => activity.classes.map((c) => c.name).filter((n) => (n === name ? on : current.includes(n))));

  const submit = async () => {
    const count = Number(places);
    const found = [
      ...(classes.length === 0 ? [t.pickClass] : []),
      ...(siteId === '' ? [t.pickSite] : []),
      ...(!Number.isInteger(count) || count < 1 || count > 1000 ? [t.placesInvalid] : []),
    ];
    setProblems(found);
    setOutcome(null);
    if (found.length > 0) return;
    const site = organisation.unit(siteId)!;
    const at = new Date().toISOString();
    try {
      const draft = placementOrderDraft(
        activity,
        { classes, site: { id: site.id, name: site.name, unit: (organisation.unit(unitId) ?? units[0])?.name ?? '' }, requestedPlaces: count },
        { id: `placement-${crypto.randomUUID()}`, caseNumber: newCaseNumber(at), actor, at },
      );
      await db.cases.insert(draft);
      const sent = await step.run({ type: 'sendOrder', at }, draft);
      setOutcome(sent ? { ok: true, text: t.sent(site.name) } : { ok: false, text: t.failed('') });
    } catch (error) {
      setOutcome({ ok: false, text: t.failed(AppError.from(error).message) });
    }
  };

  return (
    <section aria-labelledby="placement-order-heading" className="placement-order-form">
      <Heading level={2} data-size="sm" id="placement-order-heading">
        {t.orderHeading}
      </Heading>
      <Paragraph data-size="sm">{t.orderIntro}</Paragraph>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Fieldset>
          <Fieldset.Legend>{t.classesLegend}</Fieldset.Legend>
          <Checkbox label={t.allClasses} checked={all} onChange={(event) => setClasses(event.target.checked ? activity.classes.map((c) => c.name) : [])} />
          {activity.classes.map((c) => (
            <Checkbox
              key={c.name}
              label={t.classOption(c.name, activity.students.filter((s) => s.className === c.name).length)}
              checked={classes.includes(c.name)}
              onChange={(event) => toggle(c.name, event.target.checked)}
            />
          ))}
        </Fieldset>
        <Field>
          <Label htmlFor="placement-order-site">{t.site}</Label>
          <Select
            id="placement-order-site"
            value={siteId}
            onChange={(event) => {
              setSiteId(event.target.value);
              setUnitId('');
            }}
          >
            <Select.Option value="">{t.chooseSite}</Select.Option>
            {sites.map((site) => (
              <Select.Option key={site.id} value={site.id}>
                {site.name}
              </Select.Option>
            ))}
          </Select>
        </Field>
        {units.length > 1 && (
          <Field>
            <Label htmlFor="placement-order-unit">{t.unit}</Label>
            <Select id="placement-order-unit" value={unitId || units[0]!.id} onChange={(event) => setUnitId(event.target.value)}>
              {units.map((unit) => (
                <Select.Option key={unit.id} value={unit.id}>
                  {unit.name}
                </Select.Option>
              ))}
            </Select>
          </Field>
        )}
        <Textfield label={t.places} type="number" min={1} max={1000} value={places} onChange={(event) => setPlaces(event.target.value)} />
        {problems.length > 0 && (
          <Alert data-color="danger" role="alert">
            <ul>
              {problems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          </Alert>
        )}
        <div role="status">{outcome?.ok && <Alert data-color="success">{outcome.text}</Alert>}</div>
        {outcome && !outcome.ok && (
          <Alert data-color="danger" role="alert">
            {step.state.error ? t.failed(step.state.error) : outcome.text}
          </Alert>
        )}
        <Button type="submit" disabled={step.state.busy}>
          {t.send}
        </Button>
      </form>
    </section>
  );
}
