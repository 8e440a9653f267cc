/** The header row staff see in an exported concern queue, as the tests expect it to read. */
export const CONCERN_SHEET_HEADER = [
  '编号',
  '标题',
  '类别',
  '界别',
  '工作站',
  '承办',
  '状态',
  '期限',
  '是否超期',
  '提交时间',
  '提交人',
];
