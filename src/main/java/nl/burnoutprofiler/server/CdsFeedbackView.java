package nl.burnoutprofiler.server;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import nl.burnoutprofiler.store.CdsFeedbackStore;

/**
 * CDS Hooks feedback as a case shows it ({@code cdsFeedback} of GET /api/v1/cases/{caseId}): what the coach did with
 * which card, shaped like the feedback the client sent, plus the recommendation the card carried.
 *
 * @param card                the card's uuid
 * @param service             the CDS service that issued it
 * @param recommendation      the recommendation id of the card
 * @param outcome             {@code accepted} or {@code overridden}
 * @param acceptedSuggestions the uuids of the suggestions taken (accepted only)
 * @param overrideReason      why it was set aside, when the client said
 * @param outcomeTimestamp    when the coach acted
 * @param receivedAt          when the feedback arrived
 * @param from                the client that sent it (its issuer or token name)
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
record CdsFeedbackView(String card, String service, String recommendation, String outcome,
                       List<String> acceptedSuggestions, OverrideReason overrideReason, String outcomeTimestamp,
                       String receivedAt, String from) {

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record OverrideReason(CdsCards.Coding reason, String userComment) {
    }

    static List<CdsFeedbackView> of(List<CdsFeedbackStore.Feedback> feedback) {
        return feedback.stream().map(CdsFeedbackView::of).toList();
    }

    static CdsFeedbackView of(CdsFeedbackStore.Feedback feedback) {
        CdsCards.Coding reason = feedback.reasonCode() == null ? null
                : new CdsCards.Coding(feedback.reasonSystem(), feedback.reasonCode(), feedback.reasonDisplay());
        OverrideReason overrideReason = reason == null && feedback.userComment() == null ? null
                : new OverrideReason(reason, feedback.userComment());
        return new CdsFeedbackView(feedback.card().uuid(), feedback.card().serviceId(),
                feedback.card().recommendationId(), feedback.outcome(), feedback.acceptedSuggestions(),
                overrideReason, feedback.outcomeTimestamp().toString(), feedback.receivedAt().toString(),
                feedback.receivedFrom());
    }
}
