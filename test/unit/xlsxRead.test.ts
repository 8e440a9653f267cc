import { strToU8, zipSync } from 'fflate';
import { workbook } from '../../cloudfunctions/shared/xlsx';
import { NotAWorkbook, columnIndex, readFirstSheet } from '../../cloudfunctions/shared/xlsxRead';

test('when our own writer made the file, then the reader gives back its cells as text', () => {
  const bytes = workbook([
    {
      name: 'S',
      header: ['姓名', '手机号'],
      rows: [
        ['张 & 李', 13900000001],
        [null, ''],
      ],
    },
  ]);
  expect(readFirstSheet(bytes)).toEqual([
    ['姓名', '手机号'],
    ['张 & 李', '13900000001'],
  ]);
});

test('when Excel wrote the file (shared strings, rich text, gaps, 1.39E+10), then the cells land in their columns', () => {
  const sheet =
    '<worksheet><sheetData>' +
    '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="s"><v>1</v></c></row>' +
    '<row r="3"><c r="A3" t="s"><v>2</v></c><c r="B3"><v>1.3900000001E10</v></c><c r="C3" t="b"><v>1</v></c></row>' +
    '</sheetData></worksheet>';
  const bytes = zipSync({
    'xl/workbook.xml': strToU8('<workbook><sheets><sheet name="名单" sheetId="1" r:id="rId7"/></sheets></workbook>'),
    'xl/_rels/workbook.xml.rels': strToU8(
      '<Relationships><Relationship Id="rId7" Type="x" Target="worksheets/data.xml"/></Relationships>',
    ),
    'xl/worksheets/data.xml': strToU8(sheet),
    'xl/sharedStrings.xml': strToU8(
      '<sst><si><t>姓名</t></si><si><r><t>界</t></r><r><t>别</t></r><rPh><t>ジエ</t></rPh></si><si><t xml:space="preserve"> 王五 </t></si></sst>',
    ),
  });
  expect(readFirstSheet(bytes)).toEqual([['姓名', '', '界别'], [], [' 王五 ', '13900000001', 'TRUE']]);
});

test('when the bytes are not a workbook, then NotAWorkbook', () => {
  expect(() => readFirstSheet(strToU8('姓名,身份'))).toThrow(NotAWorkbook);
  expect(columnIndex('AA')).toBe(26);
});
