import { kickTimer } from '../../../shared/kick';

/** More delivery workers now (shared/kick.ts); the minute timer works the queue if a kick is lost. */
export const startWorkers = (n: number) => kickTimer('notice', 'deliver', '投递', n);
