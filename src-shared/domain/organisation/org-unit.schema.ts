import { z } from 'zod';
import { idSchema, isoDate, isoTimestamp } from '../case/case.schema';

/**
 * The organisation a server publishes to its laptops, read-only: institutions (with their FS codes,
 * e.g. 216 HiSF), departments, cohorts, courses, partners and their agreements, placement sites and
 * their units. One collection holds every kind (RxDB's free tier allows 13 collections per process);
 * each unit points at its parent, and the kind decides which parent kinds and attributes it has.
 */
export const orgUnitKinds = ['institution', 'department', 'cohort', 'course', 'partner', 'agreement', 'site', 'siteUnit', 'municipality'] as const;
export type OrgUnitKind = (typeof orgUnitKinds)[number];

/** The kinds a unit of each kind may hang under; [] for top-level units. */
export const parentKinds: Readonly<Record<OrgUnitKind, readonly OrgUnitKind[]>> = {
  institution: [],
  department: ['institution'],
  cohort: ['department'],
  course: ['department'],
  partner: ['institution'],
  agreement: ['partner'],
  site: ['department'],
  siteUnit: ['site'],
  municipality: ['institution'],
};

const text = (max: number) => z.string().trim().min(1).max(max);
const count = z.string().regex(/^\d{1,5}$/, 'a whole number');
const degrees = (max: number) =>
  z
    .string()
    .regex(/^-?\d{1,3}(\.\d{1,8})?$/, 'decimal degrees, like 60.39')
    .refine((value) => Math.abs(Number(value)) <= max, `at most ${max} degrees`);

/** The attributes each kind may carry (all text, as a CSV cell holds them). */
export const orgAttributeSchemas = {
  institution: z.strictObject({ domain: text(100).optional() }),
  department: z.strictObject({}),
  cohort: z.strictObject({ programme: text(200).optional() }),
  course: z.strictObject({
    category: z.enum(['ordinary', 'placement', 'furtherEducation']).optional(),
    credits: z
      .string()
      .regex(/^\d{1,3}(\.\d)?$/)
      .optional(),
  }),
  partner: z.strictObject({
    country: z
      .string()
      .regex(/^[A-Z]{2}$/, 'an ISO 3166 country code')
      .optional(),
    erasmusCode: text(40).optional(),
    /** The partner's HEI id in the EWP network (its domain, e.g. "ulisboa.pt"): its mobilities are its own. */
    ewpHeiId: z
      .string()
      .regex(/^[a-z0-9][a-z0-9.-]{0,252}$/, 'an EWP HEI id (a lower-case domain)')
      .optional(),
    language: z
      .string()
      .regex(/^[a-z]{2}$/)
      .optional(),
  }),
  agreement: z.strictObject({ validFrom: isoDate.optional(), validTo: isoDate.optional(), places: count.optional() }),
  site: z.strictObject({
    address: text(300).optional(),
    email: z.email().max(200).optional(),
    /** The municipality the site lies in: the placement distribution's travel cost (issue 12). */
    municipality: text(100).optional(),
  }),
  siteUnit: z.strictObject({ capacity: count.optional() }),
  /** A municipality's centre (WGS84; SSB/Kartverket publish them): the placement distribution's travel distance. */
  municipality: z.strictObject({
    number: z
      .string()
      .regex(/^\d{4}$/, 'a four-digit municipality number')
      .optional(),
    latitude: degrees(90),
    longitude: degrees(180),
  }),
} satisfies Record<OrgUnitKind, z.ZodObject>;

export const MAX_ORG_ATTRIBUTES = 10;

export const orgUnitSchema = z.object({
  id: idSchema,
  kind: z.enum(orgUnitKinds),
  /** The institution the unit belongs to (its own id for an institution): who receives it. */
  institution: z.string().min(1).max(100),
  /** FS institution number, course code, cohort code …; '' when the kind has none. */
  code: z.string().max(40),
  name: z.string().min(1).max(300),
  /** '' for a top-level unit. */
  parentId: z.string().max(64),
  attributes: z
    .record(z.string().max(40), z.string().max(500))
    .refine((value) => Object.keys(value).length <= MAX_ORG_ATTRIBUTES, `At most ${MAX_ORG_ATTRIBUTES} attributes`),
  updatedAt: isoTimestamp,
});
export type OrgUnit = z.infer<typeof orgUnitSchema>;
