/** A municipality's centre in WGS84 degrees. */
export interface Centre {
  latitude: number;
  longitude: number;
}

const EARTH_RADIUS_KM = 6371.0088;
const radians = (degrees: number) => (degrees * Math.PI) / 180;

/** Great-circle distance in km between two centres (haversine): as the crow flies, not by road. */
export function kilometresBetween(a: Centre, b: Centre): number {
  const dLat = radians(b.latitude - a.latitude);
  const dLon = radians(b.longitude - a.longitude);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(radians(a.latitude)) * Math.cos(radians(b.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** How municipality names are compared: trimmed, lower case. */
export const municipalityKey = (name: string): string => name.trim().toLocaleLowerCase('nb');

/**
 * How far a site is from a student's home, in tens of km (one decimal), the unit the travel weight
 * prices: from the two municipalities' centres when both are known; otherwise 1 when the site is in
 * another (known) municipality and 0 in the same or an unknown one.
 */
export function travelUnits(home: string, siteMunicipality: string | undefined, centres: ReadonlyMap<string, Centre>): number {
  if (!siteMunicipality?.trim()) return 0;
  const [from, to] = [municipalityKey(home), municipalityKey(siteMunicipality)];
  if (from === to) return 0;
  const [a, b] = [centres.get(from), centres.get(to)];
  if (a && b) return Math.round(kilometresBetween(a, b)) / 10;
  return 1;
}
