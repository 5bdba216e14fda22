// `npm create @wasmcp-ts NAME`: the runtime's `wasmcp-ts new NAME`, bundled with the runtime's
// templates (build.mjs) so that npm create installs this package alone, not the runtime with
// its compilers and native store. The project it writes depends on the runtime.
import { newCommand } from '../../runtime/src/new-command.js';

newCommand(process.argv.slice(2)).catch((err: Error) => {
  process.stderr.write(`npm create @wasmcp-ts: ${err.message}\n`);
  process.exit(1);
});
