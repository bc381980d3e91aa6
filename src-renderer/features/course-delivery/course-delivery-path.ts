/** Where the course delivery screens live in the app's (hash) routes. */
export const COURSES_PATH = '/kurs';

export const courseCasePath = (id: string) => `${COURSES_PATH}/${encodeURIComponent(id)}`;

/** Where the department head plans a new course (a static segment: it wins over `:id`). */
export const NEW_COURSE_PATH = `${COURSES_PATH}/ny`;
