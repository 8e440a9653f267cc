import { kickTimer } from '../../shared/kick';

/** The export worker's next run now (shared/kick.ts); the minute timer takes any job whose lease passed. */
export const kickWorker = () => kickTimer('exportJob', 'exportWork', '导出');
