import type { Blocking } from './distribution.schema';
import { pairKey, type DistributionModel, type ModelSite } from './distribution-model';
import { MaxFlow } from './max-flow';

const SHOWN = 20;

/** "a, b, c" with at most SHOWN names, then "and N more". */
function names(ids: string[], separator = ', '): string {
  const shown = ids.slice(0, SHOWN).join(separator);
  return ids.length > SHOWN ? `${shown} and ${ids.length - SHOWN} more` : shown;
}

/** "1 place", "2 places". */
function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function places(site: ModelSite): string {
  return `${count(site.places, 'place')} (capacity ${site.capacity}, supervisors' limits ${site.supervisorLimit})`;
}

function blocking(constraint: Blocking['constraint'], students: string[], sites: string[], message: string): Blocking {
  return { constraint, students, sites, message };
}

/**
 * Why no assignment can exist, or [] when one does. The checks run in order and the first that
 * finds something is returned, each naming the constraint and whom it blocks: locks on a pair
 * that is not allowed or on several sites; students with no allowed site; sites with more locked
 * students than places; fewer places than students; else, from a maximum flow of the students
 * who are not locked into the places left, a set of students whose allowed sites together have
 * too few places left (its minimum cut; no such set exists exactly when all students fit).
 */
export function findBlocking(model: DistributionModel): Blocking[] {
  const { students, sites } = model;
  const locks = [...model.lockedSites].sort(([a], [b]) => a - b);
  const stages: (() => Blocking[])[] = [
    () =>
      locks.flatMap(([student, lockedSites]) =>
        [...lockedSites]
          .filter((site) => !model.pairIndex.has(pairKey(model, student, site)))
          .map((site) =>
            blocking(
              'lockedNotAllowed',
              [students[student]!],
              [sites[site]!.id],
              `Locked pair ${students[student]} → ${sites[site]!.id} is not an allowed pair (it has no cost entry).`,
            ),
          ),
      ),
    () =>
      locks
        .filter(([, lockedSites]) => lockedSites.size > 1)
        .map(([student, lockedSites]) => {
          const ids = [...lockedSites].map((site) => sites[site]!.id);
          return blocking('lockedToSeveralSites', [students[student]!], ids, `${students[student]} is locked to more than one site: ${names(ids)}.`);
        }),
    () => {
      const stranded = students.filter((_, student) => model.pairsOfStudent[student]!.length === 0);
      return stranded.length
        ? [blocking('noAllowedSite', stranded, [], `No allowed site (no cost entry) for ${stranded.length === 1 ? 'student' : 'students'} ${names(stranded)}.`)]
        : [];
    },
    () =>
      lockedStudentsPerSite(model).flatMap((locked, site) =>
        locked.length > sites[site]!.places
          ? [
              blocking(
                'lockedOverCapacity',
                locked,
                [sites[site]!.id],
                `Site ${sites[site]!.id} has ${places(sites[site]!)} but ${count(locked.length, 'student')} ${locked.length === 1 ? 'is' : 'are'} locked to it: ${names(locked)}.`,
              ),
            ]
          : [],
      ),
    () => {
      const total = sites.reduce((sum, site) => sum + site.places, 0);
      return total < students.length
        ? [
            blocking(
              'totalCapacity',
              students,
              [],
              `${count(students.length, 'student')} but only ${count(total, 'place')} in all (per site the lesser of capacity and the sum of its supervisors' limits).`,
            ),
          ]
        : [];
    },
    () => tooFewPlaces(model),
  ];
  for (const stage of stages) {
    const found = stage();
    if (found.length) return found;
  }
  return [];
}

function lockedStudentsPerSite(model: DistributionModel): string[][] {
  const locked = model.sites.map((): string[] => []);
  for (const [student, lockedSites] of [...model.lockedSites].sort(([a], [b]) => a - b)) {
    for (const site of lockedSites) locked[site]!.push(model.students[student]!);
  }
  return locked;
}

/** Hall's condition on the students who are not locked and the places the locks leave. */
function tooFewPlaces(model: DistributionModel): Blocking[] {
  const { students, sites } = model;
  const lockedCount = lockedStudentsPerSite(model).map((locked) => locked.length);
  const free = students.map((_, student) => student).filter((student) => !model.lockedSites.has(student));
  const source = 0;
  const sink = 1 + free.length + sites.length;
  const siteNode = (site: number) => 1 + free.length + site;
  const flow = new MaxFlow(sink + 1);
  free.forEach((student, i) => {
    flow.addEdge(source, 1 + i, 1);
    for (const pair of model.pairsOfStudent[student]!) flow.addEdge(1 + i, siteNode(model.pairs[pair]!.site), free.length);
  });
  sites.forEach((site, index) => flow.addEdge(siteNode(index), sink, site.places - lockedCount[index]!));
  if (flow.run(source, sink) === free.length) return [];
  const reachable = flow.reachable(source);
  const blocked = free.filter((_, i) => reachable[1 + i]).map((student) => students[student]!);
  const siteIndices = sites.map((_, index) => index).filter((index) => reachable[siteNode(index)]);
  const left = siteIndices.reduce((sum, index) => sum + sites[index]!.places - lockedCount[index]!, 0);
  const detail = siteIndices.map(
    (index) => `${sites[index]!.id}: ${places(sites[index]!)}${lockedCount[index] ? `, ${lockedCount[index]} taken by locked students` : ''}`,
  );
  const siteIds = siteIndices.map((index) => sites[index]!.id);
  const message =
    `${count(blocked.length, 'student')} (${names(blocked)}) can only go to ` +
    (siteIds.length === 1 ? `site ${siteIds[0]}, which has` : `sites ${names(siteIds)}, which together have`) +
    ` ${count(left, 'place')} left for them (${names(detail, '; ')}).`;
  return [blocking('tooFewPlaces', blocked, siteIds, message)];
}
