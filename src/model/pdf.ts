/** A printed PDF, for the page that links to it. */
export interface PdfInfo {
  readonly path: string;
  readonly bytes: number;
  readonly pages: number;
}
