import { courseDeliveryWorkflow, type CourseDeliveryCase, type CourseDeliveryEvent } from '../../../src-shared/domain/course-delivery';
import { takeLaptopStep, type LaptopStepDeps, type LaptopStepReport } from '../case/take-laptop-step';

export type CourseStepDeps = LaptopStepDeps;
export type CourseStepReport = LaptopStepReport;

/** One course step that makes no document (a click's, or a form's with its input), taken on the laptop. */
export const takeCourseStep = (deps: CourseStepDeps, caseDoc: CourseDeliveryCase, event: CourseDeliveryEvent): Promise<CourseStepReport[]> =>
  takeLaptopStep(deps, courseDeliveryWorkflow, caseDoc, event);
