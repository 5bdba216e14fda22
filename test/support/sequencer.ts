// The order test files start in. vitest starts the files it has no timings for (a clean CI
// checkout) largest first, so the longest ones, small files that run real installs and whole
// suites, could start last and keep the run going after everything else has finished: they
// start first, the rest follow in vitest's own order.
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** The files that take longest (seconds measured on the 2-core machine), longest first. */
const LONGEST = [
  'test/npm/npm-first-minute.test.ts', // ~530 s: Verdaccio, two npm installs, builds
  'test/conformance/conformance-suite.test.ts', // ~280 s: the suite against four servers
  'test/e2e/client-requests.test.ts', // ~120 s
];

export default class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (file: TestSpecification) => {
      const index = LONGEST.findIndex((path) => file.moduleId.endsWith(path));
      return index < 0 ? LONGEST.length : index;
    };
    // Array.prototype.sort is stable: the others keep vitest's order.
    return sorted.sort((a, b) => rank(a) - rank(b));
  }
}
