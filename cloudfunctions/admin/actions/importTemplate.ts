import { defineAction } from '../../shared/action';
import { putFile } from '../../shared/cloud';
import { inChina } from '../../shared/time';
import { workbook } from '../../shared/xlsx';
import { TEMPLATE_HEADER, MAX_IMPORT_ROWS } from '../domain/importRows';

const GUIDE = [
  ['姓名', '必填，2 至 20 个字，与本人身份证一致'],
  ['身份', '必填，填写「委员」或「工作人员」'],
  ['手机号', '必填，11 位手机号；同一手机号只导入一次，重复导入同一文件不会重复创建'],
  ['界别', '委员必填，须与本单位「系统管理 → 组织架构」中的界别名称一致；工作人员可不填'],
  ['说明', `一次最多 ${MAX_IMPORT_ROWS} 行；导入前会先预览每一行的检查结果，确认后才发出邀请`],
];

/** The import template: the header the import expects, and a second sheet explaining each column. */
export default defineAction({
  name: 'admin.importTemplate',
  roles: ['admin'],
  mutates: false,
  async handler(_input, ctx) {
    const bytes = workbook([
      { name: '人员名单', header: TEMPLATE_HEADER, rows: [], widths: [14, 12, 16, 20] },
      { name: '填写说明', header: ['列', '怎样填写'], rows: GUIDE, widths: [10, 80] },
    ]);
    const stamp = inChina(ctx.now).format('YYYYMMDD-HHmmss');
    const url = await putFile(`exports/templates/${stamp}-${ctx.newId().slice(0, 6)}.xlsx`, bytes);
    return { fileName: '人员导入模板.xlsx', url };
  },
});
