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

// ARCHITECTURE.md, Shapes: a client call's answer is typed by the route (Nuxt types $fetch and useFetch by the
// handler's declared return) or, where Nitro cannot narrow a dynamic path to one route, by a generic naming the
// shared z.infer type; never by a shape written at the call.
const typedByRoute = {
  selector: 'CallExpression[callee.name=/^(\\$fetch|useFetch|useLazyFetch)$/] > TSTypeParameterInstantiation > :matches(TSTypeLiteral, TSIntersectionType, TSUnionType)',
  message: 'No shape written at a $fetch/useFetch call: let the route type it, or name the shared type (z.infer of a #shared schema).',
}

export default withNuxt(
  {
    files: ['app/**/*.{ts,vue}'],
    rules: { 'no-restricted-syntax': ['error', typedByRoute] },
  },
  {
    files: ['**/*.{ts,mts,mjs,vue}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [climbing] }] },
  },
  {
    files: ['app/*/*.{ts,vue}', 'server/*/*.ts', 'tests/*/*.ts', 'scripts/*.{ts,mjs}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [climbing, leavingFolder] }] },
  },
  {
    // The OpenAPI document was one 450-line file with lines of 600 characters; its parts keep the house's
    // width (a summary that is one long sentence stays one string).
    files: ['server/openapi/**/*.ts'],
    rules: { '@stylistic/max-len': ['error', { code: 140, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreRegExpLiterals: true }] },
  },
)
