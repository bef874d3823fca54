/*
 * test_sha256.c: src/store/sha256.c against the FIPS 180-4 / NIST example
 * vectors, fed whole and byte by byte (the audit chain depends on every
 * digest being exactly the standard one).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "jzz/sha256.h"

struct vector {
	const char *msg;
	const char *hex;
};

static const struct vector vectors[] = {
	{ "", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" },
	{ "abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" },
	{ "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
	  "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1" },
	{ "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopq"
	  "klmnopqrlmnopqrsmnopqrstnopqrstu",
	  "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1" },
	{ "The quick brown fox jumps over the lazy dog",
	  "d7a8fbb307d7809469ca9abcb0082e4f8d5651e46d3cdb762d02d0bf37c9e592" },
};

static void
test_sha256_vectors(void **state)
{
	char out[SHA256_HEX_LEN];

	(void)state;
	for (size_t i = 0; i < sizeof vectors / sizeof vectors[0]; i++) {
		sha256_hex(vectors[i].msg, strlen(vectors[i].msg), out);
		assert_string_equal(out, vectors[i].hex);
	}
}

static void
test_sha256_bytewise(void **state)
{
	char          out[SHA256_HEX_LEN];
	struct sha256 ctx;

	(void)state;
	for (size_t i = 0; i < sizeof vectors / sizeof vectors[0]; i++) {
		sha256_init(&ctx);
		for (const char *p = vectors[i].msg; *p != '\0'; p++)
			sha256_update(&ctx, p, 1);
		sha256_final_hex(&ctx, out);
		assert_string_equal(out, vectors[i].hex);
	}
}

/* One million 'a': many blocks, fed in uneven pieces. */
static void
test_sha256_million(void **state)
{
	char          out[SHA256_HEX_LEN];
	struct sha256 ctx;
	char         *buf = malloc(1000000);
	size_t        off = 0, step = 1;

	(void)state;
	assert_non_null(buf);
	memset(buf, 'a', 1000000);
	sha256_hex(buf, 1000000, out);
	assert_string_equal(out, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
	sha256_init(&ctx);
	while (off < 1000000) {
		size_t n = step < 1000000 - off ? step : 1000000 - off;

		sha256_update(&ctx, buf + off, n);
		off += n;
		step = step * 7 % 997 + 1;
	}
	sha256_final_hex(&ctx, out);
	assert_string_equal(out, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
	free(buf);
}

/* Lengths around the padding boundary (55, 56, 63, 64 bytes). */
static void
test_sha256_boundaries(void **state)
{
	static const char *const expect[] = {
		/* 55, 56, 63, 64 'a' */
		"9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318",
		"b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a",
		"7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34",
		"ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb",
	};
	static const size_t lens[] = { 55, 56, 63, 64 };
	char                buf[64], out[SHA256_HEX_LEN];

	(void)state;
	memset(buf, 'a', sizeof buf);
	for (size_t i = 0; i < 4; i++) {
		sha256_hex(buf, lens[i], out);
		assert_string_equal(out, expect[i]);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sha256_vectors),
		cmocka_unit_test(test_sha256_bytewise),
		cmocka_unit_test(test_sha256_million),
		cmocka_unit_test(test_sha256_boundaries),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
