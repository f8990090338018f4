/** Slugs name customer files and handles name people: lowercase letters, digits and hyphens. */

export const SLUG_RE = /^[a-z0-9][a-z0-9-]{0,63}$/;

export function isSlug(value: string): boolean {
  return SLUG_RE.test(value);
}

/** A slug made from a display name, for import and suggestions ("Acme Corp." -> "acme-corp"). */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/, '');
}
