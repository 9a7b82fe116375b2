// @ts-check
import withNuxt from './.nuxt/eslint.config.mjs'

// ARCHITECTURE.md, Imports: a relative import never climbs more than one folder, and a file directly in
// a folder of app/, server/ or tests/ (or in scripts/) does not climb at all; code elsewhere is named
// from the root: #shared/… for shared/, ~~/server/… (and ~~/tests/…) for the rest, ~/… inside app/.
const climbing = {
  group: ['../../*', '../../**'],
  message: 'Climbing relative import: name it from the root (#shared/…, ~~/server/…, ~/… in app/). See ARCHITECTURE.md, Imports.',
}
const leavingFolder = {
  group: ['../*', '../**'],
  message: 'This import leaves its folder: name it from the root (#shared/…, ~~/server/…, ~/… in app/). See ARCHITECTURE.md, Imports.',
}

export default withNuxt(
  {
    files: ['**/*.{ts,mts,mjs,vue}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [climbing] }] },
  },
  {
    files: ['app/*/*.{ts,vue}', 'server/*/*.ts', 'tests/*/*.ts', 'scripts/*.{ts,mjs}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [climbing, leavingFolder] }] },
  },
)
