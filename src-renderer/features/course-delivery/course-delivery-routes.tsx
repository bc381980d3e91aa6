import type { RouteObject } from 'react-router';
import { CourseCasePage } from './course-case-page';
import { COURSES_PATH, NEW_COURSE_PATH } from './course-delivery-path';
import { NewCoursePage } from './new-course/new-course-page';
import { CourseOverviewPage } from './overview/course-overview-page';

/** The course delivery screens, as children of the app's routed frame. */
export const courseDeliveryRoutes: RouteObject[] = [
  { path: COURSES_PATH.slice(1), element: <CourseOverviewPage /> },
  { path: NEW_COURSE_PATH.slice(1), element: <NewCoursePage /> },
  { path: `${COURSES_PATH.slice(1)}/:id`, element: <CourseCasePage /> },
];
