// Registry credentials from the environment: OCI_USERNAME with OCI_PASSWORD (basic auth), or a
// token (OCI_TOKEN, or GHCR_TOKEN as GitHub workflows name it) that is exchanged at the
// registry's token service like a password. Not WASMCP_* names: those reach the components.
export interface RegistryCredentials {
  username?: string;
  /** A password or an access token (a GitHub token for ghcr.io). */
  secret: string;
}

export function credentialsFromEnv(env: NodeJS.ProcessEnv = process.env): RegistryCredentials | undefined {
  const secret = env.OCI_PASSWORD || env.OCI_TOKEN || env.GHCR_TOKEN;
  if (!secret) return undefined;
  return { username: env.OCI_USERNAME || undefined, secret };
}
