/*
 * sha256.h: SHA-256 (FIPS 180-4), for the hash chain of the audit log.
 *
 * Written here rather than taken from a crypto library because the audit log
 * needs only this one function and the project links no crypto library; the
 * standard test vectors are in tests/store/test_sha256.c.
 */
#ifndef JZZ_SHA256_H
#define JZZ_SHA256_H

#include <stddef.h>
#include <stdint.h>

#define SHA256_DIGEST_LEN 32
#define SHA256_HEX_LEN    65   /* 64 hex digits + NUL */

struct sha256 {
	uint32_t h[8];
	uint64_t total;        /* bytes hashed so far */
	uint8_t  block[64];
	size_t   used;         /* bytes waiting in block */
};

void sha256_init(struct sha256 *ctx);
void sha256_update(struct sha256 *ctx, const void *data, size_t len);
void sha256_final(struct sha256 *ctx, uint8_t out[SHA256_DIGEST_LEN]);

/* One call: the digest of data as lower-case hex. */
void sha256_hex(const void *data, size_t len, char out[SHA256_HEX_LEN]);
/* A finished context's digest as lower-case hex. */
void sha256_final_hex(struct sha256 *ctx, char out[SHA256_HEX_LEN]);

#endif
