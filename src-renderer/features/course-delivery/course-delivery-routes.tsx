import type { RouteObject } from 'react-router';
import { lazyPage } from '../../app/lazy-page';
import { COURSES_PATH, NEW_COURSE_PATH } from './course-delivery-path';

const CourseCasePage = lazyPage(() => import('./course-case-page'), 'CourseCasePage');
const NewCoursePage = lazyPage(() => import('./new-course/new-course-page'), 'NewCoursePage');
const CourseOverviewPage = lazyPage(() => import('./overview/course-overview-page'), 'CourseOverviewPage');

/** The course delivery screens, as children of the app's routed frame. */
export const courseDeliveryRoutes: RouteObject[] = [
  { path: COURSES_PATH.slice(1), element: <CourseOverviewPage /> },
  { path: NEW_COURSE_PATH.slice(1), element: <NewCoursePage /> },
  { path: `${COURSES_PATH.slice(1)}/:id`, element: <CourseCasePage /> },
];
