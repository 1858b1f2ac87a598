/** A content file that does not load, named with the field at fault. */
export class ContentError extends Error {
  constructor(
    readonly file: string,
    readonly field: string,
    detail: string,
  ) {
    super(`${file}: ${field || '(file)'}: ${detail}`)
    this.name = 'ContentError'
  }
}
