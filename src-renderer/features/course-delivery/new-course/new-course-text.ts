import { useAppStore } from '../../../app/store';

/** "Planlegg nytt kurs": Norwegian bokmål (default) and English. The registration's own labels come from participants/. */
const nb = {
  title: 'Planlegg nytt kurs',
  intro:
    'Avdelingslederen planlegger kurset: kursdata, undervisningsressurs og eventuelt påmeldingen. Kurset opprettes som planlagt, og neste steg er å sende kontrakten.',
  notHead: 'Bare avdelingsledere planlegger nye kurs. Bytt til en avdelingsleder for å planlegge et kurs.',
  course: 'Kurset',
  department: 'Avdeling',
  code: 'Emnekode',
  name: 'Kursnavn',
  credits: 'Studiepoeng',
  sessions: 'Antall samlinger',
  startDate: 'Startdato',
  endDate: 'Sluttdato',
  priceNok: 'Pris (kr)',
  teacher: 'Undervisningsressurs',
  teacherDescription: 'En underviser ved avdelingen. Hen får kontrakten til signering.',
  chooseTeacher: 'Velg undervisningsressurs',
  noTeachers: 'Avdelingen har ingen undervisere i personalkatalogen.',
  withRegistration: 'Sett opp påmeldingen nå',
  registration: 'Påmeldingen',
  submit: 'Planlegg kurset',
  refused: (why: string) => `Kurset ble ikke opprettet: ${why}`,
  errors: {
    department: 'Velg en avdeling.',
    code: 'Skriv en emnekode (høyst 20 tegn).',
    name: 'Skriv kursets navn (høyst 200 tegn).',
    credits: 'Skriv studiepoeng fra 0 til 60.',
    sessions: 'Skriv et helt antall samlinger fra 1 til 100.',
    date: 'Velg en dato.',
    endBeforeStart: 'Sluttdatoen kan ikke være før startdatoen.',
    priceNok: 'Skriv prisen i hele kroner, fra 0 til 1 000 000.',
    teacher: 'Velg en undervisningsressurs.',
    capacity: 'Skriv et helt tall fra 1 til 1000.',
    deadlineNotBeforeStart: 'Påmeldingsfristen må være før kurset starter.',
  },
};

export type NewCourseText = typeof nb;

const en: NewCourseText = {
  title: 'Plan a new course',
  intro:
    'The head of department plans the course: its facts, the teaching resource and, if wanted, the registration. The course is created as planned; the next step is to send the contract.',
  notHead: 'Only heads of department plan new courses. Switch to a head of department to plan one.',
  course: 'The course',
  department: 'Department',
  code: 'Course code',
  name: 'Course name',
  credits: 'Credits',
  sessions: 'Number of sessions',
  startDate: 'Start date',
  endDate: 'End date',
  priceNok: 'Price (NOK)',
  teacher: 'Teaching resource',
  teacherDescription: 'A teacher of the department. They get the contract to sign.',
  chooseTeacher: 'Choose the teaching resource',
  noTeachers: 'The department has no teachers in the staff directory.',
  withRegistration: 'Set up the registration now',
  registration: 'The registration',
  submit: 'Plan the course',
  refused: (why: string) => `The course was not created: ${why}`,
  errors: {
    department: 'Choose a department.',
    code: 'Enter a course code (at most 20 characters).',
    name: "Enter the course's name (at most 200 characters).",
    credits: 'Enter credits from 0 to 60.',
    sessions: 'Enter a whole number of sessions from 1 to 100.',
    date: 'Choose a date.',
    endBeforeStart: 'The end date cannot be before the start date.',
    priceNok: 'Enter the price in whole kroner, from 0 to 1,000,000.',
    teacher: 'Choose a teaching resource.',
    capacity: 'Enter a whole number from 1 to 1000.',
    deadlineNotBeforeStart: 'The registration deadline must be before the course starts.',
  },
};

export const newCourseTexts = { nb, en } as const;

export function useNewCourseText(): NewCourseText {
  return newCourseTexts[useAppStore((state) => state.language)];
}
