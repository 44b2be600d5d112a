// The dump format of dumps/loads (SPEC §7) on the wire: its layout and the
// constants both sides use (serial.js writes, loads.js reads).
//
// Format, version 3 (all integers unsigned LEB128, at most 2^53 - 1):
//   dump   := "WMEM" u8(version) nbases base{nbases} value
//   base   := u8 kind (1 Chunk, 2 ArrayBuffer) length bytes{length}
//   value  := u8 tag, then by tag (the TAG_ constants below):
//     1 Chunk        base-index (of kind 1)
//     2 ArrayBuffer  base-index (of kind 2)
//     3 Uint8Array   base-index (of kind 2) byteOffset length (inside the buffer)
//     4 MemSlice     start stop value (whose tag is 1, 2, 3 or 8)
//     5 Array        count value{count}
//     6 StrArray     format-length format(ASCII) value (its buffer)
//     7 ChunkArray   format-length format(ASCII) base-index (of kind 1)
//    10 StrArray with names or a strided/column geometry: as 6, with a shape
//       after the format; 11 ChunkArray with names: as 7, with a shape
//       shape := names-count+1 (0: none) (length utf8-bytes){count} origin stride lead span
//    12 StrArray with options.length, strings or int64: as 10, with
//       options after the shape; 13 ChunkArray with strings or int64: as 11,
//       with options (the length 0)
//       options := length+1 (0: none) strings (0 none, 1 latin1, 2 utf-8)
//                  int64 (0 bigint, 1 number)
//     8 reference    n: the n-th value (counting from 0, in the order the
//                    values begin, references not counted) appearing again
//     9 open MemSlice  start value: a slice with stop Infinity (SPEC §4)
// Every base is referred to at least once; a base is its bytes, so sharing
// survives exactly. What a base holds is what the dumped objects hold: a
// Chunk, or an ArrayBuffer dumped as such, whole; an ArrayBuffer reached only
// through views, the smallest range that holds every view (offsets rebased),
// with the bytes no view covers written as zeros — never the neighbours a
// view does not show (a Node Buffer cut from the shared pool).
// Version 1 is version 2 without tags 8 and 9; it still loads (a ChunkArray
// written twice there, as version 1 did, loads as one array twice). Version
// 2 is version 3 without tags 12 and 13: a dump says version 2 unless it
// holds one of them, so what version 2 could say still loads where it did.

export const MAGIC = [0x57, 0x4d, 0x45, 0x4d]; // "WMEM"
export const VERSION = 3;
/** The version of a dump with no tag 12 or 13. */
export const VERSION_2 = 2;
/** StrArray's options.strings, numbered on the wire (0: none). */
export const STRINGS = [undefined, 'latin1', 'utf-8'];
/** Nesting deeper than this is refused, by both sides. */
export const MAX_DEPTH = 64;

// Base kinds.
export const KIND_CHUNK = 1;
export const KIND_BUFFER = 2;

// Value tags.
export const TAG_CHUNK = 1;
export const TAG_BUFFER = 2;
export const TAG_UINT8ARRAY = 3;
export const TAG_SLICE = 4;
export const TAG_ARRAY = 5;
export const TAG_STR_ARRAY = 6;
export const TAG_CHUNK_ARRAY = 7;
export const TAG_REF = 8; // version 2 on
export const TAG_OPEN_SLICE = 9; // version 2 on
export const TAG_SHAPED_ARRAY = 10; // version 2 on
export const TAG_SHAPED_CHUNK_ARRAY = 11; // version 2 on
export const TAG_OPTIONED_ARRAY = 12; // version 3 on
export const TAG_OPTIONED_CHUNK_ARRAY = 13; // version 3 on
