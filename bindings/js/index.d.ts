// Types for wasm-mem: raw-memory tools over any buffer, a C core in WebAssembly.
// The contract behind them is the project's SPEC; README.md explains the choices.
//
// They check with TypeScript 5.0 and later, in browser-only projects (no Node
// types) as in Node ones: nothing here needs a lib newer than es2022 + dom.

declare global {
  // Explicit resource management (`using`) came with TypeScript 5.2's
  // esnext.disposable lib. Declared here the way that lib (and Node's types)
  // declare it, which merges with them, so `[Symbol.dispose]` types
  // everywhere. At run time the classes use Symbol.dispose, or
  // Symbol.for('Symbol.dispose') where the engine has none.
  interface SymbolConstructor {
    readonly dispose: unique symbol;
  }
}

/**
 * A `Uint8Array` over a plain `ArrayBuffer`: `Uint8Array<ArrayBuffer>` on
 * TypeScript 5.7+, where typed arrays are generic, and `Uint8Array` before
 * (what `slice()` returns in either).
 */
export type Uint8ArrayCopy = ReturnType<Uint8Array['slice']>;

/** The bytes protocol: `obj[bytes](access)` returns the object's current bytes. */
export declare const bytes: unique symbol;

/** An object that exposes its bytes through the `bytes` protocol. */
export interface BytesProtocol {
  /**
   * The object's current bytes. `access` is `'read'` or `'write'`; an object
   * that cannot be written returns `null` for `'write'`.
   */
  [bytes](access?: 'read' | 'write'): Uint8Array | null;
}

/**
 * Every value that holds bytes: buffers (also resizable or growable ones),
 * every view (only the view's own window counts), the package's classes, and
 * any object with the `bytes` protocol.
 */
export type BytesLike = ArrayBufferLike | ArrayBufferView | Chunk | MemSlice | StrArray<string, any> | BytesProtocol;

/** What a read-only argument accepts: a bytes-like, or a string meaning its UTF-8 bytes. */
export type ReadableBytes = BytesLike | string;

/** A search pattern: a bytes-like, a string (UTF-8), a single byte value 0..255, or a masked `Pattern`. */
export type SearchPattern = ReadableBytes | number | Pattern;

/** A fill value: a byte value 0..255, or a non-empty pattern repeated from its first byte. */
export type Fill = number | ReadableBytes;

/** Text encodings for `toString`, with Node Buffer's names (any case). */
export type Encoding = 'utf8' | 'utf-8' | 'hex' | 'latin1' | 'binary' | 'ascii' | 'base64' | 'base64url' | 'utf16le' | 'utf-16le' | 'ucs2' | 'ucs-2' | (string & {});

/** What `JSON.stringify` writes for a Chunk or a MemSlice. */
export interface BytesJSON {
  type: string;
  data: number[];
}

/** The package version. */
export declare const version: string;

/**
 * Instantiates the module explicitly, from a URL, a `Response` (or a promise
 * of one), bytes, or a compiled module; with no argument, from the `.wasm`
 * beside the package. A no-op once instantiated. Needed only where the
 * automatic start cannot fetch the module (a strict content-security policy,
 * a CDN, a custom location).
 */
export declare function init(source?: string | URL | Response | PromiseLike<Response> | ArrayBuffer | ArrayBufferView | WasmModule): Promise<void>;

/**
 * `WebAssembly.Module` where the project's lib declares it (dom, webworker);
 * a Node project without the dom lib has no WebAssembly types, and no need to
 * pass a module.
 */
export type WasmModule = typeof globalThis extends { WebAssembly: { Module: abstract new (...args: never[]) => infer M } } ? M : never;

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
export declare function index(dest: ReadableBytes, pattern: SearchPattern, start?: number, end?: number, step?: number): number;
/** The highest such `i`. @throws {NotFoundError} when there is none */
export declare function rindex(dest: ReadableBytes, pattern: SearchPattern, start?: number, end?: number, step?: number): number;
/** Like `index`, but -1 when not found. */
export declare function find(dest: ReadableBytes, pattern: SearchPattern, start?: number, end?: number, step?: number): number;
/** Like `rindex`, but -1 when not found. */
export declare function rfind(dest: ReadableBytes, pattern: SearchPattern, start?: number, end?: number, step?: number): number;
/** Every such `i`, ascending, overlapping matches included; found lazily, in batches. */
export declare function findAll(dest: ReadableBytes, pattern: SearchPattern, start?: number, end?: number, step?: number): IterableIterator<number>;
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

/**
 * What the async functions read (SPEC §9): a `ReadableStream`, an async or
 * sync iterable of bytes-likes or strings (a Node `Readable`, a generator),
 * a `Blob`/`File`, a Node `FileHandle` (`fs.promises.open`), or a bytes-like
 * itself. Blobs, file handles and bytes-likes are seekable (read by position).
 * Not a string: a path searched as its own characters is never what was
 * meant, so it is a `TypeError` (open the file with `fs.openAsBlob(path)` or
 * `fs.promises.open(path)`); a piece may be a string.
 */
export type Source =
  | ReadableStream<ReadableBytes>
  | AsyncIterable<ReadableBytes>
  | (Iterable<ReadableBytes> & object)
  | Blob
  | { fd: number; read(buffer: Uint8Array, offset: number, length: number, position: number): Promise<{ bytesRead: number }>; stat(): Promise<{ size: number }> }
  | BytesLike;

/** Options of the async functions. */
export interface AsyncOptions {
  /** Stops the work; the promise rejects with the signal's reason (at once when it is already aborted, reading nothing). */
  signal?: AbortSignal;
  /** Called at least every 64 MiB read: bytes read by this call, and the size of the searched range when known. */
  onProgress?: (bytesRead: number, total: number | undefined) => void;
}

/**
 * The options of an async search given third, in place of `start`
 * (`countAsync(fh, 'x', {signal})`): a plain object (an object literal),
 * which may also hold the positions. Nothing follows it.
 */
export interface AsyncSearchOptions extends AsyncOptions {
  /** Where the search starts (negative: from the end, seekable sources only); 0 when left out. */
  start?: number;
  /** Where it ends (negative: from the end, seekable sources only); the source's end when left out. */
  end?: number;
  /** Only matches at `start + k * step`; 1 when left out. */
  step?: number;
}

/** The lowest match's absolute offset, or -1; stops reading (and cancels a stream) at the first match. */
export declare function findAsync(source: Source, pattern: SearchPattern, options: AsyncSearchOptions): Promise<number>;
export declare function findAsync(source: Source, pattern: SearchPattern, start?: number, end?: number, step?: number, options?: AsyncOptions): Promise<number>;
/** Every match's absolute offset, ascending, overlapping ones included; `break` cancels the source. */
export declare function findAllAsync(source: Source, pattern: SearchPattern, options: AsyncSearchOptions): AsyncIterableIterator<number>;
export declare function findAllAsync(source: Source, pattern: SearchPattern, start?: number, end?: number, step?: number, options?: AsyncOptions): AsyncIterableIterator<number>;
/** The number of matches, overlapping ones included. */
export declare function countAsync(source: Source, pattern: SearchPattern, options: AsyncSearchOptions): Promise<number>;
export declare function countAsync(source: Source, pattern: SearchPattern, start?: number, end?: number, step?: number, options?: AsyncOptions): Promise<number>;
/** The highest match, or -1: seekable sources only (Blob, FileHandle, bytes-like), read backwards from the end. */
export declare function rfindAsync(source: Source, pattern: SearchPattern, options: AsyncSearchOptions): Promise<number>;
export declare function rfindAsync(source: Source, pattern: SearchPattern, start?: number, end?: number, step?: number, options?: AsyncOptions): Promise<number>;
/** As `cmp`, reading both sources side by side; stops at the first difference. */
export declare function cmpAsync(a: Source, b: Source, options?: AsyncOptions): Promise<-1 | 0 | 1>;
/** As `diff`, reading both sources side by side; stops at the first difference. */
export declare function diffAsync(a: Source, b: Source, options?: AsyncOptions): Promise<number>;
/** As `findAllAny` over a source: every match of every pattern as `[index, pattern]` pairs, by index, then pattern number. */
export declare function findAllAnyAsync(source: Source, patterns: Iterable<AnyPattern>, options: AsyncSearchOptions): AsyncIterableIterator<[number, number]>;
export declare function findAllAnyAsync(source: Source, patterns: Iterable<AnyPattern>, start?: number, end?: number, step?: number, options?: AsyncOptions): AsyncIterableIterator<[number, number]>;

/** The search and comparison methods of a Chunk and a MemSlice, over its bytes (a slice: its window's). */
export interface ByteMethods {
  /** Like `find(this, ...)`: the lowest aligned position of `pattern`, or -1. */
  indexOf(pattern: SearchPattern, start?: number, end?: number, step?: number): number;
  /** Like `rfind(this, ...)`: the highest aligned position of `pattern`, or -1. */
  lastIndexOf(pattern: SearchPattern, start?: number, end?: number, step?: number): number;
  /** Whether `pattern` occurs in [start, end). */
  includes(pattern: SearchPattern, start?: number, end?: number): boolean;
  /** Byte-for-byte equality with any bytes-like. */
  equals(other: ReadableBytes): boolean;
  /** -1, 0 or 1, like `cmp(this, other)`. */
  compare(other: ReadableBytes): -1 | 0 | 1;
}

/** Growable bytes in the module's linear memory. */
export declare class Chunk implements Iterable<number> {
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
  readonly bytes: Uint8ArrayCopy;
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
  /** A copy of the bytes. */
  toUint8Array(): Uint8ArrayCopy;
  /** The bytes decoded as `encoding` (Buffer's names; default 'utf8', invalid sequences as U+FFFD). */
  toString(encoding?: Encoding): string;
  /** Lowercase hex digits. */
  toHex(): string;
  /** A copy of the bytes: what `Buffer.from(chunk)` copies. */
  valueOf(): Uint8ArrayCopy;
  /** `{type: 'Chunk', data: [...bytes]}`, the shape of Buffer's toJSON. */
  toJSON(): BytesJSON;
  /** Returns the memory now; a second call does nothing; other use afterwards is a TypeError. */
  free(): void;
  [Symbol.dispose](): void;
  [Symbol.iterator](): IterableIterator<number>;
  [bytes](access?: 'read' | 'write'): Uint8ArrayCopy;
}

/** Chunk has the methods of ByteMethods (declared once, below its class). */
export interface Chunk extends ByteMethods {}

/** A live window [start, stop) on another bytes-like; it follows the base as it moves or resizes. */
export declare class MemSlice implements Iterable<number> {
  /** `stop` may be `Infinity`: an open-ended slice that follows its base as it grows and shrinks. */
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
  toUint8Array(): Uint8ArrayCopy;
  /** The window's bytes decoded as `encoding` (as `Chunk.toString`). */
  toString(encoding?: Encoding): string;
  /** A copy of the window's bytes: what `Buffer.from(slice)` copies. */
  valueOf(): Uint8ArrayCopy;
  /** `{type: 'MemSlice', data: [...bytes]}`. */
  toJSON(): BytesJSON;
  [Symbol.iterator](): IterableIterator<number>;
  [bytes](access?: 'read' | 'write'): Uint8Array | null;
}

/** Codes whose values read as numbers. */
type NumberCode = 'b' | 'B' | 'h' | 'H' | 'i' | 'I' | 'l' | 'L' | 'n' | 'N' | 'e' | 'f' | 'd';
type Order = '' | '@' | '=' | '<' | '>' | '!';
/** The value type a struct format reads as (`unknown` for a format only known at run time). */
export type ValueOf<F extends string> =
  F extends `${Order}${'' | '1'}${NumberCode}` ? number
  : F extends `${Order}${'' | '1'}${'q' | 'Q'}` ? bigint
  : F extends `${Order}${'' | '1'}?` ? boolean
  : F extends `${Order}${'' | '1'}c` ? string
  : unknown;
/** What a write of a format accepts (reads give the narrower `ValueOf`). */
export type InputOf<F extends string> =
  F extends `${Order}${'' | '1'}${'q' | 'Q'}` ? bigint | number
  : F extends `${Order}${'' | '1'}?` ? unknown
  : F extends `${Order}${'' | '1'}c` ? string | ArrayBufferView
  : ValueOf<F>;

/** A scalar format: an optional byte order and one value code, with no count or a count of 1. */
type ScalarFormat = `${Order}${'' | '1'}${NumberCode | 'q' | 'Q' | '?' | 'c' | 'P'}`;
/** The object type of a record with `names`: each name typed by its value's position in the format. */
type Named<T, N extends readonly string[]> = { [K in keyof N as K extends `${number}` ? N[K] & string : never]: K extends keyof T ? T[K] : unknown };
/** `options.strings`: s/p values read as strings decoded this way. */
export type StringsOption = 'latin1' | 'utf-8';
/** `options.int64`: `'number'` reads q/Q as numbers (RangeError beyond ±(2^53 − 1)); `'bigint'` is the default. */
export type Int64Option = 'number' | 'bigint';
/** A read value as `strings` (S) and `int64` (I) change it: bytes to a string, a bigint to a number. */
type Converted<T, S, I> = T extends bigint ? (I extends 'number' ? number : T) : T extends Uint8ArrayCopy ? (S extends StringsOption ? string : T) : T;
/** A record's values as the options change them (a tuple stays a tuple). */
type ConvertedAll<T extends readonly unknown[], S, I> = { [K in keyof T]: Converted<T[K], S, I> };
/** What a record of format F reads as: the tuple, or an object with `names`, values converted by the options. */
type RecordOf<F extends string, N, S, I> = N extends readonly string[] ? Named<ConvertedAll<StructValues<F>, S, I>, N> : ConvertedAll<StructValues<F>, S, I>;
/** What an item of a StrArray reads as: a scalar format's value, a record's tuple of values, or an object with `names`; `strings` and `int64` change s/p and q/Q values. */
export type ItemOf<F extends string, N extends readonly string[] | undefined = undefined, S extends StringsOption | undefined = undefined, I extends Int64Option | undefined = undefined> =
  string extends F ? unknown
  : F extends ScalarFormat ? Converted<ValueOf<F>, S, I>
  : RecordOf<F, N, S, I>;
/** The codes of a record format's values in order (`'4s'` for an s value), for `column()`'s type. */
type CodesOf<F extends string> = StructParse<F, 'code'> extends infer T extends unknown[] ? T : string[];
/** The format of column `K` (a name or a position) of a record format F with names N, as `column()` makes it. */
type ColumnFormat<F extends string, N, K> =
  string extends F ? string
  : number extends K ? string
  : (K extends number ? `${K}` : N extends readonly string[] ? { [P in keyof N]: N[P] extends K ? P : never }[number] : never) extends infer P
    ? P extends keyof CodesOf<F> ? `${F extends `${infer O extends '@' | '=' | '<' | '>' | '!'}${string}` ? O : ''}${CodesOf<F>[P] & string}` : string
    : string;
/** What an item of a StrArray accepts when written. */
export type ItemInputOf<F extends string, N extends readonly string[] | undefined = undefined> =
  string extends F ? unknown
  : F extends ScalarFormat ? InputOf<F>
  : N extends readonly string[] ? Named<StructInputs<F>, N> | StructInputs<F> : StructInputs<F>;
/** MemSlice has the methods of ByteMethods. */
export interface MemSlice extends ByteMethods {}

/** Options of a Struct and of `readStruct`: names for a record's values, and how s/p and q/Q values read. */
export interface StructOptions<N extends readonly string[] | undefined = readonly string[] | undefined, S extends StringsOption | undefined = StringsOption | undefined, I extends Int64Option | undefined = Int64Option | undefined> {
  /** One name per value of a record format: items become objects with these keys. */
  names?: N;
  /** s/p values read as strings decoded this way (invalid UTF-8 is a RangeError); writes take strings (as Latin-1 with 'latin1') or bytes. */
  strings?: S;
  /** `'number'`: q/Q read as numbers; a value beyond ±(2^53 − 1) is a RangeError. */
  int64?: I;
}
/** Options of a StrArray: names, strings and int64 as for a Struct, and where the items lie. */
export interface StrArrayOptions<N extends readonly string[] | undefined = readonly string[] | undefined, S extends StringsOption | undefined = StringsOption | undefined, I extends Int64Option | undefined = Int64Option | undefined> extends StructOptions<N, S, I> {
  /** At most this many items (an integer >= 0): the array ends there even when the buffer goes on. It cannot change size. */
  length?: number;
  /** Bytes before item 0 (default 0). */
  offset?: number;
  /** Bytes from one item to the next (default: itemsize; at least itemsize). An offset or strided array cannot change size. */
  stride?: number;
}
/** One value of an item's layout. */
export interface StrArrayField {
  name: string | undefined;
  code: string;
  offset: number;
  size: number;
}

/**
 * Typed values in a struct format over any bytes-like. The format literal
 * gives the item type: `new StrArray('<q', buf).get(0)` is a bigint,
 * `new StrArray('<IH', buf).get(0)` a `[number, number]`, and with
 * `{names: ['id', 'x']}` an `{id: number, x: number}`.
 */
export declare class StrArray<const F extends string = string, const N extends readonly string[] | undefined = undefined, const S extends StringsOption | undefined = undefined, const I extends Int64Option | undefined = undefined> implements Iterable<ItemOf<F, N, S, I>> {
  /** `format`: Python's struct format language (SPEC §5); a scalar (`'<i'`) or a record (`'<I4sHh'`). */
  constructor(format: F, buffer?: BytesLike, options?: StrArrayOptions<N, S, I>);
  /** Per value of an item: name, code, offset and size. */
  readonly fields: StrArrayField[];
  /** Bytes before item 0. */
  readonly offset: number;
  /** Bytes from one item to the next. */
  readonly stride: number;
  /** A live view of one value of every record (a name or a position), with stride = the record stride; it keeps the field's type and the strings and int64 options. */
  column<const K extends (N extends readonly string[] ? N[number] : never) | number>(field: K): StrArray<ColumnFormat<F, N, K>, undefined, S, I>;
  /** A column by a name known only at run time (a `string`): its format is a `string` too. */
  column<K extends string>(field: string extends K ? K : never): StrArray<string, undefined, S, I>;
  /** The format string as given. */
  readonly format: string;
  /** Bytes per item (wasm32 C sizes). */
  readonly itemsize: number;
  /** The wrapped object. */
  readonly buffer: BytesLike;
  /** floor(bytes / itemsize). */
  readonly length: number;
  /** The value at `i` (negative from the end). @throws {RangeError} out of range */
  get(i: number): ItemOf<F, N, S, I>;
  /** Sets the value at `i`; nothing is written when the value is refused (RangeError: does not fit; TypeError: wrong type). */
  set(i: number, value: ItemInputOf<F, N>): void;
  /** Like `Array.prototype.at`. */
  at(i: number): ItemOf<F, N, S, I> | undefined;
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
  fill(value: ItemInputOf<F, N>, start?: number, stop?: number): this;
  /** Equal lengths and values (`===`) with another StrArray or any iterable. */
  equals(other: Iterable<unknown>): boolean;
  /** Every value, as a JS array. */
  toArray(): ItemOf<F, N, S, I>[];
  /** A copy in the platform's typed array (`e` gives Float32Array; `?` and `c` give Uint8Array). */
  toTypedArray(): Int8Array | Uint8Array | Int16Array | Uint16Array | Int32Array | Uint32Array | BigInt64Array | BigUint64Array | Float32Array | Float64Array;
  /** By view over a MemSlice buffer, else a copy in a new Chunk. */
  slice(start?: number, stop?: number): StrArray<F, N, S, I>;
  /** Appends values (all or nothing); returns the new length. Needs a resizable buffer. */
  push(...values: ItemInputOf<F, N>[]): number;
  /** Appends the values of an iterable (a typed array counts as values). */
  extend(values: Iterable<ItemInputOf<F, N>>): this;
  /** Inserts before `i`, clamped like Python's `list.insert`. */
  insert(i: number, value: ItemInputOf<F, N>): void;
  /** Removes and returns the item at `i` (default: the last). @throws {RangeError} when empty or out of range */
  pop(i?: number): ItemOf<F, N, S, I>;
  /** Removes the first item `===` `value`. @throws {NotFoundError} when absent */
  remove(value: unknown): void;
  /** Like `Array.prototype.splice`; returns the removed values. */
  splice(start?: number, deleteCount?: number, ...items: ItemInputOf<F, N>[]): ItemOf<F, N, S, I>[];
  /** Python's `a[start:stop] = values`. */
  setSlice(start: number | undefined, stop: number | undefined, values: Iterable<ItemInputOf<F, N>>): void;
  /** Removes every item. */
  clear(): void;
  /** Python's `+=`. */
  iadd(values: Iterable<ItemInputOf<F, N>>): this;
  /** Python's `*=`. */
  imul(n: number): this;
  /** A copy of the items' bytes: what `Buffer.from(array)` copies (iteration gives the values). */
  valueOf(): Uint8ArrayCopy;
  /** `{type, format, data: values}`, BigInts as decimal strings and bytes as arrays of numbers. */
  toJSON(): { type: string; format: string; data: unknown[] };
  /** Frees the chunk this array made (a buffer you passed is left alone). */
  free(): void;
  [Symbol.dispose](): void;
  [Symbol.iterator](): IterableIterator<ItemOf<F, N, S, I>>;
  [bytes](access?: 'read' | 'write'): Uint8Array | null;
}

/** A StrArray over a new Chunk of its own. */
export declare class ChunkArray<const F extends string = string, const N extends readonly string[] | undefined = undefined, const S extends StringsOption | undefined = undefined, const I extends Int64Option | undefined = undefined> extends StrArray<F, N, S, I> {
  /** Filled from an iterable of values (a typed array counts as values, never raw bytes). */
  constructor(format: F, values?: Iterable<ItemInputOf<F, N>>, options?: StrArrayOptions<N, S, I>);
  /** A ChunkArray holding a copy of raw bytes. */
  static fromBytes<const F extends string, const N extends readonly string[] | undefined = undefined, const S extends StringsOption | undefined = undefined, const I extends Int64Option | undefined = undefined>(format: F, data: ReadableBytes, options?: StrArrayOptions<N, S, I>): ChunkArray<F, N, S, I>;
  /** Python's `+`. */
  concat(other: Iterable<ItemInputOf<F, N>>): ChunkArray<F, N, S, I>;
  /** Python's `*`. */
  repeat(n: number): ChunkArray<F, N, S, I>;
  slice(start?: number, stop?: number): ChunkArray<F, N, S, I>;
}

/** A file over any bytes-like, with `io.BytesIO`'s semantics. */
export declare class StrIO implements Iterable<Uint8ArrayCopy> {
  /** `data`: any bytes-like (a string: its UTF-8 bytes, read-only); a new Chunk by default. */
  constructor(data?: ReadableBytes);
  /** The wrapped data. */
  readonly data: BytesLike;
  /** The file's size: the data's length now. */
  readonly size: number;
  /** Whether `close()` was called. */
  readonly closed: boolean;
  /** Up to `n` bytes (negative: to the end), a copy. */
  read(n?: number): Uint8ArrayCopy;
  /** Reads into a writable bytes-like; returns the number of bytes read. */
  readinto(target: BytesLike): number;
  /** One line, up to and including `\n`, at most `limit` bytes (negative: no limit). */
  readline(limit?: number): Uint8ArrayCopy;
  /** The remaining lines (with `hint`: until that many bytes were read). */
  readlines(hint?: number): Uint8ArrayCopy[];
  /** Writes at the position, growing the data through `resize` when it can. */
  write(b: ReadableBytes): number;
  /** whence 0: start, 1: current, 2: end. A negative result is a RangeError. */
  seek(offset: number, whence?: 0 | 1 | 2): number;
  /** The position. */
  tell(): number;
  /** Cuts to `size` (default: the position); never extends. */
  truncate(size?: number): number;
  /** A copy of all the bytes. */
  getvalue(): Uint8ArrayCopy;
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
  /**
   * One value in a StrArray format at the position, which advances; typed by
   * the format literal (`readStruct('<H')` is a number). @throws {RangeError} past the end
   */
  readStruct<const F extends string, const N extends readonly string[] | undefined = undefined, const S extends StringsOption | undefined = undefined, const I extends Int64Option | undefined = undefined>(format: F, options?: StructOptions<N, S, I>): ItemOf<F, N, S, I>;
  /** Writes one item in a StrArray format at the position: a scalar's value, or a record's values in order or as one array; returns the bytes written. */
  writeStruct<const F extends string>(format: F, ...values: WriteStructArgs<F>): number;
  /** A ReadableStream of the bytes from the position on (64 KiB pieces, pulled). */
  readableStream(): ReadableStream<Uint8ArrayCopy>;
  /** A WritableStream writing at the position. */
  writableStream(): WritableStream<ReadableBytes>;
  /** Frees the chunk this file made (data you passed is left alone) and closes. */
  free(): void;
  [Symbol.dispose](): void;
  [Symbol.iterator](): IterableIterator<Uint8ArrayCopy>;
}

/** A StrIO over a new Chunk holding a copy of `initial`. */
export declare class ChunkIO extends StrIO {
  constructor(initial?: ReadableBytes);
}

/** Anything `dumps` serialises. */
export type Dumpable = Chunk | MemSlice | StrArray<string, any> | ArrayBuffer | Uint8Array | Dumpable[];

/** Serialises chunks, slices, arrays and buffers, keeping shared bases shared. */
export declare function dumps(value: Dumpable): Uint8ArrayCopy;
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
export type StructValue = number | bigint | boolean | string | Uint8ArrayCopy;
/** Any value a struct format writes (`?` takes any value, by its truthiness). */
export type StructInput = unknown;

type StructDigit = '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9';
type StructSpace = ' ' | '\t' | '\n' | '\r' | '\v' | '\f';
type StructCode = 'c' | 'b' | 'B' | '?' | 'h' | 'H' | 'i' | 'I' | 'l' | 'L' | 'q' | 'Q' | 'n' | 'N' | 'P' | 'e' | 'f' | 'd' | 's' | 'p';
/** One value of code C, as read ('read') or as accepted when written ('write'). */
type StructCodeValue<C extends string, K extends 'read' | 'write' | 'code'> =
  K extends 'code' ? C
  : C extends 'q' | 'Q' ? (K extends 'read' ? bigint : bigint | number)
  : C extends '?' ? (K extends 'read' ? boolean : unknown)
  : C extends 'c' ? (K extends 'read' ? string : string | ArrayBufferView)
  : C extends 's' | 'p' ? (K extends 'read' ? Uint8ArrayCopy : ReadableBytes)
  : number;
type StructRepeat<T, N extends number, Acc extends unknown[] = []> =
  Acc['length'] extends N ? Acc : StructRepeat<T, N, [...Acc, T]>;
/** Count digits (as text) of code C, appended to Acc; never when too many. */
type StructItem<C extends string, Count extends string, Acc extends unknown[], K extends 'read' | 'write' | 'code'> =
  C extends 'x' ? Acc
  : C extends 's' | 'p' ? [...Acc, K extends 'code' ? `${Count extends '' ? '1' : Count}${C}` : StructCodeValue<C, K>]
  : Count extends '' ? [...Acc, StructCodeValue<C, K>]
  : Count extends `${infer N extends number}` ? (`${N}` extends `${StructDigit}` | `${StructDigit}${StructDigit}` ? StructRepeat<StructCodeValue<C, K>, N> extends infer R extends unknown[] ? [...Acc, ...R] : never : never)
  : never;
type StructItems<S extends string, Count extends string, Acc extends unknown[], K extends 'read' | 'write' | 'code'> =
  S extends '' ? (Count extends '' ? Acc : never)
  : S extends `${infer C}${infer R}` ?
    C extends StructDigit ? StructItems<R, `${Count}${C}`, Acc, K>
    : C extends StructSpace ? (Count extends '' ? StructItems<R, '', Acc, K> : never)
    : C extends StructCode | 'x' ? StructItems<R, '', StructItem<C, Count, Acc, K>, K>
    : never
  : never;
type StructParse<F extends string, K extends 'read' | 'write' | 'code'> =
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
export declare function pack<const F extends string>(format: F, ...values: StructInputs<F>): Uint8ArrayCopy;
/** Packs into `dest` at `offset` (negative: from the end); a rejected call writes nothing. */
export declare function packInto<const F extends string>(format: F, dest: BytesLike, offset: number, ...values: StructInputs<F>): void;
/** The values of `bytes`, whose length must be exactly calcsize(format). @throws {RangeError} for another length */
export declare function unpack<const F extends string>(format: F, bytes: ReadableBytes): StructValues<F>;
/** The values of one record at `offset` (negative: from the end). */
export declare function unpackFrom<const F extends string>(format: F, bytes: ReadableBytes, offset?: number): StructValues<F>;
/** The records of `bytes` (a multiple of calcsize(format) bytes, read as they are now), one array each. */
export declare function iterUnpack<const F extends string>(format: F, bytes: ReadableBytes): IterableIterator<StructValues<F>>;

/** What `writeStruct(F, ...)` takes: a scalar format's one value; a record's values in order, or one array of them. */
type WriteStructArgs<F extends string> =
  string extends F ? unknown[]
  : F extends ScalarFormat ? [value: InputOf<F>]
  : StructInputs<F> | [values: StructInputs<F>];
/** What `Struct.pack` takes: the values in order, or with names one object with every name. */
type StructPackArgs<F extends string, N> = N extends readonly string[] ? StructInputs<F> | [record: Named<StructInputs<F>, N>] : StructInputs<F>;
/** A record a Struct reads: a tuple (also for a scalar format, as Python's unpack), or an object with names. */
type StructRecord<F extends string, N, S, I> = RecordOf<F, N, S, I>;

/**
 * A format compiled once, as Python's struct.Struct. With options
 * (`names`, `strings`, `int64`, as StrArray's) records read as objects with
 * those names and values converted, and `pack` also takes one object.
 */
export declare class Struct<const F extends string = string, const N extends readonly string[] | undefined = undefined, const S extends StringsOption | undefined = undefined, const I extends Int64Option | undefined = undefined> {
  /** @throws {TypeError} for an invalid format or options */
  constructor(format: F, options?: StructOptions<N, S, I>);
  /** The format string. */
  readonly format: F;
  /** Bytes per record (calcsize). */
  readonly size: number;
  pack(...values: StructPackArgs<F, N>): Uint8ArrayCopy;
  packInto(dest: BytesLike, offset: number, ...values: StructPackArgs<F, N>): void;
  unpack(bytes: ReadableBytes): StructRecord<F, N, S, I>;
  unpackFrom(bytes: ReadableBytes, offset?: number): StructRecord<F, N, S, I>;
  iterUnpack(bytes: ReadableBytes): IterableIterator<StructRecord<F, N, S, I>>;
}

/**
 * A masked pattern (SPEC §10): matches at `i` when
 * `(data[i + k] & mask[k]) === (bytes[k] & mask[k])` for every `k`. An
 * immutable copy of its bytes and mask; not a bytes-like. Accepted by every
 * function and method that takes a search pattern; a full mask behaves
 * exactly as its bytes.
 */
export declare class Pattern {
  /** `bytes` and `mask` of the same length (a mask bit 1: that bit must match). */
  constructor(bytes: ReadableBytes, mask: ReadableBytes);
  /** The length in bytes. */
  readonly length: number;
  /** A copy of the bytes (bits outside the mask are 0). */
  readonly bytes: Uint8Array;
  /** A copy of the mask. */
  readonly mask: Uint8Array;
  /** As `hexPattern` text: `'4d 5a ?? 5?'` (what `console.log` shows too: `Pattern <4d 5a ?? 5?>`). */
  toString(): string;
}

/**
 * A masked pattern from hex text, as the CLI's `--hex` reads it: pairs of hex
 * digits, `??` any byte, `4?` / `?d` one nibble fixed; whitespace, and one
 * `:` or `-` (`'4d:5a'`, `'4d-5a'`, `'4d : 5a'`), between bytes ignored, never
 * inside one. Anything else, or an empty text: `RangeError` naming the
 * 0-based position.
 */
export declare function hexPattern(text: string): Pattern;

/** One pattern of a set: bytes-like, string, byte value or `Pattern`. */
export type AnyPattern = SearchPattern;

/**
 * The lowest match of any of `patterns` in `dest[start:end]` aligned on
 * `step`: `{index, pattern}` (`pattern` its position in the list; at one
 * offset the lowest wins), or `null`. An empty list or pattern: `RangeError`.
 */
export declare function findAny(dest: ReadableBytes, patterns: Iterable<AnyPattern>, start?: number, end?: number, step?: number): { index: number; pattern: number } | null;

/**
 * Every match of every pattern as `[index, pattern]`, ordered by index then
 * pattern number; lazy, like `findAll`.
 */
export declare function findAllAny(dest: ReadableBytes, patterns: Iterable<AnyPattern>, start?: number, end?: number, step?: number): IterableIterator<[number, number]>;

/**
 * How often each byte value occurs in `bytes[start:end]` (Python slice
 * positions: negative counts from the end, then clamped; `start >= end` is
 * empty): a new `Uint32Array` of 256 counts, `h[v]` for byte value `v`.
 * Bytes in wasm memory (a `Chunk`, a `MemSlice` of one) are counted in place,
 * other bytes through one 256 KiB window, so any size works in bounded memory.
 * @throws {RangeError} when a value occurs 2^32 times or more (only possible
 * in a range of 4 GiB or more): a `Uint32Array` count holds at most
 * 2^32 − 1, so count such a range in parts
 */
export declare function histogram(bytes: ReadableBytes, start?: number, end?: number): Uint32Array;

/** One built-in file signature: `pattern` sits `offset` bytes from the start of the file it marks. */
/** One built-in file signature (SPEC §10). */
export interface MagicEntry {
  /** Short and lowercase (`png`, `zip`, `pe`): what `mem scan --magic=png,zip` and the web tool choose by. */
  readonly id: string;
  readonly name: string;
  readonly pattern: Pattern;
  /** Where `pattern` sits from the start of the file it marks (4 for MP4's `ftyp`, 257 for tar's `ustar`). */
  readonly offset: number;
  /** The bytes from a match that `check` may read: at least the pattern's length. */
  readonly reach: number;
  /**
   * A structural test of the header after a match of `pattern` at `at` in
   * `bytes` (any bytes-like, as findAllAny takes it, or an array of byte
   * values; MZ: `e_lfanew` in range and `PE\0\0` there; gzip: reserved
   * flag bits clear; JPEG: a marker after `ff d8`, ...), or null when the
   * signature is long enough alone. It reads only `bytes[at .. at + reach)`
   * and answers false when the header is not whole (cut by the end of
   * `bytes`) or `at` is not a position in `bytes`.
   */
  readonly check: ((bytes: ReadableBytes | ArrayLike<number>, at: number) => boolean) | null;
}

/**
 * The built-in table of well-known file signatures (PNG, JPEG, ZIP, ELF, MP4 at 4, tar at 257, ...).
 * A hit of `findAllAny(data, magic.map((m) => m.pattern))` at `i` marks a file at
 * `i - offset` when `magic[k].check?.(data, i) ?? true`.
 */
export declare const magic: readonly MagicEntry[];
