import { randomUUID } from 'node:crypto'

let dummy: Promise<string> | undefined

/** A real hash of a random secret, verified against when an account does not exist, so timing does not reveal it. */
export function dummyPasswordHash(): Promise<string> {
  dummy ??= hashPassword(randomUUID())
  return dummy
}
