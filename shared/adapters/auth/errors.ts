/** Errors of the auth adapter: what an officer's token says could not be turned into an Officer. */

export interface ClaimsIssue {
  readonly claim: string;
  readonly message: string;
}

/**
 * The request reached a function without usable officer claims: none at all (a route without the JWT
 * authorizer) or claims that contradict our data (unknown role or district, a DPO without a district).
 * A signed token can still carry forged or stale claims, so the use cases never trust the gateway alone.
 */
export class OfficerClaimsError extends Error {
  override readonly name = 'OfficerClaimsError';
  readonly reason: 'missing' | 'invalid';
  readonly issues: readonly ClaimsIssue[];

  constructor(reason: 'missing' | 'invalid', issues: readonly ClaimsIssue[], options?: { cause?: unknown }) {
    super(
      reason === 'missing'
        ? 'The request carries no officer claims'
        : `The officer claims are invalid: ${issues.map((i) => `${i.claim}: ${i.message}`).join('; ')}`,
      options,
    );
    this.reason = reason;
    this.issues = issues;
  }
}
