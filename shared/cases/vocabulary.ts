/** The five directions of MIIT's calls for 新型信息消费示范项目: 生活类, 公共服务类, 行业类, 新型信息产品消费, 信息消费支撑平台. */
export const caseThemes = ['daily-life', 'public-services', 'industry', 'new-products', 'platforms'] as const
export type CaseTheme = typeof caseThemes[number]

/** 示范性, 创新性, 可推广性: what experts score, each from 1 to 5. */
export const caseCriteria = ['exemplary', 'innovative', 'replicable'] as const
export type CaseCriterion = typeof caseCriteria[number]
export const SCORE_MIN = 1
export const SCORE_MAX = 5

/** draft → submitted → in-review → shortlisted | rejected → published → awarded (优秀案例). */
export const caseStatuses = ['draft', 'submitted', 'in-review', 'shortlisted', 'rejected', 'published', 'awarded'] as const
export type CaseStatus = typeof caseStatuses[number]

/** The moves an admin may make; a submitter only submits a draft, and assigning reviewers puts a case in review. */
export const adminMoves: Record<CaseStatus, readonly CaseStatus[]> = {
  'draft': [],
  'submitted': ['in-review', 'rejected'],
  'in-review': ['shortlisted', 'rejected'],
  'shortlisted': ['published', 'rejected'],
  'rejected': [],
  'published': ['awarded'],
  'awarded': ['published'],
}
/** Shown in the gallery (unless hidden by moderation). */
export const publicStatuses = ['published', 'awarded'] as const satisfies readonly CaseStatus[]

/** Where a call is in its year. */
export const callStates = ['upcoming', 'open', 'reviewing', 'closed'] as const
export type CallState = typeof callStates[number]

export const reportReasons = ['false-claims', 'personal-data', 'copyright', 'inappropriate', 'other'] as const
export type ReportReason = typeof reportReasons[number]

export const MAX_IMAGES = 6
export const MAX_IMAGE_BYTES = 8 * 1024 * 1024
/** The longest side a picture may have: WebP's own limit. */
export const MAX_IMAGE_SIDE = 16383
/** The widths every image is re-encoded to (never wider than the original). */
export const IMAGE_WIDTHS = [480, 960, 1600] as const
