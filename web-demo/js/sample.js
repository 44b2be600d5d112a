// A generated sample file, so the tool can be tried without one at hand:
// every part shows one feature (text to search, typed series to plot,
// fixed-size records to search with a step).
//
//   0x0000  header: "WMEMDEMO", version u16 LE, count u32 LE, padding
//   0x0040  text (search for "wasm")
//   0x0400  1024 float32 LE: a damped sine (typed view: <f)
//   0x1400  1024 int16 BE: a sawtooth (typed view: >h)
//   0x1c00  512 records of 8 bytes: "PEAK" or "peak" + u32 LE value (search "PEAK", step 8)
export function makeSample() {
  const buf = new Uint8Array(0x2c00);
  const dv = new DataView(buf.buffer);
  const ascii = (at, s) => buf.set(new TextEncoder().encode(s), at);
  ascii(0, 'WMEMDEMO');
  dv.setUint16(8, 1, true);
  dv.setUint32(10, 1024, true);
  ascii(
    0x40,
    'wasm-mem sample file. Search for text or hex, open the Typed tab to plot the float32 (<f at 0x400) ' +
      'and int16 (>h at 0x1400) series, or search "PEAK" with step 8 from 0x1c00. ',
  );
  for (let i = 0; i < 1024; i++) dv.setFloat32(0x400 + 4 * i, Math.sin(i / 20) * Math.exp(-i / 500), true);
  for (let i = 0; i < 1024; i++) dv.setInt16(0x1400 + 2 * i, ((i * 97) % 2000) - 1000, false);
  for (let r = 0; r < 512; r++) {
    const at = 0x1c00 + 8 * r;
    ascii(at, r % 7 === 3 ? 'PEAK' : 'peak');
    dv.setUint32(at + 4, r * r, true);
  }
  return buf;
}
