package nl.burnoutprofiler.server;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The case id of an intake that an EHR filled in without one: a keyed hash (HMAC-SHA-256) of the CDS client and the
 * patient id, so that the same patient seen through the same client is always the same case, on every server that
 * shares the database's key, while the case id reveals neither, and nobody without the key can test a guessed
 * patient id against it. Two clients that know one patient get two cases: their ids may come from different
 * registers.
 */
final class CasePseudonyms {

    static final String KEY_NAME = "cds-case-pseudonyms";
    private static final String PREFIX = "pt-";
    private static final int HASH_BYTES_KEPT = 16;

    private final SecretKeySpec key;

    CasePseudonyms(byte[] key) {
        this.key = new SecretKeySpec(key, "HmacSHA256");
    }

    String of(String client, String patientId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(client.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0); // so that ("ab", "c") and ("a", "bc") differ
            byte[] hash = mac.doFinal(patientId.getBytes(StandardCharsets.UTF_8));
            return PREFIX + HexFormat.of().formatHex(Arrays.copyOf(hash, HASH_BYTES_KEPT));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is part of every Java runtime", e);
        }
    }
}
