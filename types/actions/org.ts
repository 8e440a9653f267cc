import { z } from '../zod';
import { WORKSTATION_KINDS, type OrgUnit, type Sector, type Workstation } from '../domain/org';
import type { Page } from '../contract';
import type { CalendarDay } from '../domain/calendar';
import { fileId, geoPoint, id, pageInput, publicPhone, searchWords, sortBy, text } from './fields';

export type WorkstationSummary = Pick<
  Workstation,
  '_id' | 'name' | 'kind' | 'address' | 'location' | 'openingHours' | 'unitId'
> & { distance?: number };

/** One station's public page: its summary, who runs it, its phone and a link to its photo. */
export type WorkstationPublic = WorkstationSummary & {
  unitName: string;
  headName: string;
  scene: string;
  phone: string;
  /** A temporary link to the photo; '' when the station has none. */
  photoUrl: string;
  /** The concern categories its unit offers (its own list or the nearest ancestor's, issue 17). */
  categories: string[];
};

/** A station list's filter, also the workstation export's (exportJob.ts picks `q`). */
export const workstationListFilter = z.object({
  ...pageInput,
  unitId: id('单位').optional(),
  /** Words of the station's name. */
  q: searchWords,
  /** By name over every page, A→Z by default (workstations' unit_path and name indexes). */
  sort: sortBy('name'),
});

export const orgListWorkstations = {
  // A name search runs inside one unit's stations (unit_path serves it); across every unit it
  // would scan the whole collection, so the public list has no search box.
  input: workstationListFilter.refine((v) => !v.q || !!v.unitId, {
    message: '请先选择单位再搜索工作站',
    path: ['q'],
  }),
  result: {} as Page<WorkstationSummary>,
};

export const orgGetWorkstation = {
  input: z
    .object({ workstationId: id('工作站').optional(), scene: z.string().max(32, '二维码无效').optional() })
    .refine((v) => v.workstationId || v.scene, { message: '请选择工作站', path: ['workstationId'] }),
  result: {} as WorkstationPublic,
};

export const orgListSectors = {
  input: z.object({ unitId: id('单位') }),
  result: {} as { items: Pick<Sector, '_id' | 'name'>[] },
};

export const orgListUnits = {
  input: z.object({}),
  result: {} as { items: Pick<OrgUnit, '_id' | 'name' | 'level' | 'parentId'>[] },
};

/* Workstation management (issue 5): staff create and edit stations in their scope. */

const workstationFields = {
  name: text('名称', 2, 40),
  kind: z.enum(WORKSTATION_KINDS, { error: '请选择类型' }),
  address: text('地址', 4, 100),
  location: geoPoint,
  radius: z
    .number({ error: '请填写签到半径' })
    .int('签到半径应为整数米')
    .min(50, '签到半径至少 50 米')
    .max(2000, '签到半径最多 2000 米')
    .default(200),
  openingHours: text('开放时间', 2, 60),
  headName: text('负责人', 2, 20),
  phone: publicPhone.or(z.literal('')).optional(),
  photo: fileId('照片').or(z.literal('')).optional(),
  memberIds: z.array(id('委员'), { error: '委员无效' }).max(50, '最多指派 50 名委员').default([]),
};

export const orgCreateWorkstation = {
  input: z.object({ unitId: id('单位'), ...workstationFields }),
  result: {} as { _id: string; scene: string },
};

export const orgUpdateWorkstation = {
  input: z.object({ workstationId: id('工作站'), ...workstationFields }),
  result: {} as { _id: string },
};

export interface WorkstationDetail extends WorkstationSummary {
  radius: number;
  headName: string;
  scene: string;
  unitName: string;
  members: { _id: string; name: string }[];
  phone: string;
  /** The photo's fileID ('' for none) and a temporary link to show it. */
  photo: string;
  photoUrl: string;
}

export const orgWorkstationDetail = {
  input: z.object({ workstationId: id('工作站') }),
  result: {} as WorkstationDetail,
};

export const orgWorkstationQr = {
  input: z.object({ workstationId: id('工作站') }),
  /** A PNG data URL of the mini-program code that opens the station page. */
  result: {} as { png: string; scene: string; name: string },
};

export const orgNearWorkstations = {
  input: z.object({ ...pageInput, location: geoPoint }),
  result: {} as Page<WorkstationSummary & { distance: number }>,
};

export const orgUnitMembers = {
  input: z.object({ ...pageInput, unitId: id('单位') }),
  result: {} as Page<{ _id: string; name: string; sectorName: string }>,
};

/* The working-day calendar (issue 17): staff read it, an admin enters a year's official arrangement. */

const calendarDay = z.object({
  date: z.string({ error: '日期无效' }).regex(/^\d{4}-\d{2}-\d{2}$/, '日期应写作 2027-02-06'),
  name: z.string({ error: '请填写节日名称' }).trim().min(1, '请填写节日名称').max(10, '节日名称不能超过 10 个字'),
});

const calendarEntry = z
  .object({
    year: z
      .number({ error: '请选择年份' })
      .int('年份无效')
      .min(2000, '年份应在 2000 至 2100 之间')
      .max(2100, '年份应在 2000 至 2100 之间'),
    /** The notice's lines, pasted as they are; or the dates below, from the form. */
    text: z.string({ error: '通知内容格式不正确' }).max(5000, '通知内容不能超过 5000 字').optional(),
    holidays: z.array(calendarDay, { error: '放假日期无效' }).max(80, '放假日期最多 80 天').optional(),
    workdays: z.array(calendarDay, { error: '上班日期无效' }).max(20, '调休上班日最多 20 天').optional(),
  })
  .refine((v) => (v.text ?? '').trim() || v.holidays?.length, {
    message: '请粘贴国务院办公厅的放假通知，或逐项填写放假日期',
    path: ['text'],
  });

export interface CalendarYearSummary {
  year: number;
  source: 'library' | 'official';
  complete: boolean;
  holidays: number;
  workdays: number;
  enteredBy: string;
  updatedAt: string;
}

export interface CalendarYearView {
  year: number;
  /** 'rules': not entered yet, computed from the statutory holidays (provisional). */
  source: 'library' | 'official' | 'rules';
  holidays: CalendarDay[];
  workdays: CalendarDay[];
  /** The statutory days off the year must contain. */
  statutory: CalendarDay[];
  enteredBy: string;
}

export const orgCalendar = {
  input: z.object({
    year: z.number({ error: '年份无效' }).int('年份无效').min(2000, '年份无效').max(2100, '年份无效').optional(),
  }),
  result: {} as {
    years: CalendarYearSummary[];
    /** The year shown (the one asked for, else the next one missing, else this year). */
    detail: CalendarYearView;
    /** From 1 November, when next year is missing: the console's warning to admins. */
    warning: string | null;
    canEdit: boolean;
  },
};

export const orgCheckCalendarYear = {
  input: calendarEntry,
  result: {} as {
    year: number;
    holidays: CalendarDay[];
    workdays: CalendarDay[];
    /** One Chinese sentence per statutory holiday missing. */
    missing: string[];
    /** Dates that cannot be used, and notice lines not understood. */
    problems: string[];
  },
};

export const orgSaveCalendarYear = {
  input: calendarEntry,
  result: {} as { year: number; holidays: number; workdays: number; recomputed: number; unfinished: boolean },
};

/* The staff dashboard (issue 16): the unit subtree's figures for a span of China months. */

const month = (label: string) =>
  z.string({ error: `请选择${label}` }).regex(/^\d{4}-(0[1-9]|1[0-2])$/, `${label}应写作 2026-01`);

/** The most months one dashboard spans: two years, so the counters read stay a handful. */
export const DASHBOARD_MAX_MONTHS = 24;

const monthIndex = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;

export const orgDashboard = {
  input: z
    .object({
      from: month('起始月份').optional(),
      to: month('结束月份').optional(),
      unitId: id('单位').optional(),
      sectorId: id('界别').optional(),
    })
    .refine((v) => !v.from || !v.to || monthIndex(v.from) <= monthIndex(v.to), {
      message: '起始月份不能晚于结束月份',
      path: ['from'],
    })
    .refine((v) => !v.from || !v.to || monthIndex(v.to) - monthIndex(v.from) < DASHBOARD_MAX_MONTHS, {
      message: `一次最多查看 ${DASHBOARD_MAX_MONTHS} 个月`,
      path: ['from'],
    }),
  result: {} as DashboardView,
};

export interface DashboardStation {
  workstationId: string;
  name: string;
  location: { lat: number; lng: number } | null;
  collected: number;
  answered: number;
  onTime: number;
  shifts: number;
  covered: number;
}

export interface DashboardView {
  from: string;
  to: string;
  unitName: string;
  sectorName: string | null;
  months: { month: string; collected: number; answered: number }[];
  categories: { category: string; collected: number }[];
  concerns: {
    collected: number;
    answered: number;
    onTime: number;
    /** Percent with one decimal; null when nothing was answered. */
    onTimeRate: number | null;
    ratingCount: number;
    averageRating: number | null;
  };
  /** Scheduled shifts that have started in the span, and those someone signed in to. */
  duty: { planned: number; covered: number; rate: number | null };
  liaison: {
    activities: number;
    personTimes: number;
    activeMembers: number;
    members: number;
    /** The quota's activities for the span: per quarter × members × months / 3. */
    target: number;
    rate: number | null;
  };
  /** Every station of the subtree (the map), most concerns first. */
  stations: DashboardStation[];
  topMembers: { memberId: string; name: string; activities: number; personTimes: number }[];
}
