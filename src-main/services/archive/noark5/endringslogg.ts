import { CLOSED_STATUS, OPEN_STATUS, systemId, type CaseClosings } from './arkivstruktur';
import { el, renderXml } from './xml';

/**
 * Noark 5 endringslogg.xml (endringslogg.xsd): the changes of metadata after registration. The
 * one Saksflyt makes is closing a case whose documents the archive already held: its saksstatus
 * went from "Under behandling" to "Avsluttet". The schema requires at least one change, so a
 * package without any has no endringslogg.xml (undefined).
 */
export const ENDRINGSLOGG_NAMESPACE = 'http://www.arkivverket.no/standarder/noark5/endringslogg';

export function buildEndringslogg(closings: CaseClosings): { xml: string; changes: number } | undefined {
  const changes = [...closings].filter(([, closing]) => closing.logged).sort(([, a], [, b]) => a.closedAt.localeCompare(b.closedAt));
  if (changes.length === 0) return undefined;
  const endring = changes.map(([caseId, closing]) =>
    el('endring', [
      el('referanseArkivenhet', systemId(`saksmappe:${caseId}`)),
      el('referanseMetadata', 'saksstatus'),
      el('endretDato', closing.closedAt),
      el('endretAv', closing.closedBy),
      el('tidligereVerdi', OPEN_STATUS),
      el('nyVerdi', CLOSED_STATUS),
    ]),
  );
  return { xml: renderXml(el('endringslogg', endring, { xmlns: ENDRINGSLOGG_NAMESPACE })), changes: changes.length };
}
