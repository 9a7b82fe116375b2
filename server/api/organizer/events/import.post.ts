import { eventImportFields, IMPORT_MAX_ROWS, type EventImportResult } from '#shared/events/import'
import { checkImportRow, type CheckedRow } from '~~/server/events/import-check'
import { ImportFileError, readImportFile } from '~~/server/events/import-read'
import { importRefs, saveImport } from '~~/server/events/import-save'
import { organizerLanguage, organizerT } from '~~/server/events/organizer-i18n'

/**
 * Events from a spreadsheet (multipart: `file` .xlsx or .csv, `commit` 0 or 1). Every row is checked and
 * answered with its problems; only `commit=1` with every row right saves: new drafts, or updates of the
 * events this organisation imported before under the same 外部编号.
 */
export default defineEventHandler(async (event): Promise<EventImportResult> => {
  const parts = await readMultipartFormData(event).catch(() => undefined)
  const t = organizerT(organizerLanguage(event))
  const file = parts?.find(p => p.name === 'file' && p.filename !== undefined)
  const fields = eventImportFields.safeParse(Object.fromEntries((parts ?? []).filter(p => p.filename === undefined && p.name === 'commit').map(p => [p.name, p.data.toString('utf8')])))
  if (!fields.success) throw invalidFields({ commit: ['Send commit as 0 (check only) or 1 (save)'] })
  if (!file?.data.length) throw invalidFields({ file: [t('organizerEvents.import.noFile')] })
  const user = await requireOrganizer(event)
  if (!user.organisationId) throw invalidFields({ file: [t('organizerEvents.import.errors.noOrganisation')] })
  const { db, city } = await usePortal()

  let sheet
  try {
    sheet = await readImportFile(new Uint8Array(file.data), IMPORT_MAX_ROWS)
  }
  catch (error) {
    if (error instanceof ImportFileError) throw invalidFields({ file: [t(`organizerEvents.import.errors.${error.problem}`, error.params)] })
    throw error
  }
  const now = nowIso()
  const refs = await importRefs(db, city.slug, user.organisationId, now)
  const seen = new Map<string, number>()
  const claimed = new Set<string>()
  const checked: CheckedRow[] = sheet.map(r => checkImportRow(r.cells, r.row, refs, t, seen, claimed))
  const allOk = checked.every(r => !r.errors.length)
  const actions = new Map(checked.map(r => [r.row, r.existingId ? 'update' as const : 'create' as const]))

  let created = 0
  let updated = 0
  const committed = fields.data.commit === '1' && allOk
  if (committed) {
    ({ created, updated } = await saveImport(db, checked, { citySlug: city.slug, organisationId: user.organisationId, userId: user.id, now, newId }))
    await recordAudit(event, user, { action: 'event.import', targetType: 'organisation', targetId: user.organisationId, details: { created, updated } })
  }
  return {
    rows: checked.map(r => ({
      row: r.row, ok: !r.errors.length, errors: r.errors, title: r.title,
      ...(r.errors.length ? {} : { action: actions.get(r.row) }),
      ...(committed && r.existingId ? { eventId: r.existingId } : {}),
    })),
    created, updated, committed,
  }
})
