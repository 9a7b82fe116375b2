import { registrationsDataSource, registrationsPurger } from '~~/server/events/privacy'
import { progressPurger } from '~~/server/courses/progress'
import { contestEntriesDataSource, contestEntriesPurger, contestNumberKeysPurger } from '~~/server/contests/privacy'
import { caseContactsPurger, caseSubmissionsDataSource, caseVotersPurger, caseVotesDataSource } from '~~/server/cases/privacy'

// Every feature's privacy registrations, as explicit lists: the purge task, the
// CLI and residents' data requests all use these. (A bare side-effect import
// would be dropped by the server bundler.) A new feature adds its entries here.
export const purgers = [registrationsPurger, progressPurger, contestEntriesPurger, contestNumberKeysPurger, caseContactsPurger, caseVotersPurger]
export const personalDataSources = [registrationsDataSource, contestEntriesDataSource, caseSubmissionsDataSource, caseVotesDataSource]
