import { z } from 'zod';
import { idSchema } from '../case/case.schema';
import { orgAttributeSchemas, orgUnitKinds, orgUnitSchema, parentKinds, type OrgUnit } from './org-unit.schema';

/**
 * An organisation file, row by row, as an operator writes it (JSON objects or CSV lines with the
 * same columns): `id`, `kind`, `name`, optional `code` and `parentId`, and any further column is an
 * attribute of that kind (blank cells are left out). A unit's institution follows from its parent.
 * Pure: the caller reads the file and stores the result.
 */
export interface RowProblem {
  /** 1-based, as in a spreadsheet's data rows (the header is not counted). */
  row: number;
  message: string;
}

export type OrgRowsResult = { ok: true; units: OrgUnit[] } | { ok: false; problems: RowProblem[] };

const CORE = ['id', 'kind', 'name', 'code', 'parentId'] as const;

const rowSchema = z.object({
  id: idSchema,
  kind: z.enum(orgUnitKinds),
  name: z.string().trim().min(1).max(300),
  code: z.string().trim().max(40).default(''),
  parentId: z.string().trim().max(64).default(''),
});

const cell = z.union([z.string(), z.number()]).transform(String);

function describe(error: z.ZodError): string {
  return error.issues.map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message)).join('; ');
}

/**
 * Validates every row, with the units already stored as the context parents may come from.
 * All-or-nothing: any problem means no units (and every problem is reported, not just the first).
 */
export function validateOrgRows(rows: readonly unknown[], stored: readonly OrgUnit[], now: string): OrgRowsResult {
  const problems: RowProblem[] = [];
  const parsed: { row: number; unit: Omit<OrgUnit, 'institution'> }[] = [];
  const seen = new Set<string>();
  rows.forEach((raw, index) => {
    const row = index + 1;
    const fields = z.record(z.string(), cell.or(z.null()).or(z.undefined())).safeParse(raw);
    if (!fields.success) return problems.push({ row, message: 'not a set of named text fields' });
    const values = Object.fromEntries(
      Object.entries(fields.data)
        .map(([key, value]) => [key.trim(), (value ?? '').trim()])
        .filter(([, value]) => value !== ''),
    );
    const core = rowSchema.safeParse(values);
    if (!core.success) return problems.push({ row, message: describe(core.error) });
    const attributes = Object.fromEntries(Object.entries(values).filter(([key]) => !(CORE as readonly string[]).includes(key)));
    const checked = orgAttributeSchemas[core.data.kind].safeParse(attributes);
    if (!checked.success) return problems.push({ row, message: `attributes of a ${core.data.kind}: ${describe(checked.error)}` });
    if (seen.has(core.data.id)) return problems.push({ row, message: `id "${core.data.id}" appears more than once` });
    seen.add(core.data.id);
    parsed.push({ row, unit: { ...core.data, attributes: checked.data as Record<string, string>, updatedAt: now } });
  });

  const byId = new Map<string, Pick<OrgUnit, 'kind' | 'parentId' | 'institution'> | Omit<OrgUnit, 'institution'>>(stored.map((unit) => [unit.id, unit]));
  for (const { unit } of parsed) byId.set(unit.id, unit);
  const storedKinds = new Map(stored.map((unit) => [unit.id, unit.kind]));
  const institutionOf = (id: string): string => {
    const unit = byId.get(id);
    if (!unit) return '';
    if (unit.kind === 'institution') return id;
    return 'institution' in unit && unit.institution ? unit.institution : institutionOf(unit.parentId);
  };

  const units: OrgUnit[] = [];
  for (const { row, unit } of parsed) {
    const before = storedKinds.get(unit.id);
    if (before && before !== unit.kind) {
      problems.push({ row, message: `"${unit.id}" is stored as a ${before}; a unit does not change kind` });
      continue;
    }
    const allowed = parentKinds[unit.kind];
    if (allowed.length === 0) {
      if (unit.parentId !== '') problems.push({ row, message: `a ${unit.kind} has no parent` });
      else units.push(orgUnitSchema.parse({ ...unit, institution: unit.id }));
      continue;
    }
    const parent = byId.get(unit.parentId);
    if (!parent) {
      problems.push({
        row,
        message:
          unit.parentId === '' ? `a ${unit.kind} needs a parentId (a ${allowed.join(' or ')})` : `parent "${unit.parentId}" is neither in the file nor stored`,
      });
      continue;
    }
    if (!allowed.includes(parent.kind)) {
      problems.push({ row, message: `a ${unit.kind} belongs under a ${allowed.join(' or ')}, not a ${parent.kind} ("${unit.parentId}")` });
      continue;
    }
    const institution = institutionOf(unit.id);
    if (institution === '') problems.push({ row, message: `no institution above "${unit.id}"` });
    else units.push(orgUnitSchema.parse({ ...unit, institution }));
  }
  return problems.length > 0 ? { ok: false, problems: problems.sort((a, b) => a.row - b.row) } : { ok: true, units };
}
