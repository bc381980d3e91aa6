import { decisionOf, type PlacementDetails } from '../../../src-shared/domain/placement';
import type { SiteOrder, SitePlacedStudent, SiteStudent, SiteStudents } from '../../../src-shared/portal/site.contract';

/**
 * The students distributed to a site as the site sees them: each with their supervisor and the
 * institution's teacher of the class (contact details), and the site's supervisor change requests
 * with the institution's decision; and the site's students by placement period vs today.
 */
export function siteStudentsOf(details: PlacementDetails): SiteStudent[] {
  const staff = new Map((details.staffing ?? []).flatMap((s) => [s.coordinator, ...s.supervisors]).map((person) => [person.userId, person]));
  const contact = (userId: string) => {
    const person = staff.get(userId);
    return { userId, name: person?.name ?? userId, email: person?.email };
  };
  return (details.distribution?.students ?? []).map((student) => {
    const teacher = details.activity.teachers?.find((t) => t.className === student.className);
    return {
      personId: student.personId,
      name: student.name,
      email: student.email,
      className: student.className,
      supervisor: contact(student.supervisorId),
      teacher: teacher && { name: teacher.name, email: teacher.email },
      changeRequests: details.supervisorChangeRequests
        .filter((request) => request.personId === student.personId)
        .map((request) => {
          const decision = decisionOf(details, request.id);
          return {
            id: request.id,
            from: contact(request.fromId),
            to: contact(request.toId),
            reason: request.reason,
            requestedAt: request.requestedAt,
            state: decision ? (decision.approved ? 'approved' : 'refused') : 'waiting',
            comment: decision?.comment,
            decidedAt: decision?.at,
          };
        }),
    };
  });
}

/** The site's students in placement now, upcoming and past (by the activity's period, inclusive, vs `today`), by period then name. */
export function studentsByPeriod(orders: SiteOrder[], today: string): SiteStudents {
  const placed: SitePlacedStudent[] = orders
    .filter((order) => order.status !== 'cancelled' && order.status !== 'declined')
    .flatMap((order) =>
      order.students.map(({ changeRequests: _requests, ...student }) => ({
        ...student,
        orderId: order.id,
        courseCode: order.activity.courseCode,
        courseName: order.activity.courseName,
        from: order.activity.from,
        to: order.activity.to,
        site: order.site,
      })),
    )
    .sort((a, b) => a.from.localeCompare(b.from) || a.name.localeCompare(b.name, 'nb'));
  return {
    today,
    now: placed.filter((s) => s.from <= today && today <= s.to),
    upcoming: placed.filter((s) => today < s.from),
    past: placed.filter((s) => s.to < today),
  };
}

/** A site supervisor's own students (read-only): those they supervise on the orders a supervisor may see. */
export function supervisedStudents(orders: SiteOrder[], supervisorId: string, today: string): SiteStudents {
  const own = orders.map((order) => ({ ...order, students: order.students.filter((s) => s.supervisor.userId === supervisorId) }));
  return studentsByPeriod(own, today);
}
