import { kickTimer } from '../../shared/kick';

/** The freeze's next run now (shared/kick.ts); the minute timer takes any freeze whose lease passed. */
export const kickFreeze = () => kickTimer('assessment', 'freezeWork', '冻结');
