import { getNotice } from '../../shared/data/notices';

/** The scope check of staff actions on one notice: the unit that sent it. */
export const unitOfNotice = async ({ id }: { id: string }) => (await getNotice(id)).unitPath;
