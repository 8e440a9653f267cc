/**
 * zod, imported by name. `import { z } from 'zod'` keeps every locale in a bundle (450 KB);
 * named imports let esbuild leave out what is unused (~90 KB), which keeps each function bundle
 * inside its 300 KB budget. Add a builder here when a schema needs one.
 */
import { array, boolean, enum as enumOf, literal, number, object, record, string } from 'zod';

export const z = { array, boolean, enum: enumOf, literal, number, object, record, string };
export type { ZodError, ZodType, input as Input, output as Output } from 'zod';
