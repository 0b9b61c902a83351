package io.slipway.gateway.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The values of stored tokens: {@value #PREFIX} and 256 random bits (URL-safe Base64), so secret scanners know a
 * leaked one; kept only as their SHA-256. A value of 256 random bits needs no salt or slow hash: its hash gives a
 * guesser nothing to start from.
 */
public final class TokenValues {

    public static final String PREFIX = "slp_";

    private static final int RANDOM_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private TokenValues() {}

    public static String generate() {
        byte[] random = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(random);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    /** The stored form of a value: its SHA-256, in hex. */
    public static String hash(String value) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
