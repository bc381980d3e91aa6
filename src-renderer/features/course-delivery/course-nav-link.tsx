import { NavLink } from 'react-router';
import { useActingUser } from '../case/acting-user';
import { COURSES_PATH } from './course-delivery-path';
import { useCourseDeliveryText } from './course-delivery-text';

/** "Kurs" in the main navigation, for those who work on the course checklist. */
export function CourseNavLink() {
  const text = useCourseDeliveryText();
  const actor = useActingUser();
  if (!actor.roles.some((role) => role === 'departmentHead' || role === 'operationsConsultant' || role === 'teacher')) return null;
  return (
    <li>
      <NavLink to={COURSES_PATH}>{text.nav}</NavLink>
    </li>
  );
}
