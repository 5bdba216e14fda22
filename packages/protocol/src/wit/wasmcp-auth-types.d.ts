/** @module Interface wasmcp:auth/types@0.1.1 **/
export type Jwt = Uint8Array;
export interface TokenConfirmation {
  x5tS256?: string,
  jkt?: string,
}
export interface JwtClaims {
  subject: string,
  issuer?: string,
  audience: Array<string>,
  expiration?: bigint,
  issuedAt?: bigint,
  notBefore?: bigint,
  jwtId?: string,
  scopes: Array<string>,
  confirmation?: TokenConfirmation,
  customClaims: Array<[string, string]>,
}
