package nl.burnoutprofiler.server.fhir;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The web application's sign-in, which the FHIR server asks before every interaction but reading its
 * CapabilityStatement: the same API tokens, CDS client JWTs and browser sessions (a POST with the session's CSRF
 * header) as the JSON API, checked by the same code.
 */
@FunctionalInterface
public interface SignIn {

    /**
     * Lets through a signed-in caller of a role that may assess a client's intake.
     *
     * @throws Refused 401 without valid credentials, 403 for the organisation role or a browser's POST without its
     *                 CSRF header
     */
    void admit(HttpServletRequest request);

    /** Why a caller was not let through: the HTTP status and a sentence for the caller. */
    final class Refused extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final int status;

        public Refused(int status, String reason) {
            super(reason, null, false, false);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }
}
