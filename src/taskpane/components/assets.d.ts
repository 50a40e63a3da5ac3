/** Images imported by the pane become URLs (webpack asset/resource). */
declare module '*.png' {
  const url: string;
  export default url;
}
