import type { CaseTheme } from '#shared/cases/vocabulary'

/** The demo's cases: plain, believable, every organisation marked as an example. `{d}` is a district's name. */
export interface DemoCase {
  title: string
  organisation: string
  theme: CaseTheme
  summary: string
  description: string
  outcomes: { label: string, value: number, unit: string }[]
  images: { kind: number, alt: string }[]
}

export const demoCases: DemoCase[] = [
  {
    title: '{d}村级信息服务站“帮您办”',
    organisation: '{d}农村信息服务中心（示例）',
    theme: 'public-services',
    summary: '在村里的信息服务站，志愿者手把手帮老人和农民在手机上办社保认证、医保缴费和农资网购，一次教会，下次自己办。',
    description: '## 做了什么\n\n每个村的信息服务站每周开放三天。志愿者先帮村民办事，再让村民自己在手机上做一遍。\n\n## 怎么做的\n\n- 常办的 12 件事做成一页一张的图解卡片\n- 每次只教一件事，学会了在卡片上打勾\n- 遇到要输入验证码的地方，志愿者提醒：验证码只能自己看，不能告诉别人\n\n## 效果\n\n村民不用再跑到县城办事，很多老人第一次自己在手机上完成了认证。',
    outcomes: [{ label: '帮办事项', value: 3260, unit: '件' }, { label: '学会自己办的村民', value: 1180, unit: '人' }, { label: '覆盖村庄', value: 46, unit: '个' }],
    images: [{ kind: 0, alt: '村信息服务站里，一台大屏幕前放着几把椅子，墙上贴着办事图解' }, { kind: 1, alt: '一位老人拿着手机，身边的志愿者指着屏幕讲解' }],
  },
  {
    title: '{d}社区“银龄数字课堂”',
    organisation: '{d}社区老年学校（示例）',
    theme: 'daily-life',
    summary: '社区每周两次小班课，教老人用手机挂号、买菜、视频通话和识别诈骗电话，课后发放大字版操作手册。',
    description: '## 做了什么\n\n每班不超过 12 人，一位老师配两位助教，保证每位老人都有人帮。\n\n## 课程安排\n\n1. 手机的基本操作\n2. 网上挂号和查报告\n3. 网上买菜，付款前看清收款方\n4. 接到陌生电话说“退款”“中奖”，先挂断，再打 96110 问一问\n\n## 效果\n\n学员结业后，多数人可以自己完成网上挂号。',
    outcomes: [{ label: '开课', value: 96, unit: '期' }, { label: '结业学员', value: 1150, unit: '人' }, { label: '学员满意度', value: 97, unit: '%' }],
    images: [{ kind: 3, alt: '教室里几位老人坐成一排，前面的大屏幕上显示着手机画面' }],
  },
  {
    title: '{d}智能快递柜进小区',
    organisation: '{d}便民服务合作社（示例）',
    theme: 'new-products',
    summary: '在老旧小区装上带大字屏和语音提示的智能快递柜，取件码用语音读出来，老人也能自己取快递。',
    description: '## 做了什么\n\n我们在 18 个老旧小区安装了快递柜。屏幕字大，按钮大，每一步都有语音提示。\n\n## 为老人想到的\n\n- 可以不用手机，输入取件码就能取件\n- 柜子旁边贴着提醒：快递员不会让您扫码“理赔”\n\n## 效果\n\n取件排队时间变短，老人取快递不再需要子女帮忙。',
    outcomes: [{ label: '安装快递柜', value: 18, unit: '组' }, { label: '每天取件', value: 4200, unit: '件' }],
    images: [{ kind: 2, alt: '小区里一排智能快递柜，屏幕很大，旁边有一位居民在取件' }],
  },
  {
    title: '{d}小店“看清收款方”扫码安全行动',
    organisation: '{d}个体劳动者协会（示例）',
    theme: 'industry',
    summary: '帮助街边小店规范收款码，教店主和顾客扫码付款前看清收款方名称，防止收款码被换、被贴。',
    description: '## 做了什么\n\n志愿者走进街边小店，检查收款码有没有被别人贴上新的码。\n\n## 教给店主和顾客的三件事\n\n1. 付款前看清屏幕上的收款方名称\n2. 收款码放在店主看得见的地方\n3. 发现不对，马上停下，报警电话 110\n\n## 效果\n\n参加活动的小店都换上了带店名的收款牌。',
    outcomes: [{ label: '走访小店', value: 860, unit: '家' }, { label: '更换收款牌', value: 640, unit: '块' }],
    images: [{ kind: 4, alt: '小店柜台上立着一块收款牌，店主在给顾客指收款方名称' }],
  },
  {
    title: '{d}农产品直播卖货培训',
    organisation: '{d}农民专业合作社联合会（示例）',
    theme: 'industry',
    summary: '教农民用手机拍短视频、做直播卖自家农产品，讲清平台规则、如实介绍商品和安全收款。',
    description: '## 做了什么\n\n在田间地头开课，一期三天，学员带着自家的农产品来学。\n\n## 学什么\n\n- 用手机拍清楚、拍真实\n- 直播时如实介绍，不夸大\n- 只在平台里收款，不让顾客私下转账\n\n## 效果\n\n不少学员开始在网上卖自家的农产品。',
    outcomes: [{ label: '培训农民', value: 520, unit: '人' }, { label: '开始网上销售', value: 210, unit: '户' }, { label: '网上销售额', value: 380, unit: '万元' }],
    images: [{ kind: 5, alt: '田边，一位农民举着手机在直播，身后是一片庄稼' }, { kind: 1, alt: '培训课上，老师拿着手机给农民讲怎么拍视频' }],
  },
  {
    title: '{d}政务服务“一网通办”帮办平台',
    organisation: '{d}政务服务中心（示例）',
    theme: 'platforms',
    summary: '把常办的政务事项集中到一个平台，窗口工作人员和社区网格员都能在线帮群众预约、查进度。',
    description: '## 做了什么\n\n平台把 120 项常办事项放在一起。群众可以自己办，也可以请社区网格员帮着办。\n\n## 为了安全\n\n- 帮办时，验证码由群众自己输入，工作人员不看、不问\n- 每一次帮办都有记录，群众可以查\n\n## 效果\n\n群众少跑路，办事更快。',
    outcomes: [{ label: '上线事项', value: 120, unit: '项' }, { label: '网上办件', value: 56000, unit: '件' }],
    images: [{ kind: 0, alt: '政务服务大厅里的自助服务区，几台大屏幕一字排开' }],
  },
]
