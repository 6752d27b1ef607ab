// utif ships no types; these are the calls image-files.ts (and the tests) make.
declare module 'utif' {
  export interface Ifd {
    width: number;
    height: number;
    data: Uint8Array;
    [tag: `t${number}`]: number[] | undefined;
  }
  const UTIF: {
    decode(buffer: ArrayBuffer | Uint8Array): Ifd[];
    decodeImage(buffer: ArrayBuffer | Uint8Array, ifd: Ifd, ifds?: Ifd[]): void;
    toRGBA8(ifd: Ifd): Uint8Array;
    encodeImage(
      rgba: Uint8Array,
      width: number,
      height: number,
      metadata?: Record<string, unknown>,
    ): ArrayBuffer;
  };
  export default UTIF;
}
