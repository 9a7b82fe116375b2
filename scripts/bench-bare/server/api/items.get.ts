import { defineEventHandler } from 'h3'

// Twenty items, as a list page would show them.
const start = Date.parse('2030-01-01T02:00:00Z')
const items = Array.from({ length: 20 }, (_, i) => ({
  id: `item-${i + 1}`,
  title: `第 ${i + 1} 场：学用智能手机`,
  summary: '手把手教您用手机挂号、缴费和视频通话。',
  startsAt: new Date(start + i * 86_400_000).toISOString(),
}))

export default defineEventHandler(() => items)
