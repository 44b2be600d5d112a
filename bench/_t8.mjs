class Base { slow(a) { return a.length; } slow2(...a) { return a.length; } }
class A extends Base { constructor() { super(); this.n = 0; this.buf = new Int32Array(1 << 20); }
  push(v) { if (arguments.length === 1 && (v | 0) === v) { this.buf[this.n++ & 0xfffff] = v; return this.n; } return this.slow(arguments); } }
class B extends Base { constructor() { super(); this.n = 0; this.buf = new Int32Array(1 << 20); }
  push(v) { if (arguments.length === 1 && (v | 0) === v) { this.buf[this.n++ & 0xfffff] = v; return this.n; } return this.slow2(...arguments); } }
class C extends Base { constructor() { super(); this.n = 0; this.buf = new Int32Array(1 << 20); }
  push(v) { if ((v | 0) === v) { this.buf[this.n++ & 0xfffff] = v; return this.n; } return 0; } }
const M = 1 << 20;
function run(o) { for (let i = 0; i < M; i++) o.push(i); return o.n; }
function runB(o) { for (let i = 0; i < M; i++) o.push(i); return o.n; }
function runC(o) { for (let i = 0; i < M; i++) o.push(i); return o.n; }
function time(f, o) { for (let k = 0; k < 20; k++) f(o); const t0 = process.hrtime.bigint(); for (let k = 0; k < 100; k++) f(o); return (Number(process.hrtime.bigint() - t0) / 100 / M).toFixed(2); }
const a = new A(), b = new B(), c = new C();
for (let k = 0; k < 3; k++) console.log('arguments', time(run, a), 'spread', time(runB, b), 'none', time(runC, c));
