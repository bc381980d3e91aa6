import { NO_DEADLINE, type Case } from './case.schema';

type Deadline = Case['deadlines'][number];

/** The value of `nextDeadline` for a list of open deadlines: the earliest, or NO_DEADLINE. */
export function nextDeadlineOf(deadlines: readonly Deadline[]): string {
  let next = NO_DEADLINE;
  for (const deadline of deadlines) if (deadline.due < next) next = deadline.due;
  return next;
}
