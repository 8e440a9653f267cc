import type { Proposal } from '@lxq/types';

/** What a proposal carries before anyone reviews or handles it (fresh arrays each call). */
export const unreviewed = (): Pick<
  Proposal,
  | 'reviewNote'
  | 'notFiled'
  | 'mergedInto'
  | 'mergedFrom'
  | 'preReviews'
  | 'key'
  | 'assignments'
  | 'handlingUnitIds'
  | 'dueOn'
  | 'answeredAt'
  | 'answeredOnTime'
  | 'ratings'
  | 'rehandled'
> => ({
  reviewNote: null,
  notFiled: null,
  mergedInto: null,
  mergedFrom: [],
  preReviews: [],
  key: false,
  assignments: [],
  handlingUnitIds: [],
  dueOn: null,
  answeredAt: null,
  answeredOnTime: null,
  ratings: [],
  rehandled: false,
});
