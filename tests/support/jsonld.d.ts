declare module 'jsonld' {
  interface Options { documentLoader?: (url: string) => Promise<{ contextUrl: string | null, documentUrl: string, document: unknown }> }
  const jsonld: { expand(input: object, options?: Options): Promise<unknown[]> }
  export default jsonld
}
