/*
 * mem_ref.h - reference implementations of the mem.h functions: the slow,
 * obvious loops, written straight from the contract. Used only by tests and
 * fuzzers as the oracle the real kernels are checked against; never linked
 * into the library.
 */
#ifndef MEM_REF_H
#define MEM_REF_H

#include "mem.h"

size_t mem_ref_find(const uint8_t *hay, size_t hay_len, const uint8_t *pat, size_t pat_len, size_t start,
                    size_t end, size_t step);
size_t mem_ref_rfind(const uint8_t *hay, size_t hay_len, const uint8_t *pat, size_t pat_len, size_t start,
                     size_t end, size_t step);
int mem_ref_cmp(const uint8_t *a, size_t a_len, const uint8_t *b, size_t b_len);
void mem_ref_copy(uint8_t *dst, const uint8_t *src, size_t n);
size_t mem_ref_diff(const uint8_t *a, size_t a_len, const uint8_t *b, size_t b_len);
size_t mem_ref_rdiff(const uint8_t *a, size_t a_len, const uint8_t *b, size_t b_len);
size_t mem_ref_match(const uint8_t *a, size_t a_len, const uint8_t *b, size_t b_len);
size_t mem_ref_rmatch(const uint8_t *a, size_t a_len, const uint8_t *b, size_t b_len);
void mem_ref_histogram(const uint8_t *bytes, size_t n, uint64_t counts[256]);
/* mem_gather from the contract, one byte at a time (same arguments and result). */
int mem_ref_gather(uint8_t *dst, size_t dst_stride, const uint8_t *src, size_t src_stride, size_t n,
                   size_t size, int swap);
void mem_ref_fill_pattern(uint8_t *dst, size_t n, const uint8_t *pat, size_t pat_len);
size_t mem_ref_find_masked(const uint8_t *hay, size_t hay_len, const uint8_t *pat, const uint8_t *mask,
                           size_t pat_len, size_t start, size_t end, size_t step);
size_t mem_ref_rfind_masked(const uint8_t *hay, size_t hay_len, const uint8_t *pat, const uint8_t *mask,
                            size_t pat_len, size_t start, size_t end, size_t step);
/* mem_multi_find from the contract, on the uncompiled set (same arguments). */
size_t mem_ref_multi_find(const uint8_t *pats, const uint8_t *masks, const size_t *lens, size_t count,
                          const uint8_t *hay, size_t hay_len, size_t start, size_t end, size_t cand_end,
                          size_t step, size_t min_pat, size_t *out, size_t max);

#endif /* MEM_REF_H */
