/**
 * The reference year for two-digit years, taken from options.today, and whether it was assumed.
 */
import { DEFAULT_CENTURY_YEAR, yearOfToday } from './dates';

export interface DateContext {
  readonly currentYear: number;
  /** True when options.today was missing: two-digit years then map to 2000-2099. */
  readonly assumedCentury: boolean;
  /** Set once a two-digit year was actually resolved, so the warning only appears when it matters. */
  usedTwoDigitYear: boolean;
}

export function dateContext(today: string | undefined): DateContext {
  const year = yearOfToday(today);
  return {
    currentYear: year ?? DEFAULT_CENTURY_YEAR,
    assumedCentury: year === undefined,
    usedTwoDigitYear: false,
  };
}
