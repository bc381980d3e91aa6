import type { RouteObject } from 'react-router';
import { CourseCasePage } from './course-case-page';
import { COURSES_PATH } from './course-delivery-path';
import { CourseOverviewPage } from './overview/course-overview-page';

/** The course delivery screens, as children of the app's routed frame. */
export const courseDeliveryRoutes: RouteObject[] = [
  { path: COURSES_PATH.slice(1), element: <CourseOverviewPage /> },
  { path: `${COURSES_PATH.slice(1)}/:id`, element: <CourseCasePage /> },
];
