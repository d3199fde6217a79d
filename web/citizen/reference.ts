/** Districts and categories as the API serves them (GET /districts, GET /categories), loaded once per page. */
import { api } from '../lib/api.ts';
import type { Language } from '../lib/i18n.ts';

export interface Named {
  readonly code: string;
  readonly en: string;
  readonly ur: string;
}
export interface DistrictRef extends Named {
  readonly region: string;
}
export interface CategoryRef extends Named {
  readonly defaultPriority: string;
  readonly sensitive: boolean;
}
export interface ReferenceData {
  readonly regions: readonly Named[];
  readonly districts: readonly DistrictRef[];
  readonly categories: readonly CategoryRef[];
}

let loaded: Promise<ReferenceData> | undefined;

export const loadReferenceData = (): Promise<ReferenceData> =>
  (loaded ??= Promise.all([
    api<{ regions: Named[]; districts: DistrictRef[] }>('/districts'),
    api<{ categories: CategoryRef[] }>('/categories'),
  ]).then(([d, c]) => ({ ...d.data, categories: c.data.categories }))).catch((error: unknown) => {
    loaded = undefined;
    throw error;
  });

export const byName = (lang: Language) => (a: Named, b: Named) => a[lang].localeCompare(b[lang], lang);
