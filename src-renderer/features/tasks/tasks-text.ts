import { useAppStore } from '../../app/store';

/**
 * Texts of "Mine oppgaver": Norwegian bokmål (default) and English. The page's name is the
 * navigation's (`nav.tasks`); "overdue" and "due <date>" are the dictionary's, shared with the
 * overview and the case page.
 */
const nb = {
  intro: 'Oppgaver som er tildelt deg eller rollen din, i alle sakstyper du arbeider med, sortert etter frist.',
  showDone: 'Vis utførte oppgaver',
  listLabel: 'Oppgaver',
  loading: 'Henter oppgavene …',
  empty: 'Du har ingen åpne oppgaver.',
  emptyWithDone: 'Du har ingen oppgaver.',
  count: (open: number) => (open === 1 ? '1 åpen oppgave' : `${open} åpne oppgaver`),
  dueSoon: 'Frist snart',
  done: 'Utført',
  caseOf: 'Sak',
  readOnly: 'Du kan se oppgaven, men ikke krysse den av.',
  ticked: (title: string) => `«${title}» er krysset av som utført.`,
  reopened: (title: string) => `«${title}» er åpnet igjen.`,
  failed: (title: string) => `«${title}» ble ikke lagret. Prøv igjen.`,
  navBadge: (open: number) => `${open} åpne`,
  checklist: {
    heading: 'Neste steg på kursene dine',
    intro: 'Stegene i kursenes sjekkliste du registrerer nå, etter frist. Registrer dem på kursets side.',
    course: (code: string, name: string, caseNumber: string) => `${code} ${name} (sak ${caseNumber})`,
  },
};

export type TasksText = typeof nb;

const en: TasksText = {
  intro: 'Tasks assigned to you or your role, across every case type you work on, sorted by deadline.',
  showDone: 'Show completed tasks',
  listLabel: 'Tasks',
  loading: 'Loading the tasks …',
  empty: 'You have no open tasks.',
  emptyWithDone: 'You have no tasks.',
  count: (open: number) => (open === 1 ? '1 open task' : `${open} open tasks`),
  dueSoon: 'Due soon',
  done: 'Done',
  caseOf: 'Case',
  readOnly: 'You can see this task but not tick it off.',
  ticked: (title: string) => `“${title}” is ticked off as done.`,
  reopened: (title: string) => `“${title}” is open again.`,
  failed: (title: string) => `“${title}” was not saved. Try again.`,
  navBadge: (open: number) => `${open} open`,
  checklist: {
    heading: 'Next steps on your courses',
    intro: "The steps of the courses' checklists you record now, by deadline. Record them on the course's page.",
    course: (code: string, name: string, caseNumber: string) => `${code} ${name} (case ${caseNumber})`,
  },
};

export const tasksTexts = { nb, en } as const;

export function useTasksText(): TasksText {
  return tasksTexts[useAppStore((state) => state.language)];
}
