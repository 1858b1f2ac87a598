declare module 'virtual:reference-content' {
  const content: import('./reference/schema').Content
  export default content
}
