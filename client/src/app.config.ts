import { requiredPrivateInfos } from './privacy';

/**
 * Main package: what a citizen needs. member/ and staff/ are subpackages so a citizen never
 * downloads them. No native tabBar: tab pages cannot live in subpackages and Taro 4's h5 router
 * does not render `custom-tab-bar`, so a shared <TabBar> is drawn by each tab page instead.
 */
export default defineAppConfig({
  pages: [
    'pages/index/index',
    'pages/workstation/index',
    'pages/workstation/near',
    'pages/concern/submit',
    'pages/concern/mine',
    'pages/concern/detail',
    'pages/privacy/index',
    'pages/me/index',
  ],
  subPackages: [
    // Entry pages a citizen rarely opens (the invitation QR, confirming and using a PC sign-in):
    // not role-gated, just kept out of the main package's download.
    {
      root: 'account',
      pages: ['invite', 'weblogin', 'login'],
    },
    // A consultation topic's public page (公开公示) and a call for topics (公开征题), opened from a
    // workstation: out of the main package.
    {
      root: 'public',
      pages: ['topic', 'call'],
    },
    {
      root: 'member',
      pages: [
        'home/index',
        'assigned/index',
        'assigned/detail',
        'duty/index',
        'duty/reception',
        'duty/leave',
        'duty/requests',
        'inbox/index',
        'inbox/detail',
        'liaison/index',
        'liaison/log',
        'liaison/contacts',
        'liaison/pairing',
        'liaison/grid',
        'liaison/propose',
        'record/index',
        'report/index',
        'report/new',
        'report/edit',
        'report/detail',
        'proposal/index',
        'proposal/edit',
        'proposal/detail',
        'topic/index',
      ],
    },
    {
      root: 'staff',
      pages: [
        'concerns/index',
        'dashboard/index',
        'concerns/detail',
        'concerns/settings',
        'concerns/subjects',
        'calendar/index',
        'invitations/index',
        'duty/index',
        'duty/roster',
        'duty/leaves',
        'workstations/index',
        'workstations/edit',
        'workstations/qr',
        'workstations/tablet',
        'notices/index',
        'notices/compose',
        'notices/detail',
        'liaison/index',
        'liaison/grid',
        'admin/index',
        'admin/accounts',
        'admin/import',
        'admin/audit',
        'topic/index',
        'topic/create',
        'topic/detail',
        'report/index',
        'report/detail',
        'report/edit',
        'proposal/index',
        'proposal/detail',
        'proposal/units',
        'proposal/handle',
        'assessment/index',
        'assessment/weights',
        'assessment/stations',
        'assessment/certificates',
      ],
    },
  ],
  window: {
    backgroundTextStyle: 'dark',
    backgroundColor: '#F5F6F8',
    navigationBarBackgroundColor: '#B4282D',
    navigationBarTitleText: '连心桥',
    navigationBarTextStyle: 'white',
  },
  // Exactly the location APIs the client calls, from the one privacy declaration.
  requiredPrivateInfos: requiredPrivateInfos(),
  permission: {
    'scope.userLocation': { desc: '用于查找附近的委员工作站和值班签到' },
  },
  lazyCodeLoading: 'requiredComponents',
  // 同声传译 (voice input on the concern and reception forms): WeChat refuses to start an app that
  // declares a plugin its AppID has not added, so a build declares it only when told the version
  // (LXQ_VOICE_PLUGIN=0.3.x); without it the forms fall back to the keyboard's microphone key.
  ...(process.env.LXQ_VOICE_PLUGIN
    ? { plugins: { WechatSI: { version: process.env.LXQ_VOICE_PLUGIN, provider: 'wx069ba97219f66d99' } } }
    : {}),
});
