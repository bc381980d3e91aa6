/**
 * The form fields with an issue, in form order, from react-hook-form's nested errors: dotted field
 * names with the issue's type ('root' of a list names the list; the fields' element refs are skipped).
 */
export function erroneousFields(errors: object, prefix = ''): { field: string; type: string | undefined }[] {
  return Object.entries(errors).flatMap(([key, value]): { field: string; type: string | undefined }[] => {
    if (key === 'ref' || value === null || typeof value !== 'object') return [];
    const field = key === 'root' ? prefix.slice(0, -1) : `${prefix}${key}`;
    if ('type' in value && typeof value.type === 'string') return [{ field, type: value.type }];
    return erroneousFields(value, `${field}.`);
  });
}
