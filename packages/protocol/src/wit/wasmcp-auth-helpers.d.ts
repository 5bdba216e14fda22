/** @module Interface wasmcp:auth/helpers@0.1.1 **/
export function hasScope(claims: JwtClaims, scope: string): boolean;
export function hasAnyScope(claims: JwtClaims, scopes: Array<string>): boolean;
export function hasAllScopes(claims: JwtClaims, scopes: Array<string>): boolean;
export function getScopes(claims: JwtClaims): Array<string>;
export function hasAudience(claims: JwtClaims, audience: string): boolean;
export function getAudiences(claims: JwtClaims): Array<string>;
export function isExpired(claims: JwtClaims, clockSkewSeconds: bigint | undefined): boolean;
export function isValidTime(claims: JwtClaims, clockSkewSeconds: bigint | undefined): boolean;
export function getSubject(claims: JwtClaims): string;
export function getIssuer(claims: JwtClaims): string | undefined;
export function getClaim(claims: JwtClaims, key: string): string | undefined;
export function flattenClaims(claims: JwtClaims): Array<[string, string]>;
export type JwtClaims = import('./wasmcp-auth-types.js').JwtClaims;
