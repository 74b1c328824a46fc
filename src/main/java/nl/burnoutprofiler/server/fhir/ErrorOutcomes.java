package nl.burnoutprofiler.server.fhir;

import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;

import nl.burnoutprofiler.fhir.IntakeQuestionnaire;

/**
 * Every error as an OperationOutcome in plain words: HAPI's own messages without their numbers and Java names, and
 * a failure of ours as one sentence, its details in the log only. Taking over from HAPI's default handling also keeps
 * HAPI from logging each refused request.
 */
@Interceptor
final class ErrorOutcomes {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorOutcomes.class);

    @Hook(Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION)
    public BaseServerResponseException outgoing(RequestDetails details, Throwable thrown) {
        BaseServerResponseException answer;
        if (thrown instanceof BaseServerResponseException known && known.getStatusCode() != 500) {
            answer = known;
        } else if (thrown instanceof DataFormatException unreadable) {
            answer = new InvalidRequestException(unreadable.getMessage());
        } else {
            LOG.error("{} {} failed", details.getRequestType(), details.getRequestPath(), thrown);
            answer = new InternalErrorException("The request failed on the server.");
        }
        return withOutcome(answer);
    }

    /** The exception with an OperationOutcome of its message in plain words, unless it carries one already. */
    static BaseServerResponseException withOutcome(BaseServerResponseException answer) {
        if (answer.getOperationOutcome() == null) {
            OperationOutcome outcome = new OperationOutcome();
            outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR).setCode(issueType(answer))
                    .setDiagnostics(IntakeQuestionnaire.plain(answer.getMessage()));
            answer.setOperationOutcome(outcome);
        }
        return answer;
    }

    private static IssueType issueType(BaseServerResponseException answer) {
        return switch (answer.getStatusCode()) {
            case 401 -> IssueType.LOGIN;
            case 403 -> IssueType.FORBIDDEN;
            case 404, 410 -> IssueType.NOTFOUND;
            case 405, 501 -> IssueType.NOTSUPPORTED;
            case 413 -> IssueType.TOOLONG;
            case 500 -> IssueType.EXCEPTION;
            default -> IssueType.INVALID;
        };
    }
}
