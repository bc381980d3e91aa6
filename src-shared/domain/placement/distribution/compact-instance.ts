import type { DistributionInstance, DistributionResult } from './distribution.schema';

/** How the texts name a student and a solver site (ids are for machines). */
export interface DistributionLabels {
  student(id: string): string;
  site(id: string): string;
}

const TOKEN = /\b([sov])(\d+)\b/g;

/**
 * The instance with short ids (students s0…, sites o0…, supervisors v0…), so a large activity's
 * instance stays well inside the IPC payload limit, and `expand`, which turns the result back:
 * real ids in every id field, and in the solver's sentences (explanations, what blocks whom) each
 * short id replaced by its label (the student's or the site's name).
 */
export function compactInstance(instance: DistributionInstance): {
  instance: DistributionInstance;
  expand(result: DistributionResult, labels: DistributionLabels): DistributionResult;
} {
  const students = new Map(instance.students.map(({ id }, index) => [id, `s${index}`]));
  const sites = new Map(instance.sites.map(({ id }, index) => [id, `o${index}`]));
  const supervisors = new Map(instance.supervisors.map(({ id }, index) => [id, `v${index}`]));
  const back = new Map<string, string>([...students, ...sites, ...supervisors].map(([id, token]) => [token, id]));
  const compact: DistributionInstance = {
    students: instance.students.map(({ id }) => ({ id: students.get(id)! })),
    sites: instance.sites.map(({ id, capacity, spread }) => ({ id: sites.get(id)!, capacity, ...(spread ? { spread } : {}) })),
    supervisors: instance.supervisors.map(({ id, site, limit }) => ({ id: supervisors.get(id)!, site: sites.get(site)!, limit })),
    costs: instance.costs.map(({ student, site, cost }) => ({ student: students.get(student)!, site: sites.get(site)!, cost })),
    locked: instance.locked.map(({ student, site }) => ({ student: students.get(student)!, site: sites.get(site)! })),
  };
  const id = (token: string) => {
    const real = back.get(token);
    if (real === undefined) throw new Error(`The solver answered with an id it was not given: ${token}`);
    return real;
  };
  const expand = (result: DistributionResult, labels: DistributionLabels): DistributionResult => {
    const named = (text: string) =>
      text.replace(TOKEN, (token: string, kind: string) => {
        const real = back.get(token);
        if (real === undefined || kind === 'v') return token;
        return kind === 's' ? labels.student(real) : labels.site(real);
      });
    if (result.status === 'infeasible') {
      return {
        ...result,
        blocking: named(result.blocking),
        blockingDetail: result.blockingDetail.map((detail) => ({
          ...detail,
          students: detail.students.map(id),
          sites: detail.sites.map(id),
          message: named(detail.message),
        })),
      };
    }
    return {
      ...result,
      assignments: result.assignments.map(({ student, site, supervisor }) => ({ student: id(student), site: id(site), supervisor: id(supervisor) })),
      ...(result.explanations && {
        explanations: result.explanations.map((explanation) => ({
          ...explanation,
          student: id(explanation.student),
          site: id(explanation.site),
          reason:
            explanation.reason.kind === 'full'
              ? { kind: 'full' as const, cheaper: explanation.reason.cheaper.map((cheaper) => ({ ...cheaper, site: id(cheaper.site) })) }
              : explanation.reason,
          text: { nb: named(explanation.text.nb), en: named(explanation.text.en) },
        })),
      }),
    };
  };
  return { instance: compact, expand };
}
