import ByteBuffer from 'bytebuffer';
const M = 65536;
const bb = () => { const b = new ByteBuffer(ByteBuffer.DEFAULT_CAPACITY, ByteBuffer.LITTLE_ENDIAN); for (let i = 0; i < M; i++) b.writeInt32(i); return b.offset / 4; };
let t = 0; for (let k = 0; k < 1500; k++) t += bb(); console.log(t);
