import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '../../ui/button';
import { Screen } from '../../components/Screen';
import { useQuery } from '../../hooks/useQuery';
import { guideLines } from '../../privacy';
import './index.scss';

const SECTIONS: { title: string; body: string[] }[] = [
  {
    title: '我们收集什么',
    body: [
      '您反映诉求时填写的类别、标题和文字内容。',
      '您自愿留下的手机号码（选填）。',
      // What WeChat's privacy APIs collect, from the one declaration (src/privacy.ts).
      ...guideLines(),
      '微信为本小程序分配给您的匿名标识，用来让您看到自己提交的诉求。我们不获取您的微信昵称和头像。',
    ],
  },
  {
    title: '为什么收集',
    body: [
      '只为把您的诉求交给对应的政协委员和工作人员办理，并把办理进展和答复告诉您。',
      '诉求可能被整理成社情民意信息、协商议题或提案，整理时不带您的个人信息。',
    ],
  },
  {
    title: '谁能看到',
    body: [
      '诉求内容：受理和办理这件事的政协工作人员和委员。',
      '手机号码：只有承办人能看到完整号码，其他人看到的是打码后的号码（如 138****5678）。',
      '选择匿名提交时，工作人员看到的提交人为「匿名群众」。',
      '其他群众看不到您的任何信息。',
    ],
  },
  {
    title: '保存多久',
    // The first line is the units' setting, read when the page opens (retentionLine).
    body: ['', '所有查看和修改都有记录，可以追溯。'],
  },
  {
    title: '您的权利',
    body: ['您可以随时查看自己提交的诉求。需要更正或删除个人信息，可以联系我们。'],
  },
  {
    title: '联系我们',
    body: ['请到就近的委员工作站当面联系，或致电所在地政协办公室。我们会在 15 个工作日内答复。'],
  },
];

/** WeChat shows the guide filed in its console (base library ≥ 2.32.3); absent in the browser. */
const OPEN_CONTRACT =
  process.env.TARO_ENV === 'weapp'
    ? (Taro as unknown as { openPrivacyContract?: (o: object) => void }).openPrivacyContract
    : undefined;

/** The retention the units apply (concern.retention), never a figure written into the page. */
function retentionLine(r: { years: number; units: { unitName: string; years: number }[] } | undefined): string {
  const use = '用于统计和回访，期满后删除或去除个人信息。';
  if (!r) return `诉求办结后按所在地政协设定的年限保存，${use}`;
  const others = r.units.map((u) => `${u.unitName} ${u.years} 年`).join('、');
  return `诉求办结后保存 ${r.years} 年${others ? `（${others}）` : ''}，${use}`;
}

export default function PrivacyPage() {
  const retention = useQuery('concern.retention', {});
  const sections = SECTIONS.map((s) =>
    s.title === '保存多久' ? { ...s, body: [retentionLine(retention.data), ...s.body.slice(1)] } : s,
  );
  return (
    <Screen>
      <View className="card">
        <View className="card-title">连心桥隐私说明</View>
        <View className="muted" style={{ marginTop: '8px' }}>
          我们只收集办理您的诉求所必需的信息，并且只给需要看的人看。
        </View>
      </View>
      {sections.map((s) => (
        <View key={s.title} className="card privacy">
          <View className="privacy__title">{s.title}</View>
          {s.body.map((line) => (
            <View key={line} className="privacy__line">
              {line}
            </View>
          ))}
        </View>
      ))}
      {OPEN_CONTRACT ? (
        <View className="card">
          <Button block onClick={() => OPEN_CONTRACT({})}>
            查看向微信备案的《用户隐私保护指引》
          </Button>
        </View>
      ) : null}
    </Screen>
  );
}
