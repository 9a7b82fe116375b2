import type { SelectQueryBuilder } from 'kysely'
import type { Page } from '#shared/primitives'

/**
 * One page of a list: counts the filtered rows and fetches the page's rows in
 * parallel. `base` holds the joins and filters; `rows` adds the columns and the order.
 */
export async function paginate<DB, TB extends keyof DB, O, Row>(
  base: SelectQueryBuilder<DB, TB, O>,
  page: { page: number, pageSize: number },
  rows: (query: SelectQueryBuilder<DB, TB, O>) => SelectQueryBuilder<DB, TB, Row>,
): Promise<Page<Row>> {
  const counted = base.clearSelect().select(eb => eb.fn.countAll<number>().as('total')) as unknown as SelectQueryBuilder<DB, TB, { total: number | string | bigint }>
  const [{ total }, items] = await Promise.all([
    counted.executeTakeFirstOrThrow(),
    rows(base).limit(page.pageSize).offset((page.page - 1) * page.pageSize).execute(),
  ])
  return { items, total: Number(total), page: page.page, pageSize: page.pageSize }
}

/** The same page with each row turned into its API view. */
export const mapPage = <Row, Item>(page: Page<Row>, view: (row: Row) => Item): Page<Item> => ({ ...page, items: page.items.map(view) })
