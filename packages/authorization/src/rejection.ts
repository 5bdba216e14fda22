// Why a token was not accepted. `decode` can only answer err() with no payload, so the reason
// goes to stderr for operators (and tests) as "token <fingerprint> rejected (<reason>): <detail>".

export type RejectionReason =
  | 'config' // the component is misconfigured: no token can be accepted
  | 'malformed' // not a compact JWS / JWT at all
  | 'too-large'
  | 'algorithm-not-allowed' // alg outside the allow-list (none, HMAC, ...)
  | 'unknown-key' // no key in the JWKS (after one refetch) or JWT_PUBLIC_KEY matches
  | 'bad-signature'
  | 'expired'
  | 'not-yet-valid'
  | 'wrong-issuer'
  | 'wrong-audience'
  | 'missing-claim'
  | 'insufficient-scope' // lacks JWT_REQUIRED_SCOPES
  | 'jwks-unavailable'; // the JWKS could not be fetched or was not a key set

export class TokenRejected extends Error {
  override name = 'TokenRejected';
  constructor(
    readonly reason: RejectionReason,
    message: string,
  ) {
    super(message);
  }
}
