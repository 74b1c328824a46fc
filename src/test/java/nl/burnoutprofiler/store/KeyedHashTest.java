package nl.burnoutprofiler.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

class KeyedHashTest {

    private static final byte[] KEY = "a key of the servers, 32 bytes..".getBytes(StandardCharsets.UTF_8);

    @Test
    void isTheHmacOfTheTextsJoinedByAZeroByte() throws Exception {
        // The hashes kept before (CDS case pseudonyms, sign-in keys) were made this way; they must stay the same.
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
        byte[] expected = mac.doFinal("client\0patient-7".getBytes(StandardCharsets.UTF_8));

        assertThat(new KeyedHash(KEY).of("client", "patient-7")).isEqualTo(expected);
    }

    @Test
    void whereOneTextEndsAndTheNextBeginsCounts() {
        KeyedHash hash = new KeyedHash(KEY);

        assertThat(hash.of("ab", "c")).isNotEqualTo(hash.of("a", "bc"));
        assertThat(hash.of("a", "b", "")).isNotEqualTo(hash.of("a", "b"));
    }

    @Test
    void dependsOnTheKey() {
        byte[] otherKey = "another key of the servers, 32 b".getBytes(StandardCharsets.UTF_8);

        assertThat(new KeyedHash(KEY).of("unit", "cell")).isNotEqualTo(new KeyedHash(otherKey).of("unit", "cell"));
    }
}
