// The one place that loads every feature's privacy registrations (definePurger,
// definePersonalDataSource), so the purge task, the CLI and residents' data
// requests all see the same list. A feature adds one side-effect import here,
// e.g. `import '../events/privacy'`.
export {}
