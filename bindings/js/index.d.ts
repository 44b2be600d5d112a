// Types for wasm-mem: raw-memory tools over any buffer, a C core in WebAssembly.
// The contract behind them is the project's SPEC; README.md explains the choices.

/** The bytes protocol: `obj[bytes](access)` returns the object's current bytes. */
export declare const bytes: unique symbol;

/** An object that exposes its bytes through the `bytes` protocol. */
export interface BytesProtocol {
  /**
   * The object's current bytes. `access` is `'read'` or `'write'`; an object
   * that cannot be written returns `null` for `'write'`.
   */
  [bytes](access?: 'read' | 'write'): Uint8Array<ArrayBufferLike> | null;
}

/**
 * Every value that holds bytes: buffers (also resizable or growable ones),
 * every view (only the view's own window counts), the package's classes, and
 * any object with the `bytes` protocol.
 */
export type BytesLike = ArrayBufferLike | ArrayBufferView<ArrayBufferLike> | Chunk | MemSlice | StrArray<string> | BytesProtocol;

/** What a read-only argument accepts: a bytes-like, or a string meaning its UTF-8 bytes. */
export type ReadableBytes = BytesLike | string;

/** A search pattern: a bytes-like, a string (UTF-8), or a single byte value 0..255. */
export type Pattern = ReadableBytes | number;

/** A fill value: a byte value 0..255, or a non-empty pattern repeated from its first byte. */
export type Fill = number | ReadableBytes;

/** The package version. */
export declare const version: string;

/**
 * Instantiates the module explicitly, from a URL, a `Response` (or a promise
 * of one), bytes, or a compiled module; with no argument, from the `.wasm`
 * beside the package. A no-op once instantiated. Needed only where the
 * automatic start cannot fetch the module (a strict content-security policy,
 * a CDN, a custom location).
 */
export declare function init(source?: string | URL | Response | PromiseLike<Response> | BufferSource | WebAssembly.Module): Promise<void>;

/** Heap statistics: a debugging aid (the leak tests use it). */
export interface MemoryStats {
  /** Chunk blocks allocated since start-up. */
  allocations: number;
  /** Chunk blocks reallocated since start-up. */
  reallocations: number;
  /** Chunk blocks freed since start-up. */
  frees: number;
  /** Bytes the allocator has handed out and not taken back. */
  bytesInUse: number;
  /** The size of the module's linear memory. */
  memoryBytes: number;
}

/** Heap statistics of this realm's module. */
export declare function memoryStats(): MemoryStats;

/** Thrown by `index`, `rindex` and `StrArray.remove` when the value is absent. */
export declare class NotFoundError extends Error {
  constructor(message?: string);
  readonly name: 'NotFoundError';
}

/**
 * The lowest `i` with `pattern` at `i`, `start <= i`, `i + len(pattern) <= end`
 * and `(i - start) % step === 0`. Positions follow Python's `bytes.find`.
 * @throws {NotFoundError} when there is none
 */
export declare function index(dest: ReadableBytes, pattern: Pattern, start?: number, end?: number, step?: number): number;
/** The highest such `i`. @throws {NotFoundError} when there is none */
export declare function rindex(dest: ReadableBytes, pattern: Pattern, start?: number, end?: number, step?: number): number;
/** Like `index`, but -1 when not found. */
export declare function find(dest: ReadableBytes, pattern: Pattern, start?: number, end?: number, step?: number): number;
/** Like `rindex`, but -1 when not found. */
export declare function rfind(dest: ReadableBytes, pattern: Pattern, start?: number, end?: number, step?: number): number;
/** Every such `i`, ascending, overlapping matches included; found lazily, in batches. */
export declare function findAll(dest: ReadableBytes, pattern: Pattern, start?: number, end?: number, step?: number): IterableIterator<number>;
/** -1, 0 or 1: lexicographic byte order; a proper prefix sorts first. */
export declare function cmp(a: ReadableBytes, b: ReadableBytes): -1 | 0 | 1;
/**
 * Copies all of `src` into `dest` at `start` (negative: from the end), safe
 * when they overlap. Returns the number of bytes copied.
 * @throws {RangeError} when `src` does not fit (nothing is written)
 */
export declare function copy(dest: BytesLike, src: ReadableBytes, start?: number): number;
/** Length in bytes (a string: its UTF-8 length). */
export declare function len(buf: ReadableBytes): number;
/** The lowest `i < min(len a, len b)` with `a[i] !== b[i]`, else -1. */
export declare function diff(a: ReadableBytes, b: ReadableBytes): number;
/** `diff` from the right, `a` and `b` aligned on their last bytes; an index into `a`, else -1. */
export declare function rdiff(a: ReadableBytes, b: ReadableBytes): number;
/** The lowest `i < min(len a, len b)` with `a[i] === b[i]`, else -1. */
export declare function match(a: ReadableBytes, b: ReadableBytes): number;
/** `match` from the right, aligned on the last bytes; an index into `a`, else -1. */
export declare function rmatch(a: ReadableBytes, b: ReadableBytes): number;

/** Growable bytes in the module's linear memory. */
export declare class Chunk implements Iterable<number>, Disposable {
  /** A new chunk holding the parts joined (no parts: empty). A number is a TypeError: use `Chunk.alloc`. */
  constructor(...parts: ReadableBytes[]);
  /** `size` bytes filled with a byte value or a pattern repeated. */
  static alloc(size: number, fill?: Fill): Chunk;
  /** A chunk of the byte values an iterable gives. */
  static from(values: Iterable<number>): Chunk;
  /** Bytes from hex digits (whitespace allowed). @throws {RangeError} for odd or non-hex input */
  static fromHex(text: string): Chunk;
  /** Length in bytes. */
  readonly length: number;
  /**
   * A view of the current bytes, made fresh at each read: valid until the
   * next resize or memory growth. It keeps the chunk alive while reachable.
   */
  readonly bytes: Uint8Array<ArrayBuffer>;
  /** Whether `free()` was called. */
  readonly freed: boolean;
  /** New length `n`; added bytes repeat `pattern` from its first byte. Amortised; the bytes may move. */
  resize(n: number, pattern?: Fill): this;
  /** The byte at `i` (negative from the end). @throws {RangeError} out of range */
  get(i: number): number;
  /** Sets the byte at `i` (negative from the end). */
  set(i: number, value: number): void;
  /** Like `Array.prototype.at`. */
  at(i: number): number | undefined;
  /** A new chunk with a copy of bytes [start, stop). */
  slice(start?: number, stop?: number): Chunk;
  /** A live window on bytes [start, stop). */
  subarray(start?: number, stop?: number): MemSlice;
  /** A new chunk: these bytes, then the parts. */
  concat(...parts: ReadableBytes[]): Chunk;
  /** A new chunk of `n` copies. */
  repeat(n: number): Chunk;
  /** Fills [start, end) with a byte value or a pattern. */
  fill(value: Fill, start?: number, end?: number): this;
  /** Like `find(this, ...)`. */
  indexOf(pattern: Pattern, start?: number, end?: number, step?: number): number;
  /** Like `rfind(this, ...)`. */
  lastIndexOf(pattern: Pattern, start?: number, end?: number, step?: number): number;
  includes(pattern: Pattern, start?: number, end?: number): boolean;
  equals(other: ReadableBytes): boolean;
  /** Like `cmp(this, other)`. */
  compare(other: ReadableBytes): -1 | 0 | 1;
  /** A copy of the bytes. */
  toUint8Array(): Uint8Array<ArrayBuffer>;
  /** The bytes decoded as UTF-8. */
  toString(): string;
  /** Lowercase hex digits. */
  toHex(): string;
  /** Returns the memory now; a second call does nothing; other use afterwards is a TypeError. */
  free(): void;
  [Symbol.dispose](): void;
  [Symbol.iterator](): IterableIterator<number>;
  [bytes](access?: 'read' | 'write'): Uint8Array<ArrayBuffer>;
}

/** A live window [start, stop) on another bytes-like; it follows the base as it moves or resizes. */
export declare class MemSlice implements Iterable<number> {
  constructor(base: BytesLike, start?: number, stop?: number);
  /** The object the window is on (never a MemSlice: slices of slices compose). */
  readonly base: BytesLike;
  /** Absolute offset of the first byte in the base. */
  readonly start: number;
  /** Absolute offset just past the last byte in the base. */
  readonly stop: number;
  /** The accessible length now: max(0, min(stop, base length) - start). */
  readonly length: number;
  /** Whether the base can be written. */
  readonly writable: boolean;
  /** The byte at `i` (negative from the end). @throws {RangeError} out of range */
  get(i: number): number;
  /** Sets the byte at `i`. @throws {TypeError} when the base is read-only */
  set(i: number, value: number): void;
  /** Like `Array.prototype.at`. */
  at(i: number): number | undefined;
  /** A new MemSlice on [start, stop) of this window (slicing by view). */
  slice(start?: number, stop?: number): MemSlice;
  /** The same as `slice`. */
  subarray(start?: number, stop?: number): MemSlice;
  /** A copy of the window's current bytes. */
  toUint8Array(): Uint8Array<ArrayBuffer>;
  [Symbol.iterator](): IterableIterator<number>;
  [bytes](access?: 'read' | 'write'): Uint8Array<ArrayBufferLike> | null;
}

/** Codes whose values read as numbers. */
type NumberCode = 'b' | 'B' | 'h' | 'H' | 'i' | 'I' | 'l' | 'L' | 'n' | 'N' | 'e' | 'f' | 'd';
type Order = '' | '@' | '=' | '<' | '>' | '!';
/** The value type a struct format reads as (`unknown` for a format only known at run time). */
export type ValueOf<F extends string> =
  F extends `${Order}${NumberCode}` ? number
  : F extends `${Order}${'q' | 'Q'}` ? bigint
  : F extends `${Order}?` ? boolean
  : F extends `${Order}c` ? string
  : unknown;
/** What a write of a format accepts (reads give the narrower `ValueOf`). */
export type InputOf<F extends string> =
  F extends `${Order}${'q' | 'Q'}` ? bigint | number
  : F extends `${Order}?` ? unknown
  : F extends `${Order}c` ? string | ArrayBufferView
  : ValueOf<F>;

/**
 * Typed values in a one-scalar struct format over any bytes-like. The format
 * literal gives the value type: `new StrArray('<q', buf).get(0)` is a bigint.
 */
export declare class StrArray<F extends string = string> implements Iterable<ValueOf<F>>, Disposable {
  /** `format`: an optional byte order and one code of `c b B ? h H i I l L q Q n N e f d`. */
  constructor(format: F, buffer?: BytesLike);
  /** The format string as given. */
  readonly format: string;
  /** Bytes per item (wasm32 C sizes). */
  readonly itemsize: number;
  /** The wrapped object. */
  readonly buffer: BytesLike;
  /** floor(bytes / itemsize). */
  readonly length: number;
  /** The value at `i` (negative from the end). @throws {RangeError} out of range */
  get(i: number): ValueOf<F>;
  /** Sets the value at `i`; nothing is written when the value is refused (RangeError: does not fit; TypeError: wrong type). */
  set(i: number, value: InputOf<F>): void;
  /** Like `Array.prototype.at`. */
  at(i: number): ValueOf<F> | undefined;
  /** The first index of `value` (`===`) in [start, stop), or -1. */
  indexOf(value: unknown, start?: number, stop?: number): number;
  /** The last index of `value` (`===`) in [start, stop), or -1. */
  lastIndexOf(value: unknown, start?: number, stop?: number): number;
  /** Whether `value` is present (SameValueZero: finds NaN). */
  includes(value: unknown): boolean;
  /** How many items are `===` `value`. */
  count(value: unknown): number;
  /** Reverses the items in place. */
  reverse(): this;
  /** Sets items [start, stop) to `value`. */
  fill(value: InputOf<F>, start?: number, stop?: number): this;
  /** Equal lengths and values (`===`) with another StrArray or any iterable. */
  equals(other: Iterable<unknown>): boolean;
  /** Every value, as a JS array. */
  toArray(): ValueOf<F>[];
  /** A copy in the platform's typed array (`e` gives Float32Array; `?` and `c` give Uint8Array). */
  toTypedArray(): Int8Array | Uint8Array | Int16Array | Uint16Array | Int32Array | Uint32Array | BigInt64Array | BigUint64Array | Float32Array | Float64Array;
  /** By view over a MemSlice buffer, else a copy in a new Chunk. */
  slice(start?: number, stop?: number): StrArray<F>;
  /** Appends values (all or nothing); returns the new length. Needs a resizable buffer. */
  push(...values: InputOf<F>[]): number;
  /** Appends the values of an iterable (a typed array counts as values). */
  extend(values: Iterable<InputOf<F>>): this;
  /** Inserts before `i`, clamped like Python's `list.insert`. */
  insert(i: number, value: InputOf<F>): void;
  /** Removes and returns the item at `i` (default: the last). @throws {RangeError} when empty or out of range */
  pop(i?: number): ValueOf<F>;
  /** Removes the first item `===` `value`. @throws {NotFoundError} when absent */
  remove(value: unknown): void;
  /** Like `Array.prototype.splice`; returns the removed values. */
  splice(start?: number, deleteCount?: number, ...items: InputOf<F>[]): ValueOf<F>[];
  /** Python's `a[start:stop] = values`. */
  setSlice(start: number | undefined, stop: number | undefined, values: Iterable<InputOf<F>>): void;
  /** Removes every item. */
  clear(): void;
  /** Python's `+=`. */
  iadd(values: Iterable<InputOf<F>>): this;
  /** Python's `*=`. */
  imul(n: number): this;
  /** Frees the chunk this array made (a buffer you passed is left alone). */
  free(): void;
  [Symbol.dispose](): void;
  [Symbol.iterator](): IterableIterator<ValueOf<F>>;
  [bytes](access?: 'read' | 'write'): Uint8Array<ArrayBufferLike> | null;
}

/** A StrArray over a new Chunk of its own. */
export declare class ChunkArray<F extends string = string> extends StrArray<F> {
  /** Filled from an iterable of values (a typed array counts as values, never raw bytes). */
  constructor(format: F, values?: Iterable<InputOf<F>>);
  /** A ChunkArray holding a copy of raw bytes. */
  static fromBytes<F extends string>(format: F, data: ReadableBytes): ChunkArray<F>;
  /** Python's `+`. */
  concat(other: Iterable<InputOf<F>>): ChunkArray<F>;
  /** Python's `*`. */
  repeat(n: number): ChunkArray<F>;
  slice(start?: number, stop?: number): ChunkArray<F>;
}

/** A file over any bytes-like, with `io.BytesIO`'s semantics. */
export declare class StrIO implements Iterable<Uint8Array<ArrayBuffer>>, Disposable {
  /** `data`: any bytes-like (a string: its UTF-8 bytes, read-only); a new Chunk by default. */
  constructor(data?: ReadableBytes);
  /** The wrapped data. */
  readonly data: BytesLike;
  /** The file's size: the data's length now. */
  readonly size: number;
  /** Whether `close()` was called. */
  readonly closed: boolean;
  /** Up to `n` bytes (negative: to the end), a copy. */
  read(n?: number): Uint8Array<ArrayBuffer>;
  /** Reads into a writable bytes-like; returns the number of bytes read. */
  readinto(target: BytesLike): number;
  /** One line, up to and including `\n`, at most `limit` bytes (negative: no limit). */
  readline(limit?: number): Uint8Array<ArrayBuffer>;
  /** The remaining lines (with `hint`: until that many bytes were read). */
  readlines(hint?: number): Uint8Array<ArrayBuffer>[];
  /** Writes at the position, growing the data through `resize` when it can. */
  write(b: ReadableBytes): number;
  /** whence 0: start, 1: current, 2: end. A negative result is a RangeError. */
  seek(offset: number, whence?: 0 | 1 | 2): number;
  /** The position. */
  tell(): number;
  /** Cuts to `size` (default: the position); never extends. */
  truncate(size?: number): number;
  /** A copy of all the bytes. */
  getvalue(): Uint8Array<ArrayBuffer>;
  /** A MemSlice over all of the data, now and as it grows. */
  getbuffer(): MemSlice;
  /** Does nothing (an Error once closed). */
  flush(): void;
  /** Closes the file: any I/O afterwards is an Error. */
  close(): void;
  readable(): boolean;
  /** Whether the data can be written (a string or a StrArray cannot). */
  writable(): boolean;
  seekable(): boolean;
  /** One value in a StrArray format at the position, which advances. @throws {RangeError} past the end */
  readStruct(format: string): number | bigint | boolean | string;
  /** Writes one value in a StrArray format at the position; returns the bytes written. */
  writeStruct(format: string, value: unknown): number;
  /** A ReadableStream of the bytes from the position on (64 KiB pieces, pulled). */
  readableStream(): ReadableStream<Uint8Array<ArrayBuffer>>;
  /** A WritableStream writing at the position. */
  writableStream(): WritableStream<ReadableBytes>;
  /** Frees the chunk this file made (data you passed is left alone) and closes. */
  free(): void;
  [Symbol.dispose](): void;
  [Symbol.iterator](): IterableIterator<Uint8Array<ArrayBuffer>>;
}

/** A StrIO over a new Chunk holding a copy of `initial`. */
export declare class ChunkIO extends StrIO {
  constructor(initial?: ReadableBytes);
}

/** Anything `dumps` serialises. */
export type Dumpable = Chunk | MemSlice | StrArray<string> | ArrayBuffer | Uint8Array | Dumpable[];

/** Serialises chunks, slices, arrays and buffers, keeping shared bases shared. */
export declare function dumps(value: Dumpable): Uint8Array<ArrayBuffer>;
/** Rebuilds what `dumps` wrote. @throws {RangeError} for malformed input */
export declare function loads(data: BytesLike): Dumpable;

// ---- Python's struct module (SPEC §5) ----------------------------------
//
// A format literal is parsed at the type level into a tuple: `'<IHd'` reads
// as `[number, number, number]`, `'>I4s'` as `[number, Uint8Array]`, counts
// included (`'3H'` is three numbers, `'4s'` one Uint8Array, `'x'` nothing).
// A format known only at run time, or one the type parser cannot follow
// (a count over 64, an invalid format), falls back to `StructValue[]`.

/** Any value a struct format reads. */
export type StructValue = number | bigint | boolean | string | Uint8Array<ArrayBuffer>;
/** Any value a struct format writes (`?` takes any value, by its truthiness). */
export type StructInput = unknown;

type StructDigit = '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9';
type StructSpace = ' ' | '\t' | '\n' | '\r' | '\v' | '\f';
type StructCode = 'c' | 'b' | 'B' | '?' | 'h' | 'H' | 'i' | 'I' | 'l' | 'L' | 'q' | 'Q' | 'n' | 'N' | 'P' | 'e' | 'f' | 'd' | 's' | 'p';
/** One value of code C, as read ('read') or as accepted when written ('write'). */
type StructCodeValue<C extends string, K extends 'read' | 'write'> =
  C extends 'q' | 'Q' ? (K extends 'read' ? bigint : bigint | number)
  : C extends '?' ? (K extends 'read' ? boolean : unknown)
  : C extends 'c' ? (K extends 'read' ? string : string | ArrayBufferView)
  : C extends 's' | 'p' ? (K extends 'read' ? Uint8Array<ArrayBuffer> : ReadableBytes)
  : number;
type StructRepeat<T, N extends number, Acc extends unknown[] = []> =
  Acc['length'] extends N ? Acc : StructRepeat<T, N, [...Acc, T]>;
/** Count digits (as text) of code C, appended to Acc; never when too many. */
type StructItem<C extends string, Count extends string, Acc extends unknown[], K extends 'read' | 'write'> =
  C extends 'x' ? Acc
  : C extends 's' | 'p' ? [...Acc, StructCodeValue<C, K>]
  : Count extends '' ? [...Acc, StructCodeValue<C, K>]
  : Count extends `${infer N extends number}` ? (`${N}` extends `${StructDigit}` | `${StructDigit}${StructDigit}` ? StructRepeat<StructCodeValue<C, K>, N> extends infer R extends unknown[] ? [...Acc, ...R] : never : never)
  : never;
type StructItems<S extends string, Count extends string, Acc extends unknown[], K extends 'read' | 'write'> =
  S extends '' ? (Count extends '' ? Acc : never)
  : S extends `${infer C}${infer R}` ?
    C extends StructDigit ? StructItems<R, `${Count}${C}`, Acc, K>
    : C extends StructSpace ? (Count extends '' ? StructItems<R, '', Acc, K> : never)
    : C extends StructCode | 'x' ? StructItems<R, '', StructItem<C, Count, Acc, K>, K>
    : never
  : never;
type StructParse<F extends string, K extends 'read' | 'write'> =
  string extends F ? StructValue[]
  : (F extends `${'@' | '=' | '<' | '>' | '!'}${infer R}` ? StructItems<R, '', [], K> : StructItems<F, '', [], K>) extends infer T
    ? [T] extends [never] ? (K extends 'read' ? StructValue[] : StructInput[]) : T
    : never;
/** The values a record of format F reads as: a tuple for a literal format. */
export type StructValues<F extends string> = StructParse<F, 'read'> extends infer T extends unknown[] ? T : StructValue[];
/** The values `pack(F, ...)` accepts, in order. */
export type StructInputs<F extends string> = StructParse<F, 'write'> extends infer T extends unknown[] ? T : StructInput[];

/** Bytes per record of `format` (Python's calcsize). @throws {TypeError} for an invalid format */
export declare function calcsize(format: string): number;
/** The values packed into a new Uint8Array of calcsize(format) bytes. @throws {RangeError} for a value out of range */
export declare function pack<const F extends string>(format: F, ...values: StructInputs<F>): Uint8Array<ArrayBuffer>;
/** Packs into `dest` at `offset` (negative: from the end); a rejected call writes nothing. */
export declare function packInto<const F extends string>(format: F, dest: BytesLike, offset: number, ...values: StructInputs<F>): void;
/** The values of `bytes`, whose length must be exactly calcsize(format). @throws {RangeError} for another length */
export declare function unpack<const F extends string>(format: F, bytes: ReadableBytes): StructValues<F>;
/** The values of one record at `offset` (negative: from the end). */
export declare function unpackFrom<const F extends string>(format: F, bytes: ReadableBytes, offset?: number): StructValues<F>;
/** The records of `bytes` (a multiple of calcsize(format) bytes, read as they are now), one array each. */
export declare function iterUnpack<const F extends string>(format: F, bytes: ReadableBytes): IterableIterator<StructValues<F>>;

/** A format compiled once, as Python's struct.Struct. */
export declare class Struct<const F extends string = string> {
  /** @throws {TypeError} for an invalid format */
  constructor(format: F);
  /** The format string. */
  readonly format: F;
  /** Bytes per record (calcsize). */
  readonly size: number;
  pack(...values: StructInputs<F>): Uint8Array<ArrayBuffer>;
  packInto(dest: BytesLike, offset: number, ...values: StructInputs<F>): void;
  unpack(bytes: ReadableBytes): StructValues<F>;
  unpackFrom(bytes: ReadableBytes, offset?: number): StructValues<F>;
  iterUnpack(bytes: ReadableBytes): IterableIterator<StructValues<F>>;
}
