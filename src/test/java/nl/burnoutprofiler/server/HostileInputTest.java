package nl.burnoutprofiler.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import nl.burnoutprofiler.engine.catalogue.ObservationCode;
import nl.burnoutprofiler.fhir.IntakeQuestionnaire;
import nl.burnoutprofiler.store.Role;

/**
 * The hostile-input suite: generated intakes, CDS Hooks requests and FHIR QuestionnaireResponses, well-formed and
 * broken (wrong types, huge numbers, long text, deep nesting, duplicate keys, bytes that are not UTF-8, control
 * characters, unknown codes), sent to a real server. Whatever comes in: no 5xx, no Java name or stack trace in the
 * answer, every refusal a problem document naming a field, and nothing stored for a refused intake. Well-formed
 * input is served. About 11,000 requests per run.
 */
class HostileInputTest {

    private static final String ASSESS = "/api/v1/assessments";
    private static final String FHIR_ASSESS = "/fhir/QuestionnaireResponse/$assess";
    private static final String FHIR_CARE_PLAN = "/fhir/QuestionnaireResponse/$care-plan";

    private static Path folder;
    private static TestServer server;
    private static URI base;
    private static String coachToken;
    private static String integratorToken;
    private static List<String> codes;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final AtomicInteger CASES = new AtomicInteger();
    /** Requests sent together per try. */
    private static final int BATCH = 4;

    @BeforeContainer
    static void start() throws IOException {
        folder = Files.createTempDirectory("hostile-input");
        server = TestServer.start(folder);
        base = URI.create("http://127.0.0.1:" + server.server().port());
        server.createUser("hostile-coach", Role.COACH, null, null);
        coachToken = Tokens.newToken();
        Tokens.create(server.database(), "token-hostile-coach", Role.COACH, "hostile-coach", coachToken, "test");
        integratorToken = Tokens.newToken();
        Tokens.create(server.database(), "token-hostile-integrator", Role.INTEGRATOR, null, integratorToken, "test");
        codes = server.engine().catalogue().codes().stream().map(ObservationCode::code).toList();
    }

    @AfterContainer
    static void stop() throws IOException {
        server.close();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    // ---- the properties: each try sends a batch at once, as clients do; about 11,000 requests in all

    @Property(tries = 750, edgeCases = EdgeCasesMode.NONE)
    void anIntakeToAssessIsServedOrRefusedCleanly(@ForAll("intakes") List<Generated> intakes) {
        List<Answer> answers = postAll(intakes.stream().map(intake -> new Call(ASSESS, coachToken, intake)).toList());
        for (int i = 0; i < intakes.size(); i++) {
            assertClean(answers.get(i));
            if (intakes.get(i).wellFormed()) {
                assertThat(answers.get(i).status()).as(answers.get(i).toString()).isEqualTo(200);
            }
        }
    }

    @Property(tries = 625, edgeCases = EdgeCasesMode.NONE)
    void aRefusedIntakeForACaseStoresNothing(@ForAll("intakesForACase") List<Generated> intakes) {
        List<String> caseIds = intakes.stream().map(intake -> "hostile-" + CASES.incrementAndGet()).toList();
        List<Answer> answers = postAll(IntStream.range(0, intakes.size()).mapToObj(i -> new Call(
                "/api/v1/cases/" + caseIds.get(i) + "/intakes", coachToken, intakes.get(i))).toList());
        for (int i = 0; i < intakes.size(); i++) {
            Answer answer = answers.get(i);
            assertClean(answer);
            boolean stored = server.database().cases().ownerOf(caseIds.get(i)).isPresent();
            if (answer.status() == 201) {
                assertThat(stored).as(answer.toString()).isTrue();
            } else {
                assertThat(stored).as("refused and yet stored: " + answer).isFalse();
            }
            if (intakes.get(i).wellFormed()) {
                assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
            }
        }
    }

    @Property(tries = 625, edgeCases = EdgeCasesMode.NONE)
    void aCdsHooksCallIsAnsweredOrRefusedCleanly(@ForAll("hookCalls") List<Generated> calls) {
        List<Answer> answers = postAll(calls.stream()
                .map(call -> new Call(CdsHooksRoutes.SERVICE, integratorToken, call)).toList());
        for (int i = 0; i < calls.size(); i++) {
            assertClean(answers.get(i));
            if (calls.get(i).wellFormed()) {
                assertThat(answers.get(i).status()).as(answers.get(i).toString()).isEqualTo(200);
            }
        }
    }

    @Property(tries = 750, edgeCases = EdgeCasesMode.NONE)
    void aQuestionnaireResponseIsAssessedOrRefusedCleanly(
            @ForAll("questionnaireResponses") List<Generated> responses) {
        List<Answer> answers = postAll(IntStream.range(0, responses.size()).mapToObj(i -> new Call(
                i % 2 == 0 ? FHIR_ASSESS : FHIR_CARE_PLAN, integratorToken, responses.get(i))).toList());
        for (int i = 0; i < responses.size(); i++) {
            assertClean(answers.get(i));
            if (responses.get(i).wellFormed()) {
                assertThat(answers.get(i).status()).as(answers.get(i).toString()).isEqualTo(200);
            }
        }
    }

    // ---- what every answer must be

    private static void assertClean(Answer answer) {
        assertThat(answer.status()).as(answer.toString()).isBetween(200, 499);
        // Package prefixes of the libraries in use; HAPI's is ca.uhn, not any "ca.": a generated case id such as
        // ca.a.X is echoed in an outcome and is no Java name.
        // The documented extension that says why a hook call got no cards is named like a package, as CDS Hooks
        // extensions are; it is no Java name.
        assertThat(answer.body().replace(CdsCards.NOT_ASSESSED_EXTENSION, "")).as(answer.toString())
                .doesNotContainPattern("\\b(?:java|javax|jakarta|com|org|io|ca\\.uhn|nl)\\.[a-z]+\\.[a-zA-Z]")
                .doesNotContain("Exception").doesNotContainPattern("\\bat [\\w.$]+\\(");
        if (answer.status() >= 400 && answer.request().startsWith("POST /fhir/")) {
            assertThat(answer.contentType()).as(answer.toString()).startsWith("application/fhir+json");
            assertThat(answer.body()).as(answer.toString()).contains("\"resourceType\":\"OperationOutcome\"")
                    .contains("\"diagnostics\":");
        } else if (answer.status() >= 400) {
            assertThat(answer.contentType()).as(answer.toString()).startsWith("application/problem+json");
            assertThat(answer.body()).as(answer.toString()).contains("\"field\":");
        }
    }

    // ---- generators

    /** A generated body and whether it is meant to be served (the oracle for the happy side). */
    record Generated(byte[] bytes, boolean wellFormed) {

        static Generated good(String json) {
            return new Generated(json.getBytes(StandardCharsets.UTF_8), true);
        }

        static Generated bad(String json) {
            return new Generated(json.getBytes(StandardCharsets.UTF_8), false);
        }

        @Override
        public String toString() {
            String text = new String(bytes, StandardCharsets.UTF_8);
            return (wellFormed ? "good " : "bad ") + (text.length() > 300 ? text.substring(0, 300) + "..." : text);
        }
    }

    @Provide
    Arbitrary<List<Generated>> intakes() {
        return batch(intakesOne());
    }

    private Arbitrary<Generated> intakesOne() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, goodIntake(true).map(Generated::good)),
                Tuple.of(4, brokenIntake(true).map(Generated::bad)),
                Tuple.of(2, corrupted(goodIntake(true))));
    }

    @Provide
    Arbitrary<List<Generated>> intakesForACase() {
        return batch(intakesForACaseOne());
    }

    private Arbitrary<Generated> intakesForACaseOne() {
        // Fewer well-formed ones: storing is the slow part, and refusals are what this property is about
        return Arbitraries.frequencyOf(
                Tuple.of(1, goodIntake(false).map(Generated::good)),
                Tuple.of(4, brokenIntake(false).map(Generated::bad)),
                Tuple.of(2, corrupted(goodIntake(false))));
    }

    @Provide
    Arbitrary<List<Generated>> hookCalls() {
        return batch(hookCallsOne());
    }

    private Arbitrary<Generated> hookCallsOne() {
        Arbitrary<String> instance = Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(36);
        String bundle = "{\"intake\":{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":";
        // Each kind generates only the parts it sends: generating is a good part of the run time.
        return Arbitraries.integers().between(0, 13).flatMap(kind -> switch (kind) {
            case 0 -> Combinators.combine(instance, goodIntake(true))
                    .as((id, intake) -> Generated.good(hook(id, "\"intake\":" + intake, null)));
            case 1 -> Combinators.combine(instance, goodResponse())
                    .as((id, response) -> Generated.good(hook(id, "\"patientId\":\"p-1\",\"questionnaireResponse\":"
                            + response, null)));
            case 2 -> Combinators.combine(instance, goodResponse()).as((id, response) -> Generated.good(
                    hook(id, "\"patientId\":\"p-1\"", bundle + "[{\"resource\":" + response + "}]}}")));
            case 3, 10 -> Combinators.combine(instance, brokenIntake(true))
                    .as((id, intake) -> Generated.bad(hook(id, "\"intake\":" + intake, null)));
            case 4, 11 -> Combinators.combine(instance, brokenResponse())
                    .as((id, response) -> Generated.bad(hook(id, "\"questionnaireResponse\":" + response, null)));
            case 5 -> Combinators.combine(instance, brokenResponse()).as((id, response) -> Generated.bad(
                    hook(id, "\"patientId\":\"p-1\"", "{\"intake\":" + response + "}")));
            case 6 -> Combinators.combine(instance, hostileValue()).as((id, value) -> Generated.bad(
                    hook(id, "\"patientId\":\"p-1\"", bundle + value + "}}")));
            case 7 -> Combinators.combine(instance, hostileValue()).as((id, value) -> Generated.bad(
                    hook(id, "\"patientId\":\"p-1\"", bundle + "[{\"resource\":" + value + "}]}}")));
            case 8, 12 -> Combinators.combine(instance, hostileValue()).as((id, value) -> Generated.bad(
                    "{\"hook\":" + value + ",\"hookInstance\":\"" + id + "\",\"context\":" + value + "}"));
            default -> corrupted(Combinators.combine(instance, goodIntake(true))
                    .as((id, intake) -> hook(id, "\"intake\":" + intake, null)));
        });
    }

    @Provide
    Arbitrary<List<Generated>> questionnaireResponses() {
        return batch(questionnaireResponsesOne());
    }

    private Arbitrary<Generated> questionnaireResponsesOne() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, goodResponse().map(Generated::good)),
                Tuple.of(5, brokenResponse().map(Generated::bad)),
                Tuple.of(2, corrupted(goodResponse())));
    }

    private static Arbitrary<List<Generated>> batch(Arbitrary<Generated> one) {
        return one.list().ofSize(BATCH);
    }

    private static String hook(String instance, String contextMember, String prefetch) {
        return "{\"hook\":\"patient-view\",\"hookInstance\":\"" + instance + "\",\"context\":{\"userId\":"
                + "\"Practitioner/c-1\"," + contextMember + "}" + (prefetch == null ? "" : ",\"prefetch\":" + prefetch)
                + "}";
    }

    // -- intakes

    private Arbitrary<String> goodIntake(boolean withCaseId) {
        Arbitrary<String> caseId = Arbitraries.strings().withChars("abcXYZ019._-").ofMinLength(1).ofMaxLength(64);
        Arbitrary<String> date = Arbitraries.integers().between(0, 2000).map(day ->
                LocalDate.of(2020, 1, 1).plusDays(day).toString());
        Arbitrary<String> observer = Arbitraries.of("COACH", "CLIENT", "COLLEAGUE", "MANAGER", "PHYSICIAN");
        Arbitrary<List<String>> observations = Arbitraries.of(codes).set().ofMaxSize(12)
                .flatMap(chosen -> Combinators.combine(chosen.stream().map(this::goodObservation).toList())
                        .as(list -> list));
        Arbitrary<String> rulers = Combinators.combine(ruler(), ruler(), ruler())
                .as((i, c, r) -> "{\"importance\":" + i + ",\"confidence\":" + c + ",\"readiness\":" + r + "}");
        return Combinators.combine(caseId, date, observer, observations, rulers, freeText(4_000))
                .as((id, day, who, list, scale, notes) -> "{" + (withCaseId ? "\"caseId\":\"" + id + "\"," : "")
                        + "\"date\":\"" + day + "\",\"observer\":\"" + who + "\",\"observations\":["
                        + String.join(",", list) + "],\"rulers\":" + scale + ",\"notes\":" + notes + "}");
    }

    private Arbitrary<String> goodObservation(String code) {
        return Combinators.combine(Arbitraries.integers().between(0, 3), freeText(1_000).injectNull(0.5))
                .as((intensity, note) -> "{\"code\":\"" + code + "\","
                        + (intensity == 0 ? "\"present\":false" : "\"intensity\":" + intensity)
                        + (note == null ? "" : ",\"note\":" + note) + "}");
    }

    private static Arbitrary<Integer> ruler() {
        return Arbitraries.integers().between(0, 10);
    }

    /**
     * A JSON string of printable text with tabs, line breaks and accents, up to {@code max} characters: mostly short,
     * sometimes exactly {@code max}. Built from a seed rather than character by character, which is many times
     * faster to generate (and not worth shrinking).
     */
    private static Arbitrary<String> freeText(int max) {
        Arbitrary<Integer> length = Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.integers().between(0, 60)),
                Tuple.of(2, Arbitraries.integers().between(0, max)), Tuple.of(1, Arbitraries.just(max)));
        return Combinators.combine(length, Arbitraries.longs()).as((n, seed) -> {
            Random random = new Random(seed);
            StringBuilder text = new StringBuilder(n);
            for (int i = 0; i < n; i++) {
                text.append(TEXT_CHARS.charAt(random.nextInt(TEXT_CHARS.length())));
            }
            return TestServer.JSON.getNodeFactory().textNode(text.toString()).toString();
        });
    }

    private static final String TEXT_CHARS = "abcdefghijklmnopqrstuvwxyz ABCXYZ0123456789.,;:!?'\"/\\<>&{}[]\t\n\réëüø€—";

    private Arbitrary<String> brokenIntake(boolean withCaseId) {
        Arbitrary<String> field = Arbitraries.of("caseId", "date", "observer", "observations", "rulers", "notes",
                "name", "observations[0].code", "observations[0].intensity", "observations[0].note",
                "observations[0].present", "rulers.readiness");
        return Combinators.combine(goodIntake(withCaseId), field, hostileValue(), Arbitraries.integers().between(0, 3))
                .as((intake, name, value, how) -> switch (how) {
                    case 0 -> replaced(intake, name, value);
                    case 1 -> intake.replaceFirst("\\{", "{\"" + lastPart(name) + "\":" + value + ",");
                    case 2 -> replaced(intake, name, value).replaceFirst("\\{", "{\"" + lastPart(name) + "\":1,");
                    default -> "{\"caseId\":\"c-1\",\"observations\":[" + unknownObservations(value) + "]}";
                });
    }

    /** The intake with one field's value swapped for {@code value} (or added where the field is missing). */
    private static String replaced(String intake, String field, String value) {
        String name = lastPart(field);
        if (field.startsWith("observations[0].")) {
            String observation = "{\"code\":\"SLEEP_PROBLEMS\",\"" + name + "\":" + value + "}";
            return intake.replace("\"observations\":[", "\"observations\":[" + observation
                    + (intake.contains("\"observations\":[]") ? "" : ","));
        }
        if (field.equals("rulers.readiness")) {
            return intake.replaceFirst("\"readiness\":\\d+", "\"readiness\":" + Matcher
                    .quoteReplacement(value));
        }
        return intake.replaceFirst("\\{", "{\"" + name + "\":" + Matcher.quoteReplacement(value)
                + ",").replaceFirst(",\"" + name + "\":(\"[^\"]*\"|\\{[^}]*\\}|\\[[^\\]]*\\]|[^,}]*)", "");
    }

    private static String lastPart(String field) {
        return field.substring(field.lastIndexOf('.') + 1);
    }

    private static String unknownObservations(String value) {
        return "{\"code\":\"NOT_A_CODE\"},{\"code\":\"sleep_problems\"},{\"code\":\"\"},{\"code\":" + value + "}";
    }

    /**
     * A JSON value meant to break a reader: wrong types, numbers huge in exponent or digits, text too long or with
     * control characters or broken surrogates, deep nesting, long lists, or not JSON at all.
     */
    private static Arbitrary<String> hostileValue() {
        return Arbitraries.oneOf(
                Arbitraries.of("1e99999999", "-1e99999999", "1e-99999999", "1E400", "0.1e-400", "-0", "2.5", "true",
                        "null", "{}", "[]", "\"\"", "[1,2,3]", "{\"a\":{\"b\":[null]}}", "\"3\"", "NaN", "Infinity",
                        "01", "1.", ".5", "+1", "0x10", "'x'", "undefined", "\"a\\u0000b\"", "\"\\u001b[2J\"",
                        "\"\\ud800\"", "\"\\udc00x\"", "\"tab\\tok\"", "\"\u0001raw\"", "\"\\q\"", "\"unterminated",
                        "{\"a\":1,\"a\":2}", "[", "}", "9223372036854775808", "-9223372036854775809",
                        "12345678901234567890123456789012345678901", "2147483648"),
                Arbitraries.integers().between(1, 5_000).map(n -> "9".repeat(n)),
                Arbitraries.integers().between(1, 120_000).map(n -> "\"" + "a".repeat(n) + "\""),
                Arbitraries.integers().between(1, 3_000).map(n -> "[".repeat(n) + "]".repeat(n)),
                Arbitraries.integers().between(1, 3_000).map(n -> "{\"a\":".repeat(n) + "1" + "}".repeat(n)),
                Arbitraries.integers().between(900, 1_500).map(n -> "[" + "1,".repeat(n) + "1]"),
                Arbitraries.chars().range('\u0000', '\u001f').map(c -> "\"x" + String.format("\\u%04x", (int) c)
                        + "y\""));
    }

    /** Valid JSON spoiled at the byte level: a byte that is not UTF-8, a raw control byte, cut short. */
    private static Arbitrary<Generated> corrupted(Arbitrary<String> json) {
        Arbitrary<byte[]> spoilers = Arbitraries.of(new byte[] {(byte) 0xff}, new byte[] {(byte) 0xc3},
                new byte[] {(byte) 0xe2, (byte) 0x82}, new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
                new byte[] {(byte) 0xc0, (byte) 0xaf}, new byte[] {0}, new byte[] {0x1b}, new byte[] {(byte) 0xfe,
                        (byte) 0xff}, new byte[0]);
        return Combinators.combine(json, spoilers, Arbitraries.doubles().between(0, 1), Arbitraries.of(true, false))
                .as((text, spoiler, where, cut) -> {
                    byte[] original = text.getBytes(StandardCharsets.UTF_8);
                    int at = (int) (where * original.length);
                    if (cut || spoiler.length == 0) {
                        return new Generated(Arrays.copyOf(original, at), false);
                    }
                    byte[] spoiled = new byte[original.length + spoiler.length];
                    System.arraycopy(original, 0, spoiled, 0, at);
                    System.arraycopy(spoiler, 0, spoiled, at, spoiler.length);
                    System.arraycopy(original, at, spoiled, at + spoiler.length, original.length - at);
                    return new Generated(spoiled, false);
                });
    }

    // -- QuestionnaireResponses

    /** A QuestionnaireResponse to the intake form, written out directly (through HAPI it costs a lot more). */
    private Arbitrary<String> goodResponse() {
        Arbitrary<String> caseId = Arbitraries.strings().withChars("abcXYZ019._-").ofMinLength(1).ofMaxLength(64);
        Arbitrary<List<String>> observations = Arbitraries.of(codes).set().ofMaxSize(12)
                .flatMap(chosen -> Combinators.combine(chosen.stream().map(this::answeredItems).toList())
                        .as(list -> list));
        Arbitrary<String> observer = Arbitraries.of("COACH", "CLIENT", "COLLEAGUE", "MANAGER", "PHYSICIAN");
        return Combinators.combine(caseId, observer, observations, ruler(), freeText(4_000))
                .as((id, who, items, importance, notes) -> "{\"resourceType\":\"QuestionnaireResponse\","
                        + "\"questionnaire\":\"" + IntakeQuestionnaire.QUESTIONNAIRE_URL + "\",\"status\":\"completed\","
                        + "\"subject\":{\"reference\":\"Patient/p-1\"},"
                        + "\"item\":[" + item("caseId", "{\"valueString\":\"" + id + "\"}") + ","
                        + item("date", "{\"valueDate\":\"2026-11-20\"}") + ","
                        + item("observer", coding(who)) + ","
                        + String.join("", items.stream().map(text -> text + ",").toList())
                        + item("rulers.importance", "{\"valueInteger\":" + importance + "}")
                        + (notes.equals("\"\"") ? "" : "," + item("notes", "{\"valueString\":" + notes + "}")) + "]}");
    }

    private Arbitrary<String> answeredItems(String code) {
        return Combinators.combine(Arbitraries.of("absent", "1", "2", "3", "not-assessed"),
                freeText(1_000).injectNull(0.7)).as((answer, note) -> item(code, coding(answer))
                + (note == null || note.equals("\"\"") || answer.equals("not-assessed") ? ""
                : "," + item(code + ".note", "{\"valueString\":" + note + "}")));
    }

    private static String item(String linkId, String answer) {
        return "{\"linkId\":\"" + linkId + "\",\"answer\":[" + answer + "]}";
    }

    private static String coding(String code) {
        return "{\"valueCoding\":{\"system\":\"" + IntakeQuestionnaire.ANSWER_SYSTEM_URL + "\",\"code\":\"" + code
                + "\"}}";
    }

    private Arbitrary<String> brokenResponse() {
        Arbitrary<String> linkId = Arbitraries.oneOf(Arbitraries.of(codes), Arbitraries.of("caseId", "date",
                "observer", "notes", "rulers.readiness", "SLEEP_PROBLEMS.note", "NOT_A_CODE", "", "group.X"));
        Arbitrary<String> answer = Combinators.combine(hostileValue(), Arbitraries.of("valueCoding", "valueInteger",
                "valueString", "valueDate", "valueDecimal", "valueBoolean", "valueQuantity", "valueNonsense"))
                .as((value, type) -> "{\"" + type + "\":" + value + "}");
        String completed = "{\"resourceType\":\"QuestionnaireResponse\",\"status\":\"completed\",\"item\":";
        return Arbitraries.integers().between(0, 5).flatMap(kind -> switch (kind) {
            case 0 -> Combinators.combine(goodResponse(), linkId, answer).as((response, link, value) ->
                    response.replaceFirst("\"item\":\\[", Matcher.quoteReplacement(
                            "\"item\":[{\"linkId\":\"" + link + "\",\"answer\":[" + value + "]},")));
            case 1 -> Combinators.combine(goodResponse(), hostileValue()).as((response, raw) ->
                    response.replaceFirst("\"status\":\"[a-z-]+\"", Matcher.quoteReplacement("\"status\":" + raw)));
            case 2 -> hostileValue().map(raw -> completed + raw + "}");
            case 3 -> Combinators.combine(hostileValue(), answer).as((raw, value) ->
                    completed + "[{\"linkId\":" + raw + ",\"answer\":[" + value + "]}]}");
            case 4 -> Combinators.combine(goodResponse(), hostileValue()).as((response, raw) ->
                    response.replaceFirst("\\{", Matcher.quoteReplacement("{\"resourceType\":" + raw + ",")));
            default -> Combinators.combine(linkId, answer, hostileValue()).as((link, value, raw) ->
                    completed + "[{\"linkId\":\"caseId\",\"answer\":[{\"valueString\":\"c-1\"}],\"item\":[{"
                            + "\"linkId\":\"" + link + "\",\"answer\":[" + value + "],\"item\":" + raw + "}]}]}");
        });
    }

    // ---- the client

    record Answer(String request, int status, String contentType, String body) {

        @Override
        public String toString() {
            return request + " -> " + status + " " + (body.length() > 1000 ? body.substring(0, 1000) + "..." : body);
        }
    }

    record Call(String path, String token, Generated body) {
    }

    /** Sends the calls at once and waits for every answer, in the order of the calls. */
    private static List<Answer> postAll(List<Call> calls) {
        List<CompletableFuture<Answer>> answers = calls.stream().map(call -> {
            HttpRequest request = HttpRequest.newBuilder(base.resolve(call.path())).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + call.token()).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(call.body().bytes())).build();
            return HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(response -> new Answer(
                    "POST " + call.path() + " " + call.body(), response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""), response.body()));
        }).toList();
        return answers.stream().map(CompletableFuture::join).toList();
    }
}
