import { z } from '../zod';
import { CONCERN_CATEGORIES, CONCERN_STATUSES, type ConcernStatus } from '../domain/concern';
import type { Page } from '../contract';
import { id, pageInput, phone, text } from './fields';

export const concernSubmit = {
  input: z.object({
    workstationId: id('工作站'),
    category: z.enum(CONCERN_CATEGORIES, { error: '请选择类别' }),
    title: text('标题', 4, 40),
    text: text('内容', 10, 1000),
    phone: phone.optional(),
    anonymous: z.boolean().default(false),
    consent: z.literal(true, { error: '请阅读并同意隐私说明' }),
    source: z.enum(['qr', 'share', 'home']).default('home'),
  }),
  result: {} as { _id: string; status: ConcernStatus },
};

export interface ConcernListItem {
  _id: string;
  title: string;
  category: string;
  status: ConcernStatus;
  workstationName: string | null;
  createdAt: string;
  /** "匿名群众" when anonymous. */
  submitter?: string;
  /** Masked: 138****5678. */
  phone?: string | null;
}

export const concernListMine = {
  input: z.object({ ...pageInput }),
  result: {} as Page<ConcernListItem>,
};

export const concernListForStaff = {
  input: z.object({
    ...pageInput,
    status: z.enum(CONCERN_STATUSES, { error: '状态无效' }).optional(),
  }),
  result: {} as Page<ConcernListItem> & { counts: Partial<Record<ConcernStatus, number>> },
};
