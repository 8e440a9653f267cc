/** Organisation: the CPPCC bodies, their sectors, committees and workstations (PRODUCT.md §2). */

export const ORG_LEVELS = ['national', 'province', 'city', 'county'] as const;
export type OrgLevel = (typeof ORG_LEVELS)[number];

export interface OrgUnit {
  _id: string;
  name: string;
  level: OrgLevel;
  parentId: string | null;
  /** Ids from the root down to this unit, itself included: a subtree query is `path` contains X. */
  path: string[];
  /** Retired (撤销): its records stay, read-only; no change may be made in it. */
  retiredAt?: Date | null;
  /** The unit's own concern categories and 八必访 occasions; absent: the built-in lists. */
  lists?: { categories: string[]; occasions: string[] } | null;
  /** A move under way (admin.moveUnit): the records below it are being re-pathed; absent when none. */
  moving?: UnitMove | null;
}

/**
 * A unit's move, recorded on the unit when its own path changes; the records carrying the old
 * path are then rewritten step by step (one collection's path field a step) by chained runs.
 */
export interface UnitMove {
  /** The old parent's path (its last id is the old parent): a record still holding it is not yet rewritten. */
  fromParentPath: string[];
  toParentPath: string[];
  /** The collection being rewritten, as an index into the worker's list of steps. */
  step: number;
  steps: number;
  /**
   * 0, then 1: a record made during the first pass may have copied the old path from a source
   * (a station, a bucket) not yet rewritten then; the second pass, after every source is, finds it.
   */
  pass?: number;
  /** Records rewritten so far. */
  done: number;
  startedAt: Date;
  /** The admin who moved it (their name, for the completion's audit entry). */
  by: string;
}

export interface Sector {
  _id: string;
  unitId: string;
  name: string;
  order: number;
  /** The member who convenes the sector. */
  convenerId?: string | null;
}

export interface Committee {
  _id: string;
  unitId: string;
  name: string;
  sectorIds: string[];
  workstationIds: string[];
  /** The member who directs the committee (主任). */
  directorId?: string | null;
}

export const WORKSTATION_KINDS = ['station', 'studio', 'sector_station', 'report_point'] as const;
export type WorkstationKind = (typeof WORKSTATION_KINDS)[number];
export const WORKSTATION_KIND_LABELS: Record<WorkstationKind, string> = {
  station: '委员工作站',
  studio: '委员工作室',
  sector_station: '界别委员活动站',
  report_point: '社情民意直报点',
};

/** A point on the map, gcj02 as WeChat's location APIs give it. */
export interface GeoPoint {
  lat: number;
  lng: number;
}

export interface Workstation {
  _id: string;
  unitId: string;
  /** Ancestors of unitId and unitId itself, copied for subtree queries. */
  unitPath: string[];
  name: string;
  kind: WorkstationKind;
  address: string;
  location: GeoPoint;
  /** Sign-in radius in metres. */
  radius: number;
  openingHours: string;
  headName: string;
  /** The station's public telephone (a landline or a mobile), shown to citizens and on the poster. */
  phone?: string;
  /** A photo of the station (its door or its room), shown on its page and on the card people share. */
  photo?: string;
  memberIds: string[];
  sectorIds: string[];
  /** The scene string of the station's QR code (≤ 32 characters). */
  scene: string;
}
