import { departments, type Department } from './organisation';
import type { Rng } from './prng';

const departmentWeights = Object.fromEntries(departments.map((d) => [d.id, d.weight])) as Record<string, number>;

export function pickDepartment(rng: Rng): Department {
  const id = rng.weighted(departmentWeights);
  return departments.find((d) => d.id === id)!;
}
