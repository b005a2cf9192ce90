/**
 * CLI commands besides serving:
 *   enroll-code --location <id> [--location <id>…] [--org <id>] [--expires-in-minutes <n>]
 * prints a one-time enrollment code (SPEC [S1]) using the store directly (no running server needed).
 */
import { AuthService, InputError } from './services/auth';
import type { Store } from './store/store';

export interface EnrollCodeArgs {
  location?: string[];
  org?: string;
  'expires-in-minutes'?: string;
}

/** Returns the lines to print; throws with a readable message on bad arguments. */
export async function enrollCodeCommand(store: Store, args: EnrollCodeArgs): Promise<string[]> {
  const locationIds = args.location ?? [];
  if (locationIds.length === 0) throw new Error('enroll-code needs --location <id>');
  const minutesText = args['expires-in-minutes'];
  const expiresInMinutes = minutesText === undefined ? undefined : Number(minutesText);
  if (expiresInMinutes !== undefined && !(Number.isSafeInteger(expiresInMinutes) && expiresInMinutes > 0)) {
    throw new Error('--expires-in-minutes must be a whole number above 0');
  }
  try {
    const { code, expiresAt } = await new AuthService(store.devices).createEnrollCode({
      locationIds,
      orgId: args.org,
      expiresInMinutes,
    });
    return [`Enrollment code: ${code}`, `Single use; expires ${expiresAt}.`];
  } catch (error) {
    if (error instanceof InputError) throw new Error(`${error.field}: ${error.message}`, { cause: error });
    throw error;
  }
}
