import type { MediaCheck, UploadPurpose } from '@lxq/types';
import { startImageChecks, textVerdict } from '../cloud';
import { AppError } from '../errors';
import { checkFiles, photoRefs } from '../files';

/**
 * Labels that describe wrongdoing (违法犯罪, 欺诈): a citizen reporting "小区有人聚众赌博" or "有人冒充
 * 社区诈骗老人" is exactly who must be heard, so such text is stored, kept for staff, and marked for
 * a person to review instead of being refused.
 */
export const REPORT_LABELS: readonly number[] = [20006, 20008];

/** Why other flagged text is refused, by label: the citizen learns what to change. */
const REFUSED: Record<number, string> = {
  10001: '内容含有广告或推广信息，请删除后再提交',
  20002: '内容含有色情信息，请修改后再提交',
  20003: '内容含有辱骂或人身攻击的言辞，请修改后再提交',
  20012: '内容含有低俗信息，请修改后再提交',
};
const REFUSED_OTHER = '内容含有不适宜发布的信息，请修改后再提交';

export interface ContentVerdict {
  /** The text describes wrongdoing (or the check was unsure): stored, but staff review it first. */
  needsReview: boolean;
  /** The photos' image checks, started: the document keeps them until the verdicts arrive. */
  mediaChecks: MediaCheck[];
}

/**
 * User text and photos pass WeChat's content check before anything is stored. Abuse, advertising,
 * pornography and any other risky label is refused with CONTENT_RISKY on the field it came from, and
 * nothing is kept; a report of wrongdoing, or text the check is unsure of, is accepted and answered
 * `needsReview`. Photos are checked asynchronously: a flagged one is hidden later (mediaVerdict.ts).
 */
export async function checkContent(
  openid: string,
  parts: { text: string; textField: string; photos?: string[]; photosField?: string; photosFolder?: UploadPurpose },
): Promise<ContentVerdict> {
  // Photos must first be the caller's own uploads in the folder of `photosFolder` (checkFiles).
  if (parts.photos?.length) {
    await checkFiles(openid, parts.photosFolder ?? 'concerns', photoRefs(parts.photos, parts.photosField));
  }
  const [verdict, mediaChecks] = await Promise.all([
    parts.text ? textVerdict(parts.text, openid) : Promise.resolve({ suggest: 'pass', label: 100 }),
    startImageChecks(parts.photos ?? [], openid),
  ]);
  const flagged = verdict.suggest !== 'pass' && verdict.label !== 100;
  const report = REPORT_LABELS.includes(verdict.label);
  if (flagged && verdict.suggest === 'risky' && !report) {
    const message = REFUSED[verdict.label] ?? REFUSED_OTHER;
    throw new AppError('CONTENT_RISKY', message, { [parts.textField]: message });
  }
  return { needsReview: flagged, mediaChecks };
}
