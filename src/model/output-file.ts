/** A file the build writes: text, bytes, or a copy of a source file. */
export type OutputFile = { readonly path: string; readonly content: string | Uint8Array } | { readonly path: string; readonly copyFrom: string };
