/** Where the course delivery screens live in the app's (hash) routes. */
export const COURSES_PATH = '/kurs';

export const courseCasePath = (id: string) => `${COURSES_PATH}/${encodeURIComponent(id)}`;
