// The one place that loads every feature's privacy registrations (definePurger,
// definePersonalDataSource), so the purge task, the CLI and residents' data
// requests all see the same list. Each feature adds one side-effect import.
import '../events/privacy'
