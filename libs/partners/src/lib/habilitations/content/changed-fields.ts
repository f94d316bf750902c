type Json = unknown;

const isPlainObject = (value: Json): value is Record<string, Json> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Every leaf path of a value (arrays are leaves: a list of claims changes as a whole). */
function leafPaths(value: Json, prefix: string): string[] {
  if (!isPlainObject(value)) return [prefix];
  const keys = Object.keys(value);
  if (keys.length === 0) return [prefix];
  return keys.flatMap((key) => leafPaths(value[key], prefix ? `${prefix}.${key}` : key));
}

function sameValue(a: Json, b: Json): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Dotted paths of the leaves that differ between two versions of a request's content, sorted
 * (`contacts.dpo.email`, `legal.retentionMonths`, `data.claims`). What the instructor reads to see
 * what the applicant changed since the previous submission.
 */
export function changedFields(before: Json, after: Json, prefix = ''): string[] {
  const changes = new Set<string>();
  const visit = (a: Json, b: Json, path: string) => {
    if (isPlainObject(a) && isPlainObject(b)) {
      for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) visit(a[key], b[key], path ? `${path}.${key}` : key);
      return;
    }
    if (sameValue(a, b)) return;
    // An object against a scalar or nothing: every leaf of the object side changed.
    const side = isPlainObject(b) ? b : a;
    for (const leaf of isPlainObject(side) ? leafPaths(side, path) : [path]) changes.add(leaf);
  };
  visit(before, after, prefix);
  return [...changes].filter(Boolean).sort();
}
