import type { Migration } from 'kysely/migration'
import * as m0001 from './0001_platform'
import * as m0002 from './0002_accounts'
import * as m0003 from './0003_events'
import * as m0004 from './0004_notifications'
import * as m0005 from './0005_delivery'
import * as m0006 from './0006_event_courses'
import * as m0007 from './0007_course_progress'
import * as m0008 from './0008_quiz'
import * as m0009 from './0009_contest'
import * as m0010 from './0010_cases'
import * as m0011 from './0011_statistics'
import * as m0012 from './0012_course_activity_city'
import * as m0013 from './0013_demo_week'
import * as m0014 from './0014_contest_entry_keys'
import * as m0015 from './0015_sms_inbound'
import * as m0016 from './0016_event_external_id'
import * as m0017 from './0017_event_revision'
import * as m0018 from './0018_event_series'
import * as m0019 from './0019_event_notices'
import * as m0020 from './0020_event_feedback'
import * as m0021 from './0021_assisted_registrations'

/**
 * Migrations are imported statically so that the bundled server carries them.
 * Names sort in the order they apply; append, never rename or edit.
 */
export const migrations: Record<string, Migration> = {
  '0001_platform': m0001,
  '0002_accounts': m0002,
  '0003_events': m0003,
  '0004_notifications': m0004,
  '0005_delivery': m0005,
  '0006_event_courses': m0006,
  '0007_course_progress': m0007,
  '0008_quiz': m0008,
  '0009_contest': m0009,
  '0010_cases': m0010,
  '0011_statistics': m0011,
  '0012_course_activity_city': m0012,
  '0013_demo_week': m0013,
  '0014_contest_entry_keys': m0014,
  '0015_sms_inbound': m0015,
  '0016_event_external_id': m0016,
  '0017_event_revision': m0017,
  '0018_event_series': m0018,
  '0019_event_notices': m0019,
  '0020_event_feedback': m0020,
  '0021_assisted_registrations': m0021,
}
