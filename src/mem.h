/*
 * mem.h - the C core of wasm-mem: byte search with an alignment step,
 * comparison, overlap-safe copy, first/last difference and match, and the
 * byte histogram.
 *
 * This header is the documentation of the C API. The search, compare, copy,
 * fill and histogram functions work on caller-owned memory given as (pointer, length)
 * pairs; none of them allocates or keeps state. The chunk functions near the
 * end are the exception: they wrap the C allocator and count its calls.
 * Positions and lengths are size_t; "not found" is MEM_NPOS.
 *
 * src/mem_format.h, the C side of the struct-format rules of SPEC section 5,
 * is part of the core although only the `mem` command calls it: the JS
 * package implements the same rules in JS and both are checked against the
 * same Python-made vectors; here the C side is built with the core's
 * warnings and sanitizers and fuzzed natively with the rest of the core
 * (tests/fuzz/fuzz_format.c), which the WASI-only `wasi/` tree is not.
 *
 * Bounds contract shared by the search functions: the caller passes
 * positions already normalised (the JS and CLI layers apply Python's slice
 * rules), with end <= hay_len. A start beyond end finds nothing. An empty
 * pattern matches at every aligned position i with start <= i <= end.
 */
#ifndef MEM_H
#define MEM_H

#include <stddef.h>
#include <stdint.h>

/*
 * Masked patterns (SPEC §10): pat matches at i when
 * (hay[i + k] & mask[k]) == (pat[k] & mask[k]) for every k < pat_len; a
 * mask byte 0xFF is a fixed byte, 0x00 any byte, 0xF0 a fixed high nibble.
 * Positions, bounds, steps and the empty pattern as mem_find, mem_rfind and
 * mem_find_many. Cost: O(n) for the SIMD filter on the two most selective
 * positions (fully fixed rare bytes first) plus O(m) per candidate that
 * passes it: O(n * m) in the worst case, about mem_find's speed on typical
 * data. A mask of all zeros matches at every aligned position. O(1) space.
 */
size_t mem_find_masked(const uint8_t *hay, size_t hay_len, const uint8_t *pat, const uint8_t *mask,
                       size_t pat_len, size_t start, size_t end, size_t step);
size_t mem_rfind_masked(const uint8_t *hay, size_t hay_len, const uint8_t *pat, const uint8_t *mask,
                        size_t pat_len, size_t start, size_t end, size_t step);
size_t mem_find_masked_many(const uint8_t *hay, size_t hay_len, const uint8_t *pat, const uint8_t *mask,
                            size_t pat_len, size_t start, size_t end, size_t step, size_t *out, size_t max);

/*
 * How common a byte value is, by the fixed table the search kernels pick
 * their probes with: 0 the rarest value, 255 the most common (only the order
 * means anything). Exported so that the JS package ranks a pattern's bytes
 * by the same table (search/inplace.js). Cost: O(1).
 */
uint8_t mem_byte_rarity(uint8_t byte);

/*
 * Many patterns in one pass. The set (count patterns, their bytes and masks
 * concatenated in pats and masks, their lengths in lens, none empty) is
 * compiled into a caller-owned blob of mem_multi_size bytes by
 * mem_multi_prepare (0 on success). The blob holds offsets, not pointers: it
 * may be copied or moved and reused for any number of searches. Align it to
 * 4 bytes.
 *
 * Size: at most 25 KiB + 4 * max(16384, count) + 16 * count + 2 * total
 * bytes, total being the sum of the lengths, whatever the masks: wildcard
 * bits in the patterns' first four bytes (their fingerprint) are expanded
 * into at most 4096 fingerprint values per pattern and 16,384 for the set
 * (one per pattern when there are more patterns); past that, fingerprint
 * bits are dropped instead (the pattern's last wildcard bits first), which
 * makes the filter pass more positions, not the tables larger. Refused (size
 * 0, prepare -1, nothing written): count 0, an empty pattern, count >
 * UINT32_MAX / 16, or a blob that would take UINT32_MAX bytes or more (its
 * offsets are 32-bit; every size is computed with overflow checks). Sets
 * refused for their lengths alone are refused before any mask is read.
 *
 * mem_multi_find writes (position, pattern number) pairs into out[0 .. 2 *
 * max), ordered by position then pattern number, and returns how many
 * pairs. Reported: every pattern p matching at i with start <= i < cand_end,
 * (i - start) % step == 0 and i + len(p) <= end (end clamped to hay_len,
 * cand_end to end), except patterns numbered below min_pat at i == start.
 * A full output (max pairs) may not be all: resume with start = the last
 * position and min_pat = its pattern + 1 (0 otherwise). cand_end lets a
 * caller scanning windows of a stream settle only the positions where every
 * pattern is visible (window end - longest + 1), and keep the rest for the
 * next window, so that matches still come out in order.
 * Cost: O(n) for a SIMD nibble-table prefilter (up to 64 patterns) and a
 * hashed fingerprint of up to 4 bytes (every set), plus O(m) per pattern
 * verified at a position that passes: about independent of the pattern
 * count on typical data, O(n * total length) in the worst case (a pattern
 * that starts with four wildcard bytes lets every position through).
 * Compiling: O(total + count + max(16384, count)).
 */
size_t mem_multi_size(const uint8_t *masks, const size_t *lens, size_t count);
int mem_multi_prepare(void *blob, const uint8_t *pats, const uint8_t *masks, const size_t *lens,
                      size_t count);
size_t mem_multi_find(const void *blob, const uint8_t *hay, size_t hay_len, size_t start, size_t end,
                      size_t cand_end, size_t step, size_t min_pat, size_t *out, size_t max);

#ifdef __cplusplus
extern "C" {
#endif

/* Returned by every function that reports a position when there is none. */
#define MEM_NPOS ((size_t)-1)

/*
 * Lowest i with start <= i, i + pat_len <= end, (i - start) % step == 0 and
 * hay[i .. i + pat_len) equal to pat; MEM_NPOS when there is none.
 * Requires end <= hay_len and step >= 1 (step 0 returns MEM_NPOS).
 * Cost: O((end - start) + pat_len) in the worst case, whatever the step
 * (a SIMD scan for the pattern's rarest byte while it stays rare, then a
 * filter on two rare bytes, Two-Way when that lets too many candidates
 * through); on typical input about the speed of a one-byte search (memchr),
 * or of reading the haystack twice when the rare byte is frequent there.
 * O(1) extra space.
 */
size_t mem_find(const uint8_t *hay, size_t hay_len, const uint8_t *pat, size_t pat_len, size_t start,
                size_t end, size_t step);

/*
 * Highest i satisfying the same conditions as mem_find; MEM_NPOS when none.
 * Alignment is still measured from start, so the highest candidate is
 * start + k * step for the largest k that fits. Cost as mem_find.
 */
size_t mem_rfind(const uint8_t *hay, size_t hay_len, const uint8_t *pat, size_t pat_len, size_t start,
                 size_t end, size_t step);

/*
 * Fills out[0 .. max) with successive matches of mem_find, ascending, starting
 * the scan at start (overlapping matches included) and returns how many were
 * written. A return value of max means there may be more: resume with
 * start = out[max - 1] + step. Lets callers collect matches in batches with
 * one call per batch instead of one per match. Cost per call as mem_find
 * over the part of the haystack it scans, however many matches it lists.
 */
size_t mem_find_many(const uint8_t *hay, size_t hay_len, const uint8_t *pat, size_t pat_len, size_t start,
                     size_t end, size_t step, size_t *out, size_t max);

/*
 * Lexicographic comparison of a[0 .. a_len) and b[0 .. b_len): -1, 0 or 1.
 * A proper prefix sorts first. Cost: O(min(a_len, b_len)).
 */
int mem_cmp(const uint8_t *a, size_t a_len, const uint8_t *b, size_t b_len);

/*
 * Copies n bytes from src to dst; the areas may overlap (memmove semantics).
 * Returns n.
 */
size_t mem_copy(uint8_t *dst, const uint8_t *src, size_t n);

/*
 * Lowest i < min(a_len, b_len) with a[i] != b[i]; MEM_NPOS when the common
 * prefix agrees. Cost: O(min(a_len, b_len)).
 */
size_t mem_diff(const uint8_t *a, size_t a_len, const uint8_t *b, size_t b_len);

/* Lowest i < min(a_len, b_len) with a[i] == b[i]; MEM_NPOS when none. */
size_t mem_match(const uint8_t *a, size_t a_len, const uint8_t *b, size_t b_len);

/*
 * mem_diff from the right: a and b are aligned on their last bytes and
 * compared over n = min(a_len, b_len) bytes. Returns the highest differing
 * position as an index into a (a_len - n + k), or MEM_NPOS.
 */
size_t mem_rdiff(const uint8_t *a, size_t a_len, const uint8_t *b, size_t b_len);

/* mem_match from the right, aligned as mem_rdiff; index into a or MEM_NPOS. */
size_t mem_rmatch(const uint8_t *a, size_t a_len, const uint8_t *b, size_t b_len);

/*
 * Chunk storage. Chunks are the JS package's growable byte buffers; their
 * bytes live in blocks from these functions, which wrap the C allocator and
 * count what it does (see mem_stats).
 *
 * Blocks are aligned for any scalar (8 bytes on wasm32): the JS element
 * methods index typed views of memory by ptr >> log2(item size).
 * mem_chunk_alloc: a block of size bytes (size 0 is allowed), or NULL when
 * memory cannot grow. mem_chunk_realloc: like realloc, the contents kept up to
 * the smaller size; NULL on failure with the old block untouched.
 * mem_chunk_free: releases a block (NULL is ignored).
 */
void *mem_chunk_alloc(size_t size);
void *mem_chunk_realloc(void *p, size_t size);
void mem_chunk_free(void *p);

/* Allocator statistics, a debugging aid: counts since start-up, and the
 * bytes the allocator has handed out and not taken back (all users; 0 where
 * the C library does not tell, as in wasi-libc). */
struct mem_stats {
  size_t allocations;
  size_t reallocations;
  size_t frees;
  size_t bytes_in_use;
};
void mem_stats(struct mem_stats *out);

/*
 * Fills dst[0 .. n) with pat repeated from its first byte (the last copy cut
 * short). pat may overlap dst's buffer only before dst (e.g. the chunk's own
 * earlier bytes). Nothing happens when n or pat_len is 0.
 * Cost: O(n) with O(log(n / pat_len)) memcpy calls.
 */
void mem_fill_pattern(uint8_t *dst, size_t n, const uint8_t *pat, size_t pat_len);

/*
 * Byte histogram: adds to counts[v] the number of bytes of value v in
 * bytes[0 .. n), for each v in 0..255 (the caller zeroes counts first, or
 * keeps adding window after window: the JS package and the `mem entropy`
 * command count inputs of any size that way). The counts are 64-bit, so no
 * input can overflow them (2^64 bytes); a caller that hands them on in 32
 * bits (the JS package's Uint32Array) checks them first. Cost: O(n), one
 * increment per byte, a 64-byte run of one value counted at once (SIMD).
 * O(1) extra space.
 */
void mem_histogram(const uint8_t *bytes, size_t n, uint64_t counts[256]);

/*
 * Strided copy of fixed-size items, the bulk path of strided views and
 * columns (a column of a record array is a strided view of one field):
 * for k < n, the `size` bytes at src + k * src_stride go to
 * dst + k * dst_stride, in reverse byte order when `swap` is non-zero (a
 * big-endian field read into little-endian values, or written back).
 *   gather:  dst_stride = size (items packed one after another);
 *   scatter: src_stride = size;
 *   fill:    src_stride = 0 (one item written n times).
 * Strides of 0 on both sides and strides smaller than `size` are allowed
 * (the caller means it); src and dst must not overlap except when they are
 * the same item layout (dst == src and equal strides: an in-place swap).
 * Returns 0, or -1 with nothing written when a byte position it would touch
 * is not representable: (n - 1) * stride + size overflows size_t on either
 * side. n == 0 or size == 0 writes nothing and returns 0.
 * Cost: O(n * size); sizes 2, 4 and 8 move one machine word per item and
 * swap 16 bytes of items per SIMD shuffle.
 */
int mem_gather(uint8_t *dst, size_t dst_stride, const uint8_t *src, size_t src_stride, size_t n, size_t size,
               int swap);

#ifdef __cplusplus
}
#endif

#endif /* MEM_H */
