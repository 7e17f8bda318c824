/** build.mjs loads .css imports as minified text. */
declare module '*.css' {
  const text: string;
  export default text;
}
