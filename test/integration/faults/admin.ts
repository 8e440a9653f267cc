/**
 * The fault scenarios of the admin console (issue 17) and the quarter freezes (issue 16): each
 * run acts on a unit, account or station of its own, written straight into the store (a unit's
 * weights and a quarter's snapshot, one document each, are reset before each run).
 */
import { workbook } from '../../../cloudfunctions/shared/xlsx';
import { readWorkbook } from '../../liaisonXlsx';
import { WHO } from '../system';
import { unitLike } from './fixtures';
import { scenario, sys } from './harness';

const ADMIN = WHO.admin;
const GANSU_ADMIN = 'o_admin_gansu_fault';
const BAIYIN = ['u-gansu', 'u-baiyin'];

/** A county of its own under 白银, with no people or stations. */
async function county(c: string, extra: Record<string, unknown> = {}) {
  const _id = `u-fault-${c}`;
  await sys.db.collection('org_units').add({
    data: { _id, name: `故障县${c}`, level: 'county', parentId: 'u-baiyin', path: [...BAIYIN, _id], ...extra },
  });
  return _id;
}

/** A person of their own in `unitId` with `roles`. */
async function person(c: string, unitId: string, roles: string[], _id = `user-${c}`) {
  const unitPath = unitId === 'u-huining' ? [...BAIYIN, 'u-huining'] : [...BAIYIN, unitId];
  await sys.db.collection('users').add({
    data: {
      _id,
      openid: _id.slice(5),
      name: '故障委员',
      roles,
      unitId,
      unitPath,
      sectorId: null,
      createdAt: new Date(),
    },
  });
  return _id;
}

let provincial = false;
/** An admin of the province: only they may move a county to another city. */
async function gansuAdmin() {
  if (!provincial) {
    await sys.db.collection('users').add({
      data: {
        _id: 'user-admin-gansu-fault',
        openid: GANSU_ADMIN,
        name: '省管理员',
        roles: ['admin'],
        unitId: 'u-gansu',
        unitPath: ['u-gansu'],
        createdAt: new Date(),
      },
    });
    await sys.db.collection('org_units').add({
      data: {
        _id: 'u-fault-city',
        name: '故障市',
        level: 'city',
        parentId: 'u-gansu',
        path: ['u-gansu', 'u-fault-city'],
      },
    });
    provincial = true;
  }
  return GANSU_ADMIN;
}

/** A workstation of its own in 会宁 (its sectors are set per run). */
async function station(c: string) {
  const _id = `ws-fault-${c}`;
  await sys.db.collection('workstations').add({
    data: {
      _id,
      unitId: 'u-huining',
      unitPath: [...BAIYIN, 'u-huining'],
      name: '故障工作站',
      scene: `fault-${c}`,
      kind: 'station',
      address: '会宁县会师镇',
      location: { lat: 35.6927, lng: 105.0536 },
      sectorIds: [],
    },
  });
  return _id;
}

/** Two people to invite, a repeat of the first and a row in error: the import's every kind of row. */
const IMPORT_FILE = Buffer.from(
  workbook([
    {
      name: '人员名单',
      header: ['姓名', '身份', '手机号', '界别'],
      rows: [
        ['李秀兰', '工作人员', '13900000002', ''],
        ['孙丽', '工作人员', '13900000007', ''],
        ['李秀兰', '工作人员', '13900000002', ''],
        ['赵志强', '主席', '1390000', ''],
      ],
    },
  ]),
).toString('base64');

/**
 * An unused invitation `key` (of 会宁 unless said) with a code of the run's own: a random code
 * would look like any other once made alike.
 */
async function invitation(key: string, unitId = 'u-huining', extra: Record<string, unknown> = {}) {
  const _id = `inv-fault-${key}`;
  await sys.db.collection('invitations').add({
    data: {
      _id,
      code: `旧码-${key}`,
      name: '故障受邀人',
      role: 'staff',
      unitId,
      unitPath: [...BAIYIN, unitId],
      sectorId: null,
      userId: null,
      createdBy: 'user-admin',
      // Fixed times: an export of them reads the same in every run.
      createdAt: new Date('2026-03-02T02:00:00Z'),
      expiresAt: new Date('2036-03-09T02:00:00Z'),
      usedAt: null,
      usedBy: null,
      ...extra,
    },
  });
  return _id;
}

/** The stored invitations of a unit, by phone or id: what an answer's codes must be. */
async function storedCodes(unitId: string) {
  const { data } = await sys.db.collection('invitations').where({ unitPath: unitId }).limit(100).get();
  return new Map<string, string>(
    data.map((i: { _id: string; phone?: string; code: string }) => [i.phone ?? i._id, i.code]),
  );
}

/** The stored export job and the workbook its stored file holds, read back. */
async function exported(jobId: string) {
  const { data } = await sys.db.collection('export_jobs').where({ _id: jobId }).limit(1).get();
  const job = data[0];
  if (!job?.fileId) return { status: job?.status ?? 'missing' };
  // The SDK as system.ts set it up (it ships no types).
  const cloud = require('wx-server-sdk');
  const { fileList } = await cloud.getTempFileURL({ fileList: [job.fileId] });
  const bytes = new Uint8Array(await (await fetch(fileList[0].tempFileURL)).arrayBuffer());
  const parts = (await sys.db.collection('export_parts').where({ jobId }).count()).total;
  return { status: job.status, done: job.done, total: job.total, parts, workbook: readWorkbook(bytes) };
}

const QUARTER = { year: 2026, quarter: 1 } as const;
const SNAPSHOT = (unitId: string) => `${unitId}_2026_Q1`;

export const ADMIN_SCENARIOS = [
  scenario({
    name: 'admin.createUnit',
    arrange: async (c) => ({ openid: ADMIN, input: { parentId: 'u-baiyin', name: `新县${c}` } }),
  }),
  scenario({
    name: 'admin.renameUnit',
    arrange: async (c) => ({ openid: ADMIN, input: { unitId: await county(c), name: `改名县${c}` } }),
  }),
  scenario({
    name: 'admin.moveUnit',
    arrange: async (c) => ({
      openid: await gansuAdmin(),
      input: { unitId: await county(c), parentId: 'u-fault-city' },
    }),
  }),
  scenario({ name: 'admin.retireUnit', arrange: async (c) => ({ openid: ADMIN, input: { unitId: await county(c) } }) }),
  scenario({
    name: 'admin.saveSector',
    arrange: async (c) => ({ openid: ADMIN, input: { unitId: await county(c), name: '文艺界' } }),
  }),
  scenario({
    name: 'admin.saveCommittee',
    arrange: async (c) => ({
      openid: ADMIN,
      input: { unitId: await county(c), name: '提案委员会', sectorIds: [], workstationIds: [] },
    }),
  }),
  scenario({
    name: 'admin.linkWorkstation',
    arrange: async (c) => ({ openid: ADMIN, input: { workstationId: await station(c), sectorIds: ['sec-baiyin-0'] } }),
  }),
  scenario({
    name: 'admin.saveUnitLists',
    arrange: async (c) => ({
      openid: ADMIN,
      input: { unitId: await county(c), categories: ['交通出行', '教育'], occasions: ['节日', '生病住院'] },
    }),
  }),
  scenario({
    name: 'admin.updateAccount',
    arrange: async (c) => ({
      openid: ADMIN,
      input: { userId: await person(c, 'u-huining', ['member']), roles: ['member', 'staff'], unitId: 'u-huining' },
    }),
  }),
  scenario({
    name: 'admin.revokeAccount',
    arrange: async (c) => ({ openid: ADMIN, input: { userId: await person(c, 'u-huining', ['member']) } }),
  }),
  scenario({
    name: 'admin.endTerm',
    arrange: async (c) => {
      const unitId = await county(c);
      await person(c, unitId, ['member']);
      return { openid: ADMIN, input: { unitId, term: '第十三届', count: 1 } };
    },
  }),
  // One document per unit: each run starts from the inherited weights, as the first save does.
  scenario({
    name: 'assessment.saveSettings',
    arrange: async () => {
      await sys.db.collection('assessment_settings').where({ _id: 'u-huining' }).remove();
      return { openid: WHO.huiningStaff, input: { memberWeights: {}, stationWeights: {} } };
    },
  }),
  // A county of its own with one member, frozen by its own staff: 20 round trips (会宁's 30
  // members take longer than a scenario may).
  scenario({
    name: 'assessment.freeze',
    arrange: async (c) => {
      const unitId = await county(c);
      await person(c, unitId, ['member']);
      await person(c, unitId, ['staff'], `user-${c}s`);
      return { openid: `${c}s`, input: QUARTER };
    },
  }),
  scenario({
    name: 'assessment.reopen',
    arrange: async () => {
      const _id = SNAPSHOT('u-baiyin');
      await sys.db.collection('assessment_snapshots').where({ _id }).remove();
      await sys.db.collection('assessment_snapshots').add({
        data: {
          _id,
          unitId: 'u-baiyin',
          unitPath: BAIYIN,
          ...QUARTER,
          status: 'frozen',
          weights: {},
          members: [],
          frozenAt: new Date(),
          frozenBy: 'user-admin',
          frozenByName: '陈志刚',
          reopenedAt: null,
          reopenedByName: null,
          reopenReason: null,
          version: 1,
        },
      });
      return { openid: ADMIN, input: { ...QUARTER, reason: '有委员补报了履职记录' } };
    },
  }),
  // The answer names each new invitation's random code: it must be the one stored, whichever
  // attempt stored it.
  scenario({
    name: 'admin.importCommit',
    arrange: async (c) => ({ openid: ADMIN, input: { unitId: await county(c), file: IMPORT_FILE } }),
    check: async (answer, input) => {
      const stored = await storedCodes(input.unitId);
      const rows = answer.ok ? answer.data.rows : [];
      return {
        stored: stored.size,
        rows: rows.map((r) =>
          r.code ? (stored.get(r.phone) === r.code ? 'stored code' : 'code never stored') : r.status,
        ),
      };
    },
  }),
  // A new random code: the answer must carry the one stored, and the audit the code it replaced.
  scenario({
    name: 'admin.resendInvitation',
    arrange: async (c) => ({ openid: ADMIN, input: { invitationId: await invitation(c) } }),
    check: async (answer, input) => {
      const { data } = await sys.db.collection('invitations').where({ _id: input.invitationId }).limit(1).get();
      const answered = answer.ok ? answer.data : null;
      return {
        code: answered?.code === data[0].code ? 'stored code' : 'code never stored',
        expiresAt: answered && new Date(answered.expiresAt).getTime() === data[0].expiresAt.getTime(),
      };
    },
  }),
  // A unit of its own with two invitations, exported as staff: the job ends done, its parts
  // removed, and its stored workbook holds the two rows, whatever attempt wrote it.
  scenario({
    name: 'exportJob.start',
    arrange: async (c) => {
      const { unitId, openid } = await unitLike(c);
      await invitation(c, unitId);
      await invitation(`${c}-2`, unitId, { name: '故障受邀人二', role: 'member' });
      return { openid, input: { kind: 'invitations', invitations: {} } };
    },
    check: async (answer) => (answer.ok ? exported(answer.data._id) : answer),
  }),
];
