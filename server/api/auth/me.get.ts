export default defineEventHandler(async (event) => {
  const user = await requireUser(event, { allowPasswordChangePending: true })
  setResponseHeader(event, 'cache-control', 'no-store')
  return { user }
})
