import commonEn from '#shared/i18n/en/common.json'
import commonZh from '#shared/i18n/zh-CN/common.json'
import type { LocalizedText } from '#shared/primitives'

type Group = 'categories' | 'audiences' | 'formats' | 'ageGroups'

/** The shared vocabulary's names in both languages, for table rows (the dictionaries are the one place they are written). */
export function vocabularyLabel(group: Group, key: string): LocalizedText {
  const zh = (commonZh[group] as Record<string, string>)[key]
  const en = (commonEn[group] as Record<string, string>)[key]
  return { zh: zh ?? key, en: en ?? key }
}
