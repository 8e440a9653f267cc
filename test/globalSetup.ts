import { buildFunctions } from '../scripts/build-functions';

/**
 * Integration tests run the function bundles as deployed: build them first (esbuild, < 1 s).
 * `npm test` (scripts/test.ts) has just built them in its own step and says so: not twice.
 */
export default async function globalSetup() {
  const built = process.env.LXQ_FUNCTIONS_BUILT === '1';
  // Said for this run only: the workers, and any jest a test starts in its own copy, build for themselves.
  delete process.env.LXQ_FUNCTIONS_BUILT;
  if (!built) await buildFunctions();
}
