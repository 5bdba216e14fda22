/** @module Interface wasmcp:mcp-v20251125/server-auth@0.1.1 **/
export function decode(jwt: Jwt): JwtClaims;
export function authorize(request: ClientMessage, claims: JwtClaims, session: Session | undefined, httpContext: HttpContext | undefined): boolean;
export type Jwt = import('./wasmcp-auth-types.js').Jwt;
export type JwtClaims = import('./wasmcp-auth-types.js').JwtClaims;
export type ClientMessage = import('./wasmcp-mcp-v20251125-mcp.js').ClientMessage;
export type Session = import('./wasmcp-mcp-v20251125-mcp.js').Session;
export interface HttpContext {
  method: string,
  path: string,
  headers: Array<[string, string]>,
}
