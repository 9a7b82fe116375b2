const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\'': '&#39;' }

/** Text or an attribute value made safe inside SVG markup: labels come from the database. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, c => ENTITIES[c]!)
}

/** Ids are built from table ids; anything else would break the references inside the chart. */
export function safeId(id: string): string {
  if (!/^[a-z][a-z0-9-]*$/i.test(id)) throw new Error(`chart id must be letters, digits and hyphens: ${JSON.stringify(id)}`)
  return id
}
