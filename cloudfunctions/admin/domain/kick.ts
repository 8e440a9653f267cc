import { kickTimer } from '../../shared/kick';

/** The next re-pathing run now (shared/kick.ts); the minute timer takes up every move not ended. */
export const kickRepath = () => kickTimer('admin', 'repathWork', '迁移');
