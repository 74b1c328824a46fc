package nl.burnoutprofiler.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Random session ids, CSRF tokens and API tokens, and the hashes they are stored under. These are 256 random bits,
 * so one SHA-256 suffices to keep a stolen database from yielding usable tokens; passwords, which people choose,
 * get a slow hash instead ({@link Passwords}).
 */
final class Secrets {

    static final String TOKEN_PREFIX = "bp_";

    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {
    }

    static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String newApiToken() {
        return TOKEN_PREFIX + newSecret();
    }

    static String hash(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Compares in time independent of where the texts differ. */
    static boolean same(String a, String b) {
        return a != null && b != null && MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8),
                b.getBytes(StandardCharsets.UTF_8));
    }
}
