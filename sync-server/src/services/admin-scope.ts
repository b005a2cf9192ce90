/**
 * What an admin token may act on (SPEC [SEC1]): one organization, or all of them (an operator
 * token). Its own file so auth.ts and admin-tokens.ts both use it without importing each other.
 */

/** Who an admin request is: which token, and the one organization it may act on (null = all). */
export interface AdminScope {
  tokenId: string;
  orgId: string | null;
}

/** An admin token acting outside its organization (routes answer 403). */
export class OrgScopeError extends Error {
  override name = 'OrgScopeError';
  constructor(
    readonly scope: AdminScope,
    readonly orgId: string,
  ) {
    super(
      `this admin token is for organization ${scope.orgId ?? '(all)'}; it cannot act on organization ${orgId}`,
    );
  }
}

/** Throws OrgScopeError unless `scope` may act on `orgId`; an operator scope (orgId null) always may. */
export function assertScope(scope: AdminScope, orgId: string): void {
  if (scope.orgId !== null && scope.orgId !== orgId) throw new OrgScopeError(scope, orgId);
}
