import { registrationsDataSource, registrationsPurger } from '../events/privacy'

// Every feature's privacy registrations, as explicit lists: the purge task, the
// CLI and residents' data requests all use these. (A bare side-effect import
// would be dropped by the server bundler.) A new feature adds its entries here.
export const purgers = [registrationsPurger]
export const personalDataSources = [registrationsDataSource]
