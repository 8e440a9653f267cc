/**
 * The registry of indicators: one source per domain, each a file in this folder declaring the
 * named figures it yields and the aggregate that counts them. A domain that lands later (协商议题,
 * 社情民意, 提案) adds its file and one line below; the weights form, the lists, the export, the
 * snapshot and the 成绩单 pick its indicators up from here.
 */
import type { IndicatorInfo } from '@lxq/types';
import { CONCERN_SOURCE } from './concerns';
import { DUTY_SOURCE } from './duty';
import { LIAISON_SOURCE } from './liaison';
import { PROPOSAL_SOURCE } from './proposal';
import { RECEPTION_SOURCE } from './receptions';
import { REPORT_SOURCE } from './report';
import { TOPIC_SOURCE } from './topic';
import { TOPIC_MEETING_SOURCE } from './topicMeeting';
import type { IndicatorSource } from './types';

export const SOURCES: IndicatorSource[] = [
  LIAISON_SOURCE,
  DUTY_SOURCE,
  CONCERN_SOURCE,
  RECEPTION_SOURCE,
  TOPIC_SOURCE,
  TOPIC_MEETING_SOURCE,
  REPORT_SOURCE,
  PROPOSAL_SOURCE,
];

export const MEMBER_INDICATORS: IndicatorInfo[] = SOURCES.flatMap((s) => s.member?.indicators ?? []);
export const STATION_INDICATORS: IndicatorInfo[] = SOURCES.flatMap((s) => s.station?.indicators ?? []);

export const defaultWeights = (indicators: IndicatorInfo[]) =>
  Object.fromEntries(indicators.map((i) => [i.key, i.defaultWeight]));
