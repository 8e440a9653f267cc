import { buildFunctions } from '../scripts/build-functions';

/** Integration tests run the function bundles as deployed: build them first (esbuild, < 1 s). */
export default async function globalSetup() {
  await buildFunctions();
}
