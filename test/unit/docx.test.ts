import { strFromU8, unzipSync } from 'fflate';
import { docx } from '../../cloudfunctions/shared/docx';

test('when a report is written as .docx, then the zip is a Word package holding the title and every body line, escaped, in 仿宋 with page numbers', () => {
  const file = docx([
    { kind: 'title', text: '关于幸福小区供暖不热的情况反映' },
    { kind: 'subtitle', text: '会宁县政协 <民生> 界别' },
    { kind: 'heading', text: '一、基本情况' },
    { kind: 'paragraph', text: '入冬以来室内温度只有十四度左右。\n\n老人孩子受不了 & 希望尽快解决。' },
    { kind: 'right', text: '2026年11月28日' },
  ]);
  const parts = unzipSync(file);
  expect(Object.keys(parts).sort()).toEqual(
    [
      '[Content_Types].xml',
      '_rels/.rels',
      'word/_rels/document.xml.rels',
      'word/document.xml',
      'word/footer1.xml',
      'word/styles.xml',
    ].sort(),
  );
  const doc = strFromU8(parts['word/document.xml']);
  expect(doc).toContain('关于幸福小区供暖不热的情况反映');
  expect(doc).toContain('会宁县政协 &lt;民生&gt; 界别');
  expect(doc).toContain('老人孩子受不了 &amp; 希望尽快解决。');
  // The blank line between the two body lines is not a paragraph of its own.
  expect(doc.match(/<w:p>/g)).toHaveLength(6);
  expect(doc).toContain('仿宋_GB2312');
  expect(doc).toContain('w:footerReference');
  expect(strFromU8(parts['word/footer1.xml'])).toContain(' PAGE ');
  expect(strFromU8(parts['[Content_Types].xml'])).toContain('wordprocessingml.document.main+xml');
});
