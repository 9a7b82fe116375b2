import { venueCreateBody, venueListQuery } from '#shared/venues/schemas'
import { type Paths, error, ok, body, query, organizer } from '../components'

/** The venues routes (tag `venues`). */
export const venuesPaths: Paths = {
  '/api/venues': {
    get: { summary: 'The city\'s experience venues', parameters: query(venueListQuery), responses: { 200: ok('VenuePage'), 400: error } },
  },
  '/api/organizer/venues': {
    post: {
      summary: 'Add a venue that is not in the city profile',
      ...organizer,
      requestBody: body(venueCreateBody),
      responses: { 201: ok('VenueCreated'), 401: error, 422: error },
    },
  },
}
