import { describe, expect, it } from 'vitest';
import { CATEGORIES, findCategory, isCategoryCode } from '../../../shared/domain/categories.ts';
import { CATEGORY_CODES, PRIORITIES } from '../../../shared/domain/vocabulary.ts';

describe('categories', () => {
  it('covers every category code exactly once', () => {
    expect(CATEGORIES.map((c) => c.code).sort()).toEqual([...CATEGORY_CODES].sort());
  });

  it('has short bilingual labels that fit a WhatsApp list row (24 chars)', () => {
    for (const c of CATEGORIES) {
      expect(c.en.length, c.code).toBeLessThanOrEqual(24);
      expect(c.ur.length, c.code).toBeLessThanOrEqual(24);
      expect(c.ur).toMatch(/^[\u0600-\u06FF\s]+$/);
      expect(PRIORITIES).toContain(c.defaultPriority);
    }
  });

  it('prioritises a missing child and violence against women, and handles harassment discreetly', () => {
    expect(findCategory('missing_child')?.defaultPriority).toBe('urgent');
    expect(findCategory('gender_violence')).toMatchObject({ defaultPriority: 'high', sensitive: true });
    expect(findCategory('domestic_violence')?.sensitive).toBe(true);
    expect(findCategory('harassment')?.sensitive).toBe(true);
    expect(findCategory('traffic')).toMatchObject({ defaultPriority: 'low', sensitive: false });
  });

  it('finds codes case-insensitively and nothing else', () => {
    expect(findCategory('CORRUPTION')?.en).toBe('Corruption or bribery');
    expect(findCategory('bribery')).toBeUndefined();
    expect(isCategoryCode('other')).toBe(true);
    expect(isCategoryCode('Other')).toBe(false);
  });
});
