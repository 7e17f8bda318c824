/** The nine documented categories, in the docs' order. */
export const CATEGORY_NAMES = [
  'groceries',
  'rent',
  'dining',
  'utilities',
  'transport',
  'entertainment',
  'subscriptions',
  'salary',
  'transfer',
] as const;

export type CategoryName = (typeof CATEGORY_NAMES)[number];
