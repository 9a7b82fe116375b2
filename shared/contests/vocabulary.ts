/** The contest's vocabulary: team kinds, leaderboard modes, states. */
export const contestTeamKinds = ['district', 'organisation'] as const
export const leaderboardModes = ['live', 'after-close'] as const
export const contestStates = ['upcoming', 'open', 'closed'] as const
/** Below this many entries a team has no rank: its mean says too little. */
export const MIN_TEAM_ENTRIES = 10
