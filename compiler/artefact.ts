/** A file a target produces, relative to the output directory. */
export interface Artefact {
  readonly path: string;
  readonly contents: string | Uint8Array;
}
