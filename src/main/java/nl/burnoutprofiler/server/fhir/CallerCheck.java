package nl.burnoutprofiler.server.fhir;

import jakarta.servlet.http.HttpServletRequest;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;

/** Lets through to an interaction only the callers the web application's sign-in admits; metadata is public. */
@Interceptor
final class CallerCheck {

    private final SignIn signIn;

    CallerCheck(SignIn signIn) {
        this.signIn = signIn;
    }

    /** After HAPI has matched the request to an interaction (an unknown path is a 404 for anyone) and before it runs. */
    @Hook(value = Pointcut.SERVER_INCOMING_REQUEST_POST_PROCESSED, order = 0)
    public boolean admit(RequestDetails details, HttpServletRequest request) {
        // FHIR clients read the CapabilityStatement before they sign in, and it tells nothing about anyone
        if (details.getRestOperationType() == RestOperationTypeEnum.METADATA) {
            return true;
        }
        try {
            signIn.admit(request);
            return true;
        } catch (SignIn.Refused refused) {
            return Refusals.answer(details, refusal(refused));
        }
    }

    private static BaseServerResponseException refusal(SignIn.Refused refused) {
        BaseServerResponseException refusal;
        if (refused.status() == 401) {
            refusal = new AuthenticationException(refused.getMessage());
            refusal.addResponseHeader("WWW-Authenticate", "Bearer");
        } else {
            refusal = new ForbiddenOperationException(refused.getMessage());
        }
        return ErrorOutcomes.withOutcome(refusal);
    }
}
