package nl.burnoutprofiler.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import nl.burnoutprofiler.engine.FieldProblem;

/** The strict, bounded reader of everything that comes in: each refusal names the field and the reason. */
class JsonInputTest {

    @Test
    void wellFormedJsonWithinTheLimitsIsRead() {
        assertThat(JsonInput.read("{\"a\":[1,2.5,\"t\\u00e9\\t\\n\"],\"b\":{\"c\":null}}").path("a").size()).isEqualTo(3);
        assertThat(JsonInput.read("{\"emoji\":\"\\ud83d\\ude00\"}".getBytes(StandardCharsets.UTF_8))
                .path("emoji").asText()).isEqualTo("😀");
    }

    @Test
    void aDuplicateKeyIsNamedWithItsPath() {
        assertRefused("{\"a\":{\"b\":[{\"c\":1,\"c\":2}]}}", "a.b[0].c", "appears twice");
    }

    @Test
    void bytesThatAreNotUtf8AreNamedByTheirField() {
        byte[] json = {'{', '"', 'n', '"', ':', '"', 'x', (byte) 0xff, '"', '}'};
        assertThatThrownBy(() -> JsonInput.read(json)).isInstanceOfSatisfying(JsonInput.Refused.class, e ->
                assertThat(e.problems()).containsExactly(new FieldProblem("n", null, "is not valid UTF-8 text")));
    }

    @Test
    void hugeExponentsAndLongNumbersAreRefusedCheaply() {
        assertRefused("{\"status\":1e99999999}", "status", "number out of range");
        assertRefused("{\"status\":-1e99999999}", "status", "number out of range");
        assertRefused("{\"n\":[" + "1".repeat(41) + "]}", "n[0]", "longer than 40");
        assertRefused("{\"n\":123456789012345678901234567890}", "n", "out of range");
        assertThat(JsonInput.read("{\"n\":1e-99999999}").path("n").doubleValue()).isZero();
    }

    @Test
    void textNestingListsAndSizeAreBounded() {
        assertRefused("{\"t\":\"" + "a".repeat(JsonInput.MAX_TEXT_CHARS + 1) + "\"}", "t", "longer than 100000");
        assertRefused("{\"d\":" + "[".repeat(40) + "]".repeat(40) + "}", "d" + "[0]".repeat(32), "deeper than 32");
        assertRefused("{\"l\":[" + "0,".repeat(JsonInput.MAX_LIST_ITEMS) + "0]}", "l", "at most 1000");
        assertRefused("\"" + "a".repeat(JsonInput.MAX_BYTES) + "\"", "$", "longer than 1000000 bytes");
    }

    @Test
    void controlCharactersAndBrokenSurrogatesAreRefused() {
        assertRefused("{\"t\":\"a\\u0000\"}", "t", "control character U+0000");
        assertRefused("{\"t\":\"a\u0001\"}", "t", "control character that is not escaped");
        assertRefused("{\"t\":\"\\ud800x\"}", "t", "unpaired surrogate");
        assertRefused("{\"a\\u0007\":1}", "a\u0007", "has a name that contains the control character U+0007");
        assertThat(JsonInput.read("{\"t\":\"\\t\\r\\n\"}").path("t").asText()).isEqualTo("\t\r\n");
    }

    @Test
    void syntaxErrorsSayWhereWithoutJavaNames() {
        assertRefused("{\"a\":1} {\"b\":2}", "$", "is not valid JSON");
        assertRefused("{\"a\":", "$", "is not valid JSON at line 1");
        assertRefused("", "$", "is empty");
        assertThat(JsonInput.plain("Unexpected character (`com.fasterxml.jackson.core.JsonToken`) at x"))
                .isEqualTo("Unexpected character at x");
    }

    private static void assertRefused(String json, String field, String reason) {
        assertThatThrownBy(() -> JsonInput.read(json)).as(json.length() > 100 ? json.substring(0, 100) : json)
                .isInstanceOfSatisfying(JsonInput.Refused.class, e -> {
                    assertThat(e.problems()).hasSize(1);
                    assertThat(e.problems().get(0).field()).isEqualTo(field);
                    assertThat(e.problems().get(0).reason()).contains(reason).doesNotContain("Exception")
                            .doesNotContain("com.fasterxml");
                });
    }
}
