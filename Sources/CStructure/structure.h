#ifndef ROBIN_CSTRUCTURE_H
#define ROBIN_CSTRUCTURE_H

#include <stdint.h>

/* The CSV scanner's bit maps of 64 bytes (RobinExports' BlockScanner): bit i of
   *quotes set when byte i is '"', bit i of *delimiters when it is ',' or below
   0x10 (LF, CR and the control bytes the scanner tells apart), *high when any
   byte has its high bit set.

   In C because Swift cannot express it: on x86-64, SSE2 (in every x86-64 CPU)
   compares 16 bytes at once and packs the results into 16 bits
   (_mm_cmpeq_epi8, _mm_movemask_epi8), but Swift's SIMD16 `.==` compiles to a
   loop over the lanes, and the arithmetic it used instead costs about 150
   instructions per 64 bytes (docs/performance.md). Static inline, so the
   Swift optimizer inlines it into the scanner's loop. Other CPUs: the same
   maps byte by byte. */
#if defined(__SSE2__)
#include <emmintrin.h>

static inline void robin_structure64(const uint8_t *p, uint64_t *quotes, uint64_t *delimiters, int *high) {
    const __m128i quote = _mm_set1_epi8('"'), comma = _mm_set1_epi8(','), top = _mm_set1_epi8((char)0xF0);
    const __m128i zero = _mm_setzero_si128();
    uint64_t q = 0, d = 0;
    int h = 0;
    for (int chunk = 0; chunk < 4; chunk++) {
        __m128i v = _mm_loadu_si128((const __m128i *)(p + 16 * chunk));
        __m128i below16 = _mm_cmpeq_epi8(_mm_and_si128(v, top), zero);
        q |= (uint64_t)(uint32_t)_mm_movemask_epi8(_mm_cmpeq_epi8(v, quote)) << (16 * chunk);
        d |= (uint64_t)(uint32_t)_mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(v, comma), below16)) << (16 * chunk);
        h |= _mm_movemask_epi8(v);
    }
    *quotes = q;
    *delimiters = d;
    *high = h != 0;
}
#else
static inline void robin_structure64(const uint8_t *p, uint64_t *quotes, uint64_t *delimiters, int *high) {
    uint64_t q = 0, d = 0;
    int h = 0;
    for (int i = 0; i < 64; i++) {
        uint8_t b = p[i];
        q |= (uint64_t)(b == '"') << i;
        d |= (uint64_t)(b == ',' || b < 0x10) << i;
        h |= b & 0x80;
    }
    *quotes = q;
    *delimiters = d;
    *high = h != 0;
}
#endif

#endif
