package nl.burnoutprofiler.server;

import java.util.Arrays;
import java.util.HexFormat;

import nl.burnoutprofiler.store.KeyedHash;

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

    private final KeyedHash hash;

    CasePseudonyms(byte[] key) {
        this.hash = new KeyedHash(key);
    }

    String of(String client, String patientId) {
        return PREFIX + HexFormat.of().formatHex(Arrays.copyOf(hash.of(client, patientId), HASH_BYTES_KEPT));
    }
}
