package nl.burnoutprofiler.json;

import java.io.CharConversionException;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import nl.burnoutprofiler.engine.FieldProblem;

/**
 * Reads JSON that comes from outside (HTTP bodies, intake files, batch lines) strictly and within limits, so that
 * no input can make the reader use much memory or time: bounded length, nesting, text, numbers and lists; no
 * duplicate keys, no invalid UTF-8, no control characters in text but tab, line feed and carriage return. What it
 * refuses names the field, as {@code observations[2].note}.
 */
public final class JsonInput {

    public static final int MAX_BYTES = 1_000_000;
    public static final int MAX_DEPTH = 32;
    public static final int MAX_TEXT_CHARS = 100_000;
    public static final int MAX_NAME_CHARS = 200;
    public static final int MAX_NUMBER_CHARS = 40;
    public static final int MAX_LIST_ITEMS = 1_000;
    /** More problems than this are not worth listing: the input is not a well-meant intake. */
    private static final int MAX_PROBLEMS = 20;

    private static final ObjectMapper READER = JsonMapper.builder(constrainedFactory())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private JsonInput() {
    }

    /** A factory whose parsers keep the limits of this class and refuse duplicate keys; for any mapper that reads. */
    public static JsonFactory constrainedFactory() {
        return JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxDocumentLength(MAX_BYTES)
                        .maxNestingDepth(MAX_DEPTH)
                        .maxStringLength(MAX_TEXT_CHARS)
                        .maxNameLength(MAX_NAME_CHARS)
                        .maxNumberLength(MAX_NUMBER_CHARS)
                        .build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
    }

    /** Reads UTF-8 bytes; a byte that is not UTF-8 is refused naming the field it is in. */
    public static JsonNode read(byte[] json) {
        return read(json.length, () -> READER.createParser(json));
    }

    public static JsonNode read(String json) {
        return read(json.length(), () -> READER.createParser(json));
    }

    private interface ParserSource {
        JsonParser open() throws IOException;
    }

    private static JsonNode read(int length, ParserSource source) {
        if (length > MAX_BYTES) {
            throw new Refused(List.of(tooLong()));
        }
        try (JsonParser parser = source.open()) {
            return read(parser);
        } catch (IOException e) {
            throw new Refused(List.of(problem(e, null)));
        }
    }

    private static JsonNode read(JsonParser parser) {
        try {
            return checked(READER.readTree(parser));
        } catch (IOException e) {
            throw new Refused(List.of(problem(e, parser)));
        }
    }

    private static FieldProblem tooLong() {
        return new FieldProblem("$", null, "is longer than " + MAX_BYTES + " bytes");
    }

    private static JsonNode checked(JsonNode root) {
        if (root == null || root.isMissingNode()) {
            throw new Refused(List.of(new FieldProblem("$", null, "is empty: a JSON document is required")));
        }
        List<FieldProblem> problems = new ArrayList<>();
        check(root, "", problems);
        if (!problems.isEmpty()) {
            throw new Refused(problems);
        }
        return root;
    }

    /** What the parser cannot check: escaped control characters, lists too long, numbers out of range. */
    private static void check(JsonNode node, String path, List<FieldProblem> problems) {
        if (problems.size() >= MAX_PROBLEMS) {
            return;
        }
        if (node.isTextual()) {
            String reason = textProblem(node.textValue());
            if (reason != null) {
                problems.add(new FieldProblem(field(path), null, reason));
            }
        } else if (node.isArray()) {
            if (node.size() > MAX_LIST_ITEMS) {
                problems.add(new FieldProblem(field(path), null,
                        "has " + node.size() + " items; at most " + MAX_LIST_ITEMS + " are accepted"));
                return;
            }
            for (int i = 0; i < node.size(); i++) {
                check(node.get(i), path + "[" + i + "]", problems);
            }
        } else if (node.isObject()) {
            if (node.size() > MAX_LIST_ITEMS) {
                problems.add(new FieldProblem(field(path), null,
                        "has " + node.size() + " fields; at most " + MAX_LIST_ITEMS + " are accepted"));
                return;
            }
            for (Map.Entry<String, JsonNode> member : node.properties()) {
                String child = path + "." + member.getKey();
                String reason = textProblem(member.getKey());
                if (reason != null) {
                    problems.add(new FieldProblem(field(child), null, "has a name that " + reason));
                } else {
                    check(member.getValue(), child, problems);
                }
            }
        } else if (node.isBigInteger() || node.isBigDecimal()
                || (node.isFloatingPointNumber() && !Double.isFinite(node.doubleValue()))) {
            problems.add(new FieldProblem(field(path), null, "is a number out of range"));
        }
    }

    /** Why the text is refused, or null: control characters other than tab and line breaks, broken surrogates. */
    static String textProblem(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                return "contains the control character U+" + String.format("%04X", (int) c)
                        + "; only tab, line feed and carriage return are accepted";
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "contains an unpaired surrogate (\\u" + String.format("%04x", (int) c)
                        + "): it is not Unicode text";
            }
        }
        return null;
    }

    /** The problem, naming the field the parser was in when it stopped. */
    private static FieldProblem problem(IOException e, JsonParser parser) {
        String field = parser == null ? "$" : field(parser.getParsingContext());
        String message = e instanceof JsonProcessingException processing ? processing.getOriginalMessage()
                : e.getMessage();
        message = message == null ? "" : message;
        if (e instanceof StreamConstraintsException) {
            return new FieldProblem(field, null, constraintBroken(message));
        }
        if (e instanceof CharConversionException || message.startsWith("Invalid UTF-8")
                || message.contains("Invalid UTF-8")) {
            return new FieldProblem(field, null, "is not valid UTF-8 text");
        }
        if (message.startsWith("Duplicate field") || message.startsWith("Duplicate Object property")) {
            return new FieldProblem(field, null, "appears twice in one object; give each field once");
        }
        if (message.startsWith("Illegal unquoted character")) {
            return new FieldProblem(field, null, "contains a control character that is not escaped");
        }
        JsonLocation location = e instanceof JsonProcessingException processing ? processing.getLocation() : null;
        String where = location == null ? "" : " at line " + location.getLineNr() + ", column "
                + location.getColumnNr();
        return new FieldProblem("$", null, "is not valid JSON" + where + ": " + plain(message));
    }

    private static String constraintBroken(String message) {
        if (message.startsWith("Number value length")) {
            return "is a number longer than " + MAX_NUMBER_CHARS + " characters";
        }
        if (message.startsWith("String value length")) {
            return "is text longer than " + MAX_TEXT_CHARS + " characters";
        }
        if (message.startsWith("Name length")) {
            return "has a field name longer than " + MAX_NAME_CHARS + " characters";
        }
        if (message.startsWith("Document nesting depth")) {
            return "nests deeper than " + MAX_DEPTH + " levels";
        }
        if (message.startsWith("Document length")) {
            return "is longer than " + MAX_BYTES + " bytes";
        }
        return "exceeds a limit of what this service reads";
    }

    /** The parser's message on its first line, without the Java names some messages carry. */
    static String plain(String message) {
        String line = message.lines().findFirst().orElse("").strip();
        return line.replaceAll("\\(?`?\\b(?:[a-z_][a-z0-9_]*\\.)+[A-Z]\\w*(?:\\.\\w+\\(\\))?`?\\)?", "")
                .replaceAll("\\s+", " ").strip();
    }

    /** The field the parser was in, as {@code observations[2].note}; {@code $} at the top. */
    private static String field(JsonStreamContext context) {
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.push("[" + Math.max(c.getCurrentIndex(), 0) + "]");
            } else if (c.getCurrentName() != null) {
                parts.push("." + c.getCurrentName());
            }
        }
        return field(String.join("", parts));
    }

    private static String field(String path) {
        if (path.isEmpty()) {
            return "$";
        }
        return path.startsWith(".") ? path.substring(1) : path;
    }

    /** The input was refused; each problem names a field. */
    public static final class Refused extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final transient List<FieldProblem> problems;

        Refused(List<FieldProblem> problems) {
            super(problems.get(0).toString(), null, false, false);
            this.problems = List.copyOf(problems);
        }

        public List<FieldProblem> problems() {
            return problems;
        }
    }
}
