import { Alert, Button, Checkbox, Field, Label, Link, Paragraph, Select, Spinner, Table, Textfield } from '@digdir/designsystemet-react';
import { useEffect, useMemo, useState } from 'react';
import { Link as RouterLink } from 'react-router';
import {
  ewpCasesRegisteredSchema,
  ewpInboxSchema,
  ewpRejectedSchema,
  type EwpInboxItem,
} from '../../../src-shared/domain/nomination/nomination-staff.contract';
import type { EwpIncomingStatus } from '../../../src-shared/domain/nomination/ewp-nomination';
import { PageHeading } from '../../ui/page-heading';
import { usePageTitle } from '../../ui/use-page-title';
import { BackLink } from '../case/case-page-states';
import { useStoredOffers } from './offers/use-offers';
import { ServerApiError, useServerApi, type ServerApi } from '../session/server-api';
import { mobilityKeyOf, offersForSelection, refusedResults, registeredResults, type MobilityResult } from './ewp-inbox';
import { NOMINATION_PATH, nominationCasePath } from './nomination-path';
import { useNominationText } from './nomination-text';

type StatusFilter = EwpIncomingStatus | 'all';
const statusFilters: readonly StatusFilter[] = ['pending', 'verified', 'rejected', 'all'];

/** /nomination/ewp — the mobilities partners sent through EWP: register selected ones as cases under an offer, or reject one. */
export function EwpInboxPage() {
  const text = useNominationText();
  const t = text.ewp;
  const api = useServerApi();
  usePageTitle(t.title);
  return (
    <div className="nomination-ewp">
      <BackLink to={NOMINATION_PATH} label={text.casePage.back} />
      <PageHeading>{t.title}</PageHeading>
      <Paragraph>{t.intro}</Paragraph>
      {api ? <EwpInbox api={api} /> : <Alert data-color="info">{text.server.needed}</Alert>}
    </div>
  );
}

function EwpInbox({ api }: { api: ServerApi }) {
  const text = useNominationText();
  const t = text.ewp;
  const offers = useStoredOffers();
  const [status, setStatus] = useState<StatusFilter>('pending');
  const [items, setItems] = useState<EwpInboxItem[] | undefined>();
  const [failure, setFailure] = useState<string>();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [offerCode, setOfferCode] = useState('');
  const [busy, setBusy] = useState(false);
  // The last registration's result per mobility, by the name shown when it was asked.
  const [results, setResults] = useState<{ key: string; name: string; result: MobilityResult }[]>([]);
  const [notice, setNotice] = useState<{ color: 'success' | 'danger'; lines: string[] }>();
  const [rejecting, setRejecting] = useState<string>();

  // Loaded again after each change (`reloads`); an answer to an older filter is dropped.
  const [reloads, setReloads] = useState(0);
  const load = () => setReloads((count) => count + 1);
  useEffect(() => {
    let current = true;
    api.get(`/api/nominations/ewp${status === 'all' ? '' : `?status=${status}`}`, ewpInboxSchema).then(
      (answer) => {
        if (!current) return;
        setItems(answer.mobilities);
        setFailure(undefined);
      },
      (error: unknown) => current && setFailure(text.server.failed((error as Error).message)),
    );
    return () => {
      current = false;
    };
  }, [api, status, reloads, text]);

  const chosen = useMemo(() => (items ?? []).filter((item) => selected.has(mobilityKeyOf(item))), [items, selected]);
  const choosable = useMemo(() => offersForSelection(offers ?? [], chosen), [offers, chosen]);
  const offer = choosable.find((candidate) => candidate.code === offerCode) ?? choosable[0];

  async function register() {
    if (!offer || chosen.length === 0) return;
    const mobilities = chosen.map(({ sendingHeiId, omobilityId }) => ({ sendingHeiId, omobilityId }));
    const named = (byKey: ReadonlyMap<string, MobilityResult>) =>
      chosen.flatMap((item) => {
        const result = byKey.get(mobilityKeyOf(item));
        return result ? [{ key: mobilityKeyOf(item), name: nameOf(item), result }] : [];
      });
    setBusy(true);
    setNotice(undefined);
    setResults([]);
    try {
      const answer = await api.post('/api/nominations/ewp/cases', { offerCode: offer.code, mobilities }, ewpCasesRegisteredSchema);
      setResults(named(registeredResults(answer)));
      setSelected(new Set());
      load();
    } catch (error) {
      const refused = error instanceof ServerApiError && error.status === 422 ? refusedResults(mobilities, error.details) : undefined;
      if (refused) setResults(named(refused.results));
      setNotice({ color: 'danger', lines: refused ? [t.nothingRegistered, ...refused.general] : [text.server.failed((error as Error).message)] });
    } finally {
      setBusy(false);
    }
  }

  const toggle = (key: string) => setSelected((keys) => (keys.has(key) ? new Set([...keys].filter((other) => other !== key)) : new Set([...keys, key])));

  return (
    <>
      <Field>
        <Label htmlFor="ewp-status">{t.statusFilter}</Label>
        <Select id="ewp-status" value={status} onChange={(change) => setStatus(change.target.value as StatusFilter)}>
          {statusFilters.map((filter) => (
            <Select.Option key={filter} value={filter}>
              {t.statuses[filter]}
            </Select.Option>
          ))}
        </Select>
      </Field>
      <section className="bulk-actions" aria-label={text.actions.label}>
        <Paragraph role="status" data-size="sm">
          {chosen.length > 0 ? t.selected(chosen.length) : ''}
        </Paragraph>
        {chosen.length > 0 && (
          <form
            className="bulk-bar"
            noValidate
            onSubmit={(submit) => {
              submit.preventDefault();
              if (!busy) void register();
            }}
          >
            <Field>
              <Label htmlFor="ewp-offer">{t.offer}</Label>
              <Select id="ewp-offer" value={offer?.code ?? ''} onChange={(change) => setOfferCode(change.target.value)} disabled={choosable.length === 0}>
                {choosable.length === 0 && <Select.Option value="">{t.chooseOffer}</Select.Option>}
                {choosable.map((candidate) => (
                  <Select.Option key={candidate.code} value={candidate.code}>
                    {candidate.code} {candidate.name.nb} ({candidate.term})
                  </Select.Option>
                ))}
              </Select>
            </Field>
            {choosable.length === 0 && <Paragraph data-size="sm">{t.onePartner}</Paragraph>}
            <Button type="submit" data-size="sm" aria-disabled={busy || !offer || undefined}>
              {busy ? t.registering : t.register(chosen.length)}
            </Button>
          </form>
        )}
        <div aria-live="polite">
          {notice && (
            <Alert data-color={notice.color}>
              {notice.lines.map((line) => (
                <Paragraph key={line}>{line}</Paragraph>
              ))}
            </Alert>
          )}
          {results.length > 0 && (
            <ul aria-label={t.results}>
              {results.map(({ key, name, result }) => (
                <li key={key}>
                  {name}: <MobilityResultText result={result} />
                </li>
              ))}
            </ul>
          )}
        </div>
      </section>
      {failure && <Alert data-color="danger">{failure}</Alert>}
      {!items ? (
        !failure && <Spinner aria-label={text.loading} />
      ) : items.length === 0 ? (
        <Paragraph>{t.none}</Paragraph>
      ) : (
        <Table data-size="sm" aria-label={t.tableLabel}>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t.select}</Table.HeaderCell>
              <Table.HeaderCell>{t.student}</Table.HeaderCell>
              <Table.HeaderCell>{t.sending}</Table.HeaderCell>
              <Table.HeaderCell>{t.period}</Table.HeaderCell>
              <Table.HeaderCell>{t.iscedEqf}</Table.HeaderCell>
              <Table.HeaderCell>{t.languages}</Table.HeaderCell>
              <Table.HeaderCell>{t.status}</Table.HeaderCell>
              <Table.HeaderCell>{t.case}</Table.HeaderCell>
              <Table.HeaderCell>{t.action}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {items.map((item) => {
              const key = mobilityKeyOf(item);
              const open = item.caseId === null && item.status !== 'rejected';
              return (
                <Table.Row key={key}>
                  <Table.Cell>
                    {open && <Checkbox aria-label={t.selectMobility(nameOf(item))} checked={selected.has(key)} onChange={() => toggle(key)} />}
                  </Table.Cell>
                  <Table.Cell>
                    {nameOf(item)}
                    <br />
                    <small>{item.omobilityId}</small>
                  </Table.Cell>
                  <Table.Cell>
                    {item.partner.name} ({item.sendingHeiId})
                  </Table.Cell>
                  <Table.Cell>
                    {item.period.receivingAcademicYear}
                    {item.period.plannedArrival && ` (${item.period.plannedArrival} – ${item.period.plannedDeparture ?? ''})`}
                  </Table.Cell>
                  <Table.Cell>
                    {item.iscedCode ?? '–'} / {item.eqfLevel ?? '–'}
                  </Table.Cell>
                  <Table.Cell>{item.languageSkills.map((skill) => `${skill.language}${skill.cefrLevel ? ` ${skill.cefrLevel}` : ''}`).join(', ')}</Table.Cell>
                  <Table.Cell>
                    {t.statuses[item.status]}
                    {item.comment && <small>: {item.comment}</small>}
                  </Table.Cell>
                  <Table.Cell>
                    {item.caseId ? (
                      <Link asChild>
                        <RouterLink to={nominationCasePath(item.caseId)}>{t.openCase}</RouterLink>
                      </Link>
                    ) : (
                      t.noCase
                    )}
                  </Table.Cell>
                  <Table.Cell>
                    {open &&
                      (rejecting === key ? (
                        <RejectForm
                          api={api}
                          item={item}
                          onDone={(rejected) => {
                            setRejecting(undefined);
                            if (rejected) {
                              setNotice({ color: 'success', lines: [t.rejected(nameOf(item))] });
                              load();
                            }
                          }}
                        />
                      ) : (
                        <Button type="button" variant="tertiary" data-size="sm" onClick={() => setRejecting(key)} aria-label={t.rejectFor(nameOf(item))}>
                          {t.reject}
                        </Button>
                      ))}
                  </Table.Cell>
                </Table.Row>
              );
            })}
          </Table.Body>
        </Table>
      )}
    </>
  );
}

const nameOf = (item: EwpInboxItem) => `${item.student.givenNames} ${item.student.familyName}`;

function MobilityResultText({ result }: { result: MobilityResult }) {
  const t = useNominationText().ewp;
  if (result.kind === 'refused') return t.refused(result.message);
  if (result.kind === 'notRegistered') return t.notRegistered;
  return (
    <>
      {result.kind === 'created' ? t.created : t.existing}{' '}
      <Link asChild>
        <RouterLink to={nominationCasePath(result.caseId)}>{t.openCase}</RouterLink>
      </Link>
    </>
  );
}

/** The comment the partner reads back, then the refusal; the server's refusal is shown at the field. */
function RejectForm({ api, item, onDone }: { api: ServerApi; item: EwpInboxItem; onDone(rejected: boolean): void }) {
  const text = useNominationText();
  const t = text.ewp;
  const [comment, setComment] = useState('');
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  return (
    <form
      noValidate
      onSubmit={(submit) => {
        submit.preventDefault();
        if (busy) return;
        if (comment.trim() === '') return setProblem(t.commentRequired);
        setBusy(true);
        void api
          .post('/api/nominations/ewp/reject', { sendingHeiId: item.sendingHeiId, omobilityId: item.omobilityId, comment }, ewpRejectedSchema)
          .then(
            () => onDone(true),
            (error: unknown) => setProblem(text.server.failed((error as Error).message)),
          )
          .finally(() => setBusy(false));
      }}
    >
      <Textfield label={t.comment} multiline rows={2} value={comment} onChange={(change) => setComment(change.target.value)} error={problem} />
      <Button type="submit" data-size="sm" data-color="danger" aria-disabled={busy || undefined}>
        {t.confirmReject}
      </Button>
      <Button type="button" variant="tertiary" data-size="sm" onClick={() => onDone(false)}>
        {t.cancel}
      </Button>
    </form>
  );
}
