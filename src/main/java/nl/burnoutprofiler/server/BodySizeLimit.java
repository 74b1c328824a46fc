package nl.burnoutprofiler.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.hl7.fhir.r4.model.OperationOutcome;

import nl.burnoutprofiler.engine.FieldProblem;
import nl.burnoutprofiler.fhir.Fhir;
import nl.burnoutprofiler.json.JsonInput;

/**
 * The one limit on request bodies, whatever their transfer encoding. Javalin 6 checks {@code maxRequestSize}
 * against the Content-Length only, so a chunked body would be read whole into memory (fixed in Javalin 7, javalin
 * issue 2416); Jetty 11 has no size limit handler. This filter answers a declared length over the limit at once,
 * and stops reading any other body at the first byte over it: the handler that reads gets {@link TooLarge}, which
 * the server answers with 413.
 */
final class BodySizeLimit implements Filter {

    static final int MAX_BYTES = JsonInput.MAX_BYTES;
    private static final String FHIR = "/fhir/";

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        if (http.getContentLengthLong() > MAX_BYTES) {
            HttpServletResponse answer = (HttpServletResponse) response;
            answer.setStatus(413);
            answer.setHeader("Connection", "close");
            answer.setHeader("X-Content-Type-Options", "nosniff");
            // FHIR clients read every refusal as an OperationOutcome; everyone else gets the API's problem document.
            boolean fhir = http.getRequestURI().startsWith(FHIR);
            answer.setContentType((fhir ? "application/fhir+json" : ProfilerServer.PROBLEM_JSON) + "; charset=utf-8");
            String body = fhir ? tooLargeOutcome() : ProfilerServer.problemJson(tooLarge());
            answer.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
            return;
        }
        chain.doFilter(new Bounded(http), response);
    }

    private static String tooLargeOutcome() {
        OperationOutcome outcome = new OperationOutcome();
        outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR).setCode(OperationOutcome.IssueType.TOOCOSTLY)
                .setDiagnostics("The request body is larger than " + MAX_BYTES + " bytes.");
        return Fhir.context().newJsonParser().encodeResourceToString(outcome);
    }

    static ApiProblem tooLarge() {
        return new ApiProblem(413, "Content too large", "The request body is larger than " + MAX_BYTES
                + " bytes.", List.of(new FieldProblem("$", null, "is larger than " + MAX_BYTES + " bytes")));
    }

    /** Thrown while reading a body past the limit. */
    static final class TooLarge extends IOException {

        private static final long serialVersionUID = 1L;

        TooLarge() {
            super("request body over " + MAX_BYTES + " bytes", null);
        }
    }

    private static final class Bounded extends HttpServletRequestWrapper {

        private ServletInputStream stream;

        Bounded(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new BoundedStream(super.getInputStream());
            }
            return stream;
        }
    }

    private static final class BoundedStream extends ServletInputStream {

        private final ServletInputStream in;
        private long read;

        BoundedStream(ServletInputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws TooLarge {
            read += n;
            if (read > MAX_BYTES) {
                throw new TooLarge();
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
