package nl.burnoutprofiler.server.fhir;

import java.io.IOException;
import java.io.UncheckedIOException;

import jakarta.servlet.ServletException;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.interceptor.ExceptionHandlingInterceptor;

/**
 * Answers a refusal from an interceptor itself, as the OperationOutcome it carries in the negotiated format. Thrown
 * from an interceptor, HAPI would log every refused request as an error with its stack trace.
 */
final class Refusals {

    private static final ExceptionHandlingInterceptor WRITER = new ExceptionHandlingInterceptor();

    private Refusals() {
    }

    /** @return false, for the hook to return: HAPI stops processing the request */
    static boolean answer(RequestDetails details, BaseServerResponseException refusal) {
        try {
            WRITER.handleException(details, refusal);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ServletException e) {
            throw new IllegalStateException(e);
        }
        return false;
    }
}
