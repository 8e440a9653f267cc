/**
 * A small .docx writer for documents in the official layout (GB/T 9704 党政机关公文格式): A4 with
 * 37/35/28/26 mm margins, title in 小标宋 二号 centred, headings in 黑体 三号, body in 仿宋_GB2312
 * 三号 with a two-character first-line indent and a fixed 28 pt line, page numbers "— 1 —" at the
 * foot. A .docx is a zip of a few WordprocessingML parts; fflate zips them (as xlsx.ts does) where
 * the docx package would add ~400 KB to a function whose bundle budget is 300 KB. 社情民意信息,
 * 提案 and 履职档案 are all written with it.
 */
import { strToU8, zipSync } from 'fflate';
import { escapeXml, PKG_REL_NS, REL_NS, XML } from './ooxml';

export type Block =
  /** The document's title: 小标宋 二号, centred. */
  | { kind: 'title'; text: string }
  /** A centred line under the title (反映人/单位, a date, an issue number): 楷体 三号. */
  | { kind: 'subtitle'; text: string }
  /** 一、基本情况: 黑体 三号, no indent. */
  | { kind: 'heading'; text: string }
  /** Body text: 仿宋 三号, first-line indent; each line of the text is its own paragraph. */
  | { kind: 'paragraph'; text: string }
  /** Right-aligned (the signing unit and date at the end). */
  | { kind: 'right'; text: string };

const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const DOC_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml';

export function docx(blocks: Block[]): Uint8Array {
  const body = blocks.flatMap(paragraphs).join('');
  const files: Record<string, string> = {
    '[Content_Types].xml':
      `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
      `<Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/word/document.xml" ContentType="${DOC_TYPE}.document.main+xml"/>` +
      `<Override PartName="/word/styles.xml" ContentType="${DOC_TYPE}.styles+xml"/>` +
      `<Override PartName="/word/footer1.xml" ContentType="${DOC_TYPE}.footer+xml"/>` +
      `</Types>`,
    '_rels/.rels':
      `${XML}<Relationships xmlns="${PKG_REL_NS}">` +
      `<Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="word/document.xml"/></Relationships>`,
    'word/_rels/document.xml.rels':
      `${XML}<Relationships xmlns="${PKG_REL_NS}">` +
      `<Relationship Id="rId1" Type="${REL_NS}/styles" Target="styles.xml"/>` +
      `<Relationship Id="rId2" Type="${REL_NS}/footer" Target="footer1.xml"/></Relationships>`,
    'word/styles.xml': STYLES,
    'word/footer1.xml':
      `${XML}<w:ftr xmlns:w="${W_NS}"><w:p><w:pPr><w:jc w:val="center"/></w:pPr>` +
      `${run('— ', 'footer')}<w:r><w:rPr>${FONTS.footer}</w:rPr><w:fldChar w:fldCharType="begin"/></w:r>` +
      `<w:r><w:rPr>${FONTS.footer}</w:rPr><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>` +
      `<w:r><w:rPr>${FONTS.footer}</w:rPr><w:fldChar w:fldCharType="separate"/></w:r>${run('1', 'footer')}` +
      `<w:r><w:rPr>${FONTS.footer}</w:rPr><w:fldChar w:fldCharType="end"/></w:r>${run(' —', 'footer')}</w:p></w:ftr>`,
    'word/document.xml':
      `${XML}<w:document xmlns:w="${W_NS}" xmlns:r="${REL_NS}"><w:body>${body}` +
      // A4 in twentieths of a point; margins 37/35/28/26 mm.
      `<w:sectPr><w:footerReference w:type="default" r:id="rId2"/><w:pgSz w:w="11906" w:h="16838"/>` +
      `<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588" w:header="851" w:footer="992" w:gutter="0"/>` +
      `</w:sectPr></w:body></w:document>`,
  };
  return zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)])));
}

const FONT = (name: string, halfPoints: number) =>
  `<w:rFonts w:ascii="${name}" w:eastAsia="${name}" w:hAnsi="${name}" w:cs="${name}"/>` +
  `<w:sz w:val="${halfPoints}"/><w:szCs w:val="${halfPoints}"/>`;

const FONTS = {
  title: FONT('方正小标宋简体', 44),
  subtitle: FONT('楷体_GB2312', 32),
  heading: FONT('黑体', 32),
  body: FONT('仿宋_GB2312', 32),
  footer: FONT('宋体', 28),
};

const run = (text: string, font: keyof typeof FONTS) =>
  `<w:r><w:rPr>${FONTS[font]}</w:rPr><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>`;

// A fixed 28 pt line (560 twentieths), as the layout prescribes for body text.
const LINE = '<w:spacing w:line="560" w:lineRule="exact"/>';

function paragraphs(b: Block): string[] {
  const lines = b.text.split(/\r?\n/).filter((l, i, all) => l.trim() || all.length === 1);
  const para = (pPr: string, font: keyof typeof FONTS) => (l: string) =>
    `<w:p><w:pPr>${pPr}</w:pPr>${run(l.trim(), font)}</w:p>`;
  switch (b.kind) {
    case 'title':
      return lines.map(
        para(`<w:spacing w:after="240" w:line="700" w:lineRule="exact"/><w:jc w:val="center"/>`, 'title'),
      );
    case 'subtitle':
      return lines.map(para(`${LINE}<w:jc w:val="center"/>`, 'subtitle'));
    case 'heading':
      return lines.map(para(LINE, 'heading'));
    case 'paragraph':
      return lines.map(para(`${LINE}<w:ind w:firstLineChars="200" w:firstLine="640"/><w:jc w:val="both"/>`, 'body'));
    case 'right':
      return lines.map(para(`${LINE}<w:jc w:val="right"/>`, 'body'));
  }
}

const STYLES =
  `${XML}<w:styles xmlns:w="${W_NS}"><w:docDefaults><w:rPrDefault><w:rPr>${FONTS.body}` +
  `<w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>${LINE}</w:pPr></w:pPrDefault>` +
  `</w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style></w:styles>`;
