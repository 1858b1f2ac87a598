// The package ships no types; these are the two calls the readability test makes.
declare module 'text-readability' {
  const readability: {
    fleschKincaidGrade(text: string): number
    lexiconCount(text: string, removePunctuation?: boolean): number
  }
  export default readability
}
