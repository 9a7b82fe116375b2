import { portalConfig } from './config'

const FILE_CODES = new Set(['ENOTDIR', 'EACCES', 'EPERM', 'EROFS', 'ENOENT', 'ENOSPC', 'EISDIR'])

/**
 * What start-up prints before it exits: the error's own words, and for a file
 * the portal could not create or write (its data folder: the SQLite file, the
 * generated secrets), which path, which variable and what to do.
 */
export function startupMessage(error: Error, config = portalConfig()): string {
  const { code, path } = error as NodeJS.ErrnoException
  if (!code || !FILE_CODES.has(code) || !path) return error.message
  return `${error.message}\n`
    + `The portal could not create or write ${path}. It keeps the embedded database and the secrets it generates in PORTAL_DATA_DIR (now ${config.dataDir}). `
    + `Set PORTAL_DATA_DIR to a folder the portal's user may write (with room to grow), `
    + `or run on PostgreSQL with DATABASE_URL, NUXT_SESSION_PASSWORD and PORTAL_DATA_KEY set.`
}
