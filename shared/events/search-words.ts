/**
 * Words residents use for the same thing, and the course that teaches it: a search for any of them
 * finds events that say another, or that teach that course. Lower case; both languages.
 */
export const searchGroups: readonly { course: string, words: readonly string[] }[] = [
  { course: 'pay-by-phone-safely', words: ['手机支付', '支付', '付款', '付钱', '扫码', '收款', '转账', '二维码', 'pay', 'payment', 'scan', 'qr code', 'transfer money'] },
  { course: 'staying-safe-online', words: ['诈骗', '防骗', '骗子', '骗局', '反诈', '网购', '退换货', 'fraud', 'scam', 'shop online'] },
  { course: 'hospital-booking-online', words: ['挂号', '看病', '预约', '医院', '就医', '问诊', '体检报告', 'hospital', 'doctor', 'appointment'] },
  { course: 'government-services-online', words: ['政务', '办事', '社保', '医保', '认证', '养老金', '补贴', '掌上办', 'government', 'social security', 'pension'] },
  { course: 'pay-bills-by-phone', words: ['缴费', '交费', '水电', '电费', '燃气', '话费', '流量', 'bill', 'bills', 'utility'] },
  { course: 'sell-farm-produce-online', words: ['农产品', '开网店', '网店', '开店', '直播', '带货', '电商', '卖货', 'farm produce', 'sell online', 'livestream'] },
  { course: 'smart-home-products', words: ['智能家居', '智能音箱', '智能门锁', '智能电视', '投屏', '智慧家庭', 'smart home', 'smart speaker'] },
  { course: 'smartphone-first-steps', words: ['手机入门', '智能手机', '学手机', '用手机', '大字', '视频通话', '微信', 'smartphone', 'video call'] },
  { course: 'travel-by-phone', words: ['出行', '乘车', '坐车', '公交', '地铁', '火车票', '车票', '打车', '约车', 'travel', 'ticket', 'train ticket', 'bus route'] },
]

/** What a search looks for: the words typed, every word of a group they belong to, and those groups' courses. */
export function searchTerms(query: string): { words: string[], courses: string[] } {
  const q = query.trim().toLowerCase()
  const groups = q ? searchGroups.filter(g => g.words.some(w => q.includes(w) || (q.length >= 2 && w.includes(q)))) : []
  return {
    words: [...new Set([q, ...groups.flatMap(g => g.words)].filter(Boolean))],
    courses: groups.map(g => g.course),
  }
}
