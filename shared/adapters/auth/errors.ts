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
  /** `token`: not an ID token, or one that lives too long — treated as no token at all (401). */
  readonly reason: 'missing' | 'token' | 'invalid';
  readonly issues: readonly ClaimsIssue[];

  constructor(
    reason: 'missing' | 'token' | 'invalid',
    issues: readonly ClaimsIssue[],
    options?: { cause?: unknown },
  ) {
    super(
      reason === 'missing'
        ? 'The request carries no officer claims'
        : `The officer ${reason === 'token' ? 'token is not acceptable' : 'claims are invalid'}: ${issues.map((i) => `${i.claim}: ${i.message}`).join('; ')}`,
      options,
    );
    this.reason = reason;
    this.issues = issues;
  }
}
