export * from './course-delivery.schema';
export {
  courseDeliveryEventSchema,
  courseDeliveryWorkflow,
  GRADING_DAYS,
  transition,
  type CourseDeliveryCase,
  type CourseDeliveryEvent,
} from './course-delivery.workflow';
