package nl.burnoutprofiler.server.fhir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.hl7.fhir.r4.model.OperationOutcome;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.api.RequestTypeEnum;
import ca.uhn.fhir.rest.server.RestfulServerUtils;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.PayloadTooLargeException;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;

import nl.burnoutprofiler.engine.FieldProblem;
import nl.burnoutprofiler.json.JsonInput;

/**
 * Reads a request body before HAPI does: within the size limit (413 past it, without reading on), and JSON through
 * the strict, bounded reader of the JSON API, so that HAPI's parser never sees a huge exponent, deep nesting, a
 * duplicate key or invalid UTF-8. HAPI then parses the JSON that reader wrote back.
 */
@Interceptor
final class BodyCheck {

    static final int MAX_BYTES = JsonInput.MAX_BYTES;
    /**
     * Non-ASCII characters escaped: HAPI decodes the body in the charset the request declares, and escaped JSON
     * reads the same in any of them, while the reader took the bytes as UTF-8 (RFC 8259).
     */
    private static final ObjectWriter ASCII_JSON = JsonMapper.builder()
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII).build().writer();

    /** After the caller is admitted ({@link CallerCheck} has order 0): nobody's body is read before that. */
    @Hook(value = Pointcut.SERVER_INCOMING_REQUEST_POST_PROCESSED, order = 1)
    public boolean check(ServletRequestDetails details) {
        if (details.getRequestType() != RequestTypeEnum.POST) {
            return true;
        }
        try {
            byte[] body = read(details);
            if (RestfulServerUtils.determineRequestEncodingNoDefault(details) == EncodingEnum.JSON) {
                body = checkedJson(body);
            }
            details.setRequestContents(body);
            return true;
        } catch (PayloadTooLargeException | InvalidRequestException refused) {
            return Refusals.answer(details, refused);
        }
    }

    private static byte[] read(ServletRequestDetails details) {
        if (details.getServletRequest().getContentLengthLong() > MAX_BYTES) {
            throw tooLarge(details);
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try (InputStream in = details.getServletRequest().getInputStream()) {
            while (true) {
                // Never ask for more than one byte past the limit: the server's own limit on the stream fails the
                // read that goes past it, and then this read is the one that did.
                int wanted = Math.min(buffer.length, MAX_BYTES + 1 - body.size());
                int n;
                try {
                    n = in.read(buffer, 0, wanted);
                } catch (IOException e) {
                    if (body.size() + wanted > MAX_BYTES) {
                        throw tooLarge(details);
                    }
                    throw e;
                }
                if (n < 0) {
                    return body.toByteArray();
                }
                body.write(buffer, 0, n);
                if (body.size() > MAX_BYTES) {
                    throw tooLarge(details);
                }
            }
        } catch (IOException e) {
            throw refused(List.of(new FieldProblem("$", null, "could not be read to its end")));
        }
    }

    private static PayloadTooLargeException tooLarge(ServletRequestDetails details) {
        details.getServletResponse().setHeader("Connection", "close"); // the rest of the body is not read
        PayloadTooLargeException tooLarge = new PayloadTooLargeException("The request body is larger than "
                + MAX_BYTES + " bytes.");
        tooLarge.setOperationOutcome(outcome(List.of(new FieldProblem("$", null,
                "is larger than " + MAX_BYTES + " bytes")), OperationOutcome.IssueType.TOOLONG));
        return tooLarge;
    }

    private static byte[] checkedJson(byte[] body) {
        JsonNode json;
        try {
            json = JsonInput.read(body);
        } catch (JsonInput.Refused e) {
            throw refused(e.problems());
        }
        if (!json.isObject()) {
            throw refused(List.of(new FieldProblem("$", null, "must be a JSON object: a FHIR resource")));
        }
        try {
            return ASCII_JSON.writeValueAsBytes(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree that was just read could not be written", e);
        }
    }

    private static InvalidRequestException refused(List<FieldProblem> problems) {
        InvalidRequestException refused = new InvalidRequestException("The request body was refused: "
                + problems.get(0) + ".");
        refused.setOperationOutcome(outcome(problems, OperationOutcome.IssueType.STRUCTURE));
        return refused;
    }

    /** One issue per problem, naming the field (a path in the JSON text) and the reason. */
    private static OperationOutcome outcome(List<FieldProblem> problems, OperationOutcome.IssueType type) {
        OperationOutcome outcome = new OperationOutcome();
        problems.forEach(problem -> outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR)
                .setCode(type).setDiagnostics(problem.toString()));
        return outcome;
    }
}
