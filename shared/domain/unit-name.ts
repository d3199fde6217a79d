/**
 * How a police station's or circle's name is compared, everywhere: an SHO's scope, the force directory's
 * lookups, an assignment's check. Citizens and officers write "Gulberg", "gulberg police station", "PS Gulberg"
 * or "تھانہ گلبرگ" for one station; the words that only say "police station" or "circle" are left out, and
 * case and spacing are ignored. Kept apart from the directory's schemas so that scope checks do not carry them.
 */
const GENERIC_WORDS = new Set([
  'police',
  'station',
  'ps',
  'p.s',
  'p.s.',
  'p/s',
  'thana',
  'thanay',
  'circle',
  'پولیس',
  'تھانہ',
  'تھانے',
  'اسٹیشن',
  'سٹیشن',
  'سرکل',
]);

/** The comparable form of a unit's name; empty when the name says nothing but "police station". */
export const unitNameKey = (name: string): string =>
  name
    .normalize('NFKC')
    .toLowerCase()
    .split(/[\s,]+/u)
    .filter((word) => word !== '' && !GENERIC_WORDS.has(word))
    .join(' ');

/** Whether two names denote the same unit; a name that is only generic words matches nothing. */
export const sameUnitName = (a: string | undefined, b: string | undefined): boolean => {
  if (a === undefined || b === undefined) return false;
  const key = unitNameKey(a);
  return key !== '' && key === unitNameKey(b);
};
