#ifndef CSHA256ACCEL_H
#define CSHA256ACCEL_H

#include <stddef.h>
#include <stdint.h>

/// The 64 SHA-256 round constants (FIPS 180-4 §4.2.2), shared by the Swift and the accelerated paths.
extern const uint32_t sendout_sha256_k[64];

/// 1 when this CPU has the x86 SHA extensions (and SSSE3/SSE4.1) that sendout_sha256_compress_ni needs.
int sendout_sha256_ni_available(void);

/// SHA-256 compression of `blocks` 64-byte blocks at `data` into `state` (the 8 words H0..H7),
/// with the x86 SHA extensions. Call only when sendout_sha256_ni_available() returns 1.
void sendout_sha256_compress_ni(uint32_t state[8], const uint8_t *data, size_t blocks);

#endif
