import { imageAltSchema, submissionParams } from '#shared/cases/requests'
import { MAX_IMAGES } from '#shared/cases/vocabulary'
import type { ImageView } from '#shared/cases/views'
import { imageGrant } from '~~/server/cases/image-access'
import { imageViewOf, processImage, storeImage } from '~~/server/cases/images'
import { submissionAccess, touchSubmission } from '~~/server/cases/submissions'
import { isEditable } from '~~/server/cases/views'

/**
 * One picture per request (multipart: `file`, `alt`). Its type is read from the
 * bytes; it is re-encoded without its metadata (no GPS from a phone photo).
 */
export default defineEventHandler(async (event): Promise<ImageView> => {
  const { id } = await validParams(event, submissionParams)
  await enforceRateLimit(event, residentLimit('case-image', 60, 3600))
  const { db, city } = await usePortal()
  const user = await currentUser(event)
  const { row, call, own } = await submissionAccess(event, db, city, id, user)
  if (!isEditable(row, call)) throw createError({ statusCode: 409, message: 'This case can no longer be changed', data: { reason: 'not-editable' } })
  const parts = await readMultipartFormData(event).catch(() => {
    throw invalidFields({ file: ['Send the picture as a form upload (multipart/form-data)'] })
  })
  const file = parts?.find(p => p.name === 'file' && p.filename !== undefined)
  const alt = imageAltSchema.safeParse(parts?.find(p => p.name === 'alt' && p.filename === undefined)?.data.toString('utf8') ?? '')
  const errors: Record<string, string[]> = {}
  if (!file?.data.length) errors.file = ['Choose a picture (JPEG, PNG or WebP)']
  if (!alt.success) errors.alt = ['Describe what the picture shows (4 to 150 characters), for people who cannot see it']
  if (Object.keys(errors).length) throw invalidFields(errors)
  const existing = await db.selectFrom('case_images').select(db.fn.max('position').as('last')).select(db.fn.countAll<number>().as('n')).where('submission_id', '=', id).executeTakeFirstOrThrow()
  if (Number(existing.n) >= MAX_IMAGES) throw tooManyImages()
  const processed = await processImage(new Uint8Array(file!.data))
  const stored = await storeImage(db, id, Number(existing.last ?? -1) + 1, alt.data!, processed)
  // Two uploads at once could pass the count together: the later one is taken back.
  const after = await db.selectFrom('case_images').select('id').where('submission_id', '=', id).orderBy('created_at').orderBy('id').execute()
  if (after.length > MAX_IMAGES && after.findIndex(r => r.id === stored.id) >= MAX_IMAGES) {
    await db.deleteFrom('case_images').where('id', '=', stored.id).execute()
    throw tooManyImages()
  }
  await touchSubmission(db, id)
  if (!own) await recordAudit(event, user, { action: 'case.image.add', targetType: 'case-submission', targetId: id })
  setResponseStatus(event, 201)
  return imageViewOf(stored, await imageGrant(stored.hash))
})

function tooManyImages() {
  return createError({ statusCode: 409, message: `A case has at most ${MAX_IMAGES} pictures; remove one first`, data: { reason: 'too-many-images' } })
}
