import { findBlocking } from './blocking';
import { buildModel } from './distribution-model';
import type { DistributionInstance } from './distribution.schema';
import type { DistributionLabels } from './compact-instance';

const SHOWN = 20;

/** "a, b og c" with at most SHOWN names, then "og N til". */
function list(names: string[]): string {
  if (names.length > SHOWN) return `${names.slice(0, SHOWN).join(', ')} og ${names.length - SHOWN} til`;
  return names.length < 2 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} og ${names.at(-1)}`;
}

const students = (n: number) => (n === 1 ? '1 student' : `${n} studenter`);
const places = (n: number) => (n === 1 ? '1 plass' : `${n} plasser`);

/**
 * What blocks whom in an infeasible instance, in bokmål, with students and sites named by their
 * labels: the same checks as `findBlocking` (and in its order), the first that finds something.
 * Null when the instance has a feasible assignment. The English sentence is the solver's own.
 */
export function blockingSentenceNb(instance: DistributionInstance, labels: DistributionLabels): string | null {
  const model = buildModel(instance);
  const found = findBlocking(model);
  if (!found.length) return null;
  const placesOf = new Map(model.sites.map((site) => [site.id, site.places]));
  const lockedAt = (site: string) => instance.locked.filter((lock) => lock.site === site).length;
  return found
    .map((blocking) => {
      const who = list(blocking.students.map(labels.student));
      const where = list(blocking.sites.map(labels.site));
      switch (blocking.constraint) {
        case 'lockedNotAllowed':
          return `${who} er låst til ${where}, men reglene tillater ikke det stedet for studenten.`;
        case 'lockedToSeveralSites':
          return `${who} er låst til flere steder: ${where}.`;
        case 'noAllowedSite':
          return `Ingen bestilling er tillatt for ${who} (klasse, krav eller tidligere praksissted).`;
        case 'lockedOverCapacity':
          return `${where} har ${places(placesOf.get(blocking.sites[0]!)!)}, men ${students(blocking.students.length)} er låst dit: ${who}.`;
        case 'totalCapacity':
          return `${students(model.students.length)}, men bare ${places(model.sites.reduce((sum, site) => sum + site.places, 0))} i alt (per sted det minste av kapasitet og veiledernes grenser).`;
        case 'tooFewPlaces': {
          const left = blocking.sites.reduce((sum, site) => sum + placesOf.get(site)! - lockedAt(site), 0);
          return `${students(blocking.students.length)} (${who}) kan bare gå til ${where}, som har ${places(left)} igjen til dem.`;
        }
      }
    })
    .join(' ');
}
