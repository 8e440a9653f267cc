import type { Proposal, ProposalKind, User } from '@lxq/types';
import { checkContent } from '../../shared/concerns/content';
import { getCommittee } from '../../shared/data/committees';
import { getSectorsByIds } from '../../shared/data/sectors';
import { invalid } from '../../shared/errors';

/** Title and text pass the content check before anything is stored. */
export async function checkText(openid: string, title: string, body: string) {
  await checkContent(openid, { text: title, textField: 'title' });
  await checkContent(openid, { text: body, textField: 'body' });
}

/** Who the proposal speaks for: a sector only by its convener, a committee only by one of its members. */
export async function speaksFor(
  user: User,
  kind: ProposalKind,
  input: { sectorId?: string; committeeId?: string; groupName?: string },
): Promise<Pick<Proposal, 'sectorId' | 'sectorName' | 'committeeId' | 'committeeName' | 'groupName'>> {
  const none = { sectorId: null, sectorName: null, committeeId: null, committeeName: null, groupName: null };
  if (kind === 'sector') {
    const sector = (await getSectorsByIds([input.sectorId!])).get(input.sectorId!);
    if (!sector || sector.convenerId !== user._id) {
      throw invalid({ sectorId: '界别提案由界别召集人代表界别提交，您不是该界别的召集人' });
    }
    return { ...none, sectorId: sector._id, sectorName: sector.name };
  }
  if (kind === 'committee') {
    const committee = await getCommittee(input.committeeId!);
    if (!committee || !user.committeeIds?.includes(committee._id)) {
      throw invalid({ committeeId: '您不是该专委会的组成人员，不能以专委会名义提交' });
    }
    return { ...none, committeeId: committee._id, committeeName: committee.name };
  }
  if (kind === 'group') return { ...none, groupName: input.groupName ?? null };
  return none;
}
