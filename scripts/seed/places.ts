/**
 * The demo's geography: 甘肃省 → 白银市 → 会宁县 and 靖远县 (seed 002 is 白银市政协's). Coordinates
 * are gcj02, near the real places; addresses look like the real streets and towns.
 */
import type { GeoPoint, OrgLevel, WorkstationKind } from '@lxq/types';

export interface UnitSeed {
  _id: string;
  name: string;
  level: OrgLevel;
  parentId: string | null;
}

export const UNITS: UnitSeed[] = [
  { _id: 'u-gansu', name: '政协甘肃省委员会', level: 'province', parentId: null },
  { _id: 'u-baiyin', name: '政协白银市委员会', level: 'city', parentId: 'u-gansu' },
  { _id: 'u-huining', name: '政协会宁县委员会', level: 'county', parentId: 'u-baiyin' },
  { _id: 'u-jingyuan', name: '政协靖远县委员会', level: 'county', parentId: 'u-baiyin' },
];

/** PRODUCT.md §2's full list; the counties keep a shorter list of their own. */
export const CITY_SECTORS = [
  '中共',
  '民革',
  '民盟',
  '民建',
  '民进',
  '农工党',
  '致公党',
  '九三学社',
  '台盟',
  '无党派人士',
  '共青团',
  '妇联',
  '工商联',
  '科协',
  '文化艺术界',
  '科学技术界',
  '社会科学界',
  '经济界',
  '农业界',
  '教育界',
  '体育界',
  '新闻出版界',
  '医药卫生界',
  '对外友好界',
  '社会福利和社会保障界',
  '少数民族界',
  '宗教界',
  '特邀香港人士',
  '特邀澳门人士',
];
export const COUNTY_SECTORS = [
  '中共',
  '民盟',
  '民建',
  '无党派人士',
  '共青团',
  '妇联',
  '工商联',
  '科协',
  '文化艺术界',
  '经济界',
  '农业界',
  '教育界',
  '医药卫生界',
  '社会福利和社会保障界',
  '少数民族界',
];

export const COMMITTEES = [
  '提案委员会',
  '经济委员会',
  '农业和农村委员会',
  '社会和法制委员会',
  '教科卫体委员会',
  '文化文史和学习委员会',
];

export interface StationSeed {
  _id: string;
  unitId: string;
  name: string;
  kind: WorkstationKind;
  address: string;
  location: GeoPoint;
  openingHours: string;
  headName: string;
  phone?: string;
}

const weekdays = '周一至周五 9:00-12:00，14:30-17:30';
export const STATIONS: StationSeed[] = [
  {
    _id: 'ws-renmin',
    unitId: 'u-baiyin',
    name: '白银区人民路街道委员工作站',
    kind: 'station',
    address: '甘肃省白银市白银区人民路 126 号街道便民服务中心二楼',
    location: { lat: 36.5466, lng: 104.1742 },
    openingHours: weekdays,
    headName: '马建国',
    phone: '0943-8226126',
  },
  {
    _id: 'ws-gongyuan',
    unitId: 'u-baiyin',
    name: '白银区公园路街道委员工作站',
    kind: 'station',
    address: '甘肃省白银市白银区公园路 8 号社区党群服务中心',
    location: { lat: 36.5412, lng: 104.1821 },
    openingHours: weekdays,
    headName: '王丽娟',
  },
  {
    _id: 'ws-sijiping',
    unitId: 'u-baiyin',
    name: '平川区长征街道委员工作站',
    kind: 'station',
    address: '甘肃省白银市平川区长征街道兴平路 45 号',
    location: { lat: 36.7286, lng: 104.8249 },
    openingHours: weekdays,
    headName: '张志强',
  },
  {
    _id: 'ws-medical',
    unitId: 'u-baiyin',
    name: '医药卫生界委员工作室',
    kind: 'studio',
    address: '甘肃省白银市白银区北京路 1 号市第一人民医院门诊楼三楼',
    location: { lat: 36.5501, lng: 104.1695 },
    openingHours: '每周三 14:30-17:30',
    headName: '刘卫东',
  },
  {
    _id: 'ws-econ',
    unitId: 'u-baiyin',
    name: '经济界委员活动站',
    kind: 'sector_station',
    address: '甘肃省白银市白银区诚信大道 68 号白银高新区企业服务中心',
    location: { lat: 36.5243, lng: 104.2104 },
    openingHours: '每月第二周周四 9:00-12:00',
    headName: '赵永福',
  },
  {
    _id: 'ws-report-bus',
    unitId: 'u-baiyin',
    name: '白银客运中心社情民意直报点',
    kind: 'report_point',
    address: '甘肃省白银市白银区南环路 6 号客运中心候车大厅',
    location: { lat: 36.5351, lng: 104.1598 },
    openingHours: '扫码随时反映',
    headName: '李晓燕',
  },
  {
    _id: 'ws-huishi',
    unitId: 'u-huining',
    name: '会师镇委员工作站',
    kind: 'station',
    address: '甘肃省白银市会宁县会师镇会师南路 21 号镇政府院内',
    location: { lat: 35.6927, lng: 105.0536 },
    openingHours: weekdays,
    headName: '杨振华',
    phone: '0943-3221234',
  },
  {
    _id: 'ws-guochengyi',
    unitId: 'u-huining',
    name: '郭城驿镇委员工作站',
    kind: 'station',
    address: '甘肃省白银市会宁县郭城驿镇新街 3 号',
    location: { lat: 36.0524, lng: 105.1843 },
    openingHours: weekdays,
    headName: '魏红梅',
  },
  {
    _id: 'ws-edu-huining',
    unitId: 'u-huining',
    name: '教育界委员工作室',
    kind: 'studio',
    address: '甘肃省白银市会宁县会师镇西关路 2 号会宁一中',
    location: { lat: 35.6982, lng: 105.0447 },
    openingHours: '每周五 15:00-17:30',
    headName: '陈文博',
  },
  {
    _id: 'ws-wujiachuan',
    unitId: 'u-jingyuan',
    name: '乌兰镇委员工作站',
    kind: 'station',
    address: '甘肃省白银市靖远县乌兰镇乌兰西街 15 号',
    location: { lat: 36.5712, lng: 104.6804 },
    openingHours: weekdays,
    headName: '孙海军',
  },
  {
    _id: 'ws-dongwan',
    unitId: 'u-jingyuan',
    name: '东湾镇委员工作站',
    kind: 'station',
    address: '甘肃省白银市靖远县东湾镇东湾村便民服务中心',
    location: { lat: 36.5203, lng: 104.7386 },
    openingHours: weekdays,
    headName: '周建平',
  },
  {
    _id: 'ws-agri-jingyuan',
    unitId: 'u-jingyuan',
    name: '农业界委员活动站',
    kind: 'sector_station',
    address: '甘肃省白银市靖远县北湾镇枸杞产业园服务中心',
    location: { lat: 36.6401, lng: 104.7012 },
    openingHours: '每月 15 日 9:00-12:00',
    headName: '高玉兰',
  },
];
