import { join, resolve } from 'node:path';

/** The repository root. */
export const ROOT = join(__dirname, '..');

/**
 * Where builds go: dist/ unless LXQ_DIST_DIR says otherwise (so two checkouts or two people
 * working at once can build and test without overwriting each other's output). The Taro config
 * reads the same variable.
 */
export const DIST = process.env.LXQ_DIST_DIR ? resolve(process.env.LXQ_DIST_DIR) : join(ROOT, 'dist');
