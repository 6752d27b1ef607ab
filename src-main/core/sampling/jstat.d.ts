// jstat 1.9.6 ships no types; these are the two distributions the sample statistics use.
declare module 'jstat' {
  interface Distribution2 {
    inv(p: number, a: number, b: number): number;
    cdf(x: number, a: number, b: number): number;
  }
  interface Distribution1 {
    inv(p: number, dof: number): number;
    cdf(x: number, dof: number): number;
  }
  const jstat: { jStat: { beta: Distribution2; studentt: Distribution1 } };
  export default jstat;
}
