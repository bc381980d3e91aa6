export {
  birthYear,
  controlRules,
  isValidNationalId,
  nationalIdKinds,
  parseNationalId,
  syntheticSeries,
  type ControlRule,
  type NationalId,
  type NationalIdKind,
  type NationalIdProblem,
  type ParseNationalIdOptions,
  type SyntheticSeries,
} from './national-id';
export { generateNationalId, type GenerateNationalIdOptions } from './generate-national-id';
