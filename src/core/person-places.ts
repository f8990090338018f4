/**
 * Where a person is still needed: the places on active customers that must be handed to someone
 * else before they can be marked inactive, each with the command that frees it. Pure.
 */
import { coverCommand, timeOffOf } from './coverage.js';
import type { Registry } from './model.js';
import { activeCustomers } from './queries.js';

export interface PersonPlace {
  slug: string;
  /** engineer, backup, CE, or cover (time off) */
  as: 'engineer' | 'backup' | 'CE' | 'cover';
  /** What frees the place: a command, or the edit to make. */
  fix: string;
}

/** Every place `handle` holds on an active customer, by customer. */
export function placesOf(registry: Registry, handle: string, today: string): PersonPlace[] {
  const out: PersonPlace[] = [];
  for (const c of activeCustomers(registry)) {
    if (c.engineer === handle) out.push({ slug: c.slug, as: 'engineer', fix: `ase transition ${c.slug} --to <handle> --reason leave` });
    if (c.backup === handle) out.push({ slug: c.slug, as: 'backup', fix: `ase transition ${c.slug} --backup <handle> --reason leave` });
    if (c.ce === handle) out.push({ slug: c.slug, as: 'CE', fix: `set \`ce:\` in ${c.file} to another customer engineer and commit it` });
  }
  return [...out, ...coverPlaces(registry, handle, today)];
}

/**
 * The covers `handle` is named for in time-off entries that end today or later, on customers that
 * are active, each freed by naming someone else as the cover.
 */
export function coverPlaces(registry: Registry, handle: string, today: string): PersonPlace[] {
  const active = new Set(activeCustomers(registry).map((c) => c.slug));
  const out: PersonPlace[] = [];
  for (const e of timeOffOf(registry)) {
    if (e.to < today) continue;
    for (const [slug, cover] of Object.entries(e.cover)) {
      if (cover === handle && active.has(slug)) out.push({ slug, as: 'cover', fix: coverCommand(e, slug) });
    }
  }
  return out;
}
