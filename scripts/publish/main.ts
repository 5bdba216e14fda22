// `npm run publish:oci`: pushes the built artifacts and the WIT packages to an OCI registry.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { credentialsFromEnv } from '../../packages/runtime/src/oci/credentials.js';
import { publish } from './publish.js';

const USAGE = `Usage: npm run publish:oci -- --registry HOST --namespace PATH [options]

Pushes both variants of every component package (NAME and NAME-d2) and the WIT packages
(mcp-v20251125, keyvalue, auth) as REGISTRY/NAMESPACE/NAME:VERSION, each with the version of
its own package.json (or WIT package declaration). Build first (npm run build).

Options:
  --registry HOST      registry host, e.g. ghcr.io or 127.0.0.1:5000 (env OCI_REGISTRY)
  --namespace PATH     path under the registry, e.g. your organisation (env OCI_NAMESPACE)
  --username USER      (env OCI_USERNAME)
  --password SECRET    password or token (env OCI_PASSWORD, OCI_TOKEN or GHCR_TOKEN); the
                       registry's challenge decides between basic auth and its token handshake
  --only NAME,...      publish only these artifacts (a component's name means both variants)
  --source URL         org.opencontainers.image.source (default $GITHUB_SERVER_URL/$GITHUB_REPOSITORY)
  --force              replace versions that are published already (refused otherwise)
  --dry-run            print what would be pushed, with digests, without contacting the registry
  -h, --help           this text
`;

function fail(message: string): never {
  process.stderr.write(`publish: ${message}\n\n${USAGE}`);
  process.exit(2);
}

async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      registry: { type: 'string' },
      namespace: { type: 'string' },
      username: { type: 'string' },
      password: { type: 'string' },
      only: { type: 'string' },
      source: { type: 'string' },
      force: { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  const registry = values.registry ?? process.env.OCI_REGISTRY;
  const namespace = values.namespace ?? process.env.OCI_NAMESPACE;
  if (!registry) fail('give the registry (--registry or OCI_REGISTRY)');
  if (!namespace) fail('give the namespace (--namespace or OCI_NAMESPACE)');
  const fromEnv = credentialsFromEnv();
  const secret = values.password ?? fromEnv?.secret;
  const username = values.username ?? fromEnv?.username;
  if (values.username && !secret) fail('--username needs a password or token (--password, OCI_PASSWORD or OCI_TOKEN)');
  const { GITHUB_SERVER_URL, GITHUB_REPOSITORY, SOURCE_DATE_EPOCH } = process.env;
  // SOURCE_DATE_EPOCH makes `created` reproducible, as in reproducible-builds.org.
  const created = new Date(SOURCE_DATE_EPOCH ? Number(SOURCE_DATE_EPOCH) * 1000 : Date.now()).toISOString();
  await publish({
    // This runs bundled, from scripts/publish/dist/.
    root: resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..'),
    registry,
    namespace: namespace.replace(/^\/+|\/+$/g, ''),
    credentials: secret ? { username, secret } : undefined,
    only: values.only?.split(',').map((n) => n.trim()).filter(Boolean),
    force: values.force,
    dryRun: values['dry-run'],
    source: values.source ?? (GITHUB_SERVER_URL && GITHUB_REPOSITORY ? `${GITHUB_SERVER_URL}/${GITHUB_REPOSITORY}` : undefined),
    created,
    log: (line) => process.stdout.write(`${line}\n`),
  });
}

main(process.argv.slice(2)).catch((err: Error) => {
  process.stderr.write(`publish: ${err.message}\n`);
  process.exit(1);
});
