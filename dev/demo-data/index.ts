export { DEMO_NOW, generateDemoData, type DemoData, type DemoDataOptions } from './generate-demo-data';
export { DEMO_APPLICANT_ID, DEMO_STUDENT_ID, demoStaffMembers, demoUser, demoUsers, type DemoUser } from './demo-users';
export { demoOrganisation } from './organisation-units';
export { departments, INSTITUTION, partners, placementSites } from './organisation';
export { mulberry32, Rng } from './prng';
