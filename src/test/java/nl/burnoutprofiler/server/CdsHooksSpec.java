package nl.burnoutprofiler.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What CDS Hooks 2.0 requires of a service's answers, as one check that every CDS test applies: nothing null or
 * empty anywhere (the one exception: an empty {@code cards} list, "no guidance"), and each card with its required
 * fields within their limits.
 */
final class CdsHooksSpec {

    static final List<String> INDICATORS = List.of("info", "warning", "critical");

    private CdsHooksSpec() {
    }

    /** Checks a service response ({@code {"cards": [...]}}) and returns its cards. */
    static List<JsonNode> assertCardsResponse(JsonNode response) {
        assertThat(response.isObject()).as("response is an object: %s", response).isTrue();
        assertThat(response.path("cards").isArray()).as("cards is required: %s", response).isTrue();
        assertNothingNullOrEmpty(response, "$");
        List<JsonNode> cards = new ArrayList<>();
        response.get("cards").forEach(cards::add);
        for (JsonNode card : cards) {
            String at = "card " + card.path("uuid").asText();
            assertThat(card.path("summary").isTextual()).as("%s: summary is required", at).isTrue();
            assertThat(card.path("summary").asText().length()).as("%s: summary under 140 characters", at)
                    .isLessThan(140);
            assertThat(card.path("indicator").asText()).as("%s: indicator", at).isIn(INDICATORS);
            assertThat(card.path("source").path("label").isTextual()).as("%s: source.label is required", at).isTrue();
            assertThat(UUID.fromString(card.path("uuid").asText())).as("%s: uuid", at).isNotNull();
            if (card.has("detail")) {
                assertThat(card.get("detail").isTextual()).as("%s: detail is Markdown text", at).isTrue();
            }
            if (card.path("source").has("topic")) {
                assertCoding(card.path("source").path("topic"), at + " source.topic", false);
            }
            if (card.has("suggestions")) {
                assertThat(card.path("selectionBehavior").asText()).as("%s: selectionBehavior with suggestions", at)
                        .isIn("at-most-one", "any");
                card.get("suggestions").forEach(suggestion -> {
                    assertThat(suggestion.path("label").isTextual()).as("%s: suggestion label", at).isTrue();
                    if (suggestion.has("isRecommended")) {
                        assertThat(suggestion.get("isRecommended").isBoolean()).isTrue();
                    }
                });
            }
            card.path("overrideReasons").forEach(reason -> assertCoding(reason, at + " overrideReason", true));
            card.path("links").forEach(link -> {
                assertThat(link.path("label").isTextual()).as("%s: link label", at).isTrue();
                assertThat(link.path("url").asText()).as("%s: link url", at).matches("https?://.+");
                assertThat(link.path("type").asText()).as("%s: link type", at).isIn("absolute", "smart");
            });
        }
        return cards;
    }

    /** Checks a discovery response and returns its services. */
    static List<JsonNode> assertDiscoveryResponse(JsonNode response) {
        assertThat(response.path("services").isArray()).as("services is required: %s", response).isTrue();
        assertNothingNullOrEmpty(response, "$");
        List<JsonNode> services = new ArrayList<>();
        response.get("services").forEach(services::add);
        for (JsonNode service : services) {
            for (String required : List.of("hook", "id", "description")) {
                assertThat(service.path(required).isTextual()).as("service %s is required: %s", required, service)
                        .isTrue();
            }
            service.path("prefetch").properties().forEach(template ->
                    assertThat(template.getValue().isTextual()).as("prefetch %s", template.getKey()).isTrue());
        }
        return services;
    }

    private static void assertCoding(JsonNode coding, String at, boolean displayRequired) {
        assertThat(coding.path("code").isTextual()).as("%s: code", at).isTrue();
        assertThat(coding.path("system").isTextual()).as("%s: system", at).isTrue();
        if (displayRequired) {
            assertThat(coding.path("display").isTextual()).as("%s: display", at).isTrue();
        }
    }

    /** "Elements SHALL NOT be null or empty": no null, "", [] or {} below the root, except {@code cards: []}. */
    static void assertNothingNullOrEmpty(JsonNode node, String at) {
        assertThat(node.isNull()).as("%s is null", at).isFalse();
        if (node.isTextual()) {
            assertThat(node.asText().isBlank()).as("%s is an empty string", at).isFalse();
        } else if (node.isArray()) {
            assertThat(node.isEmpty() && !at.equals("$.cards")).as("%s is an empty array", at).isFalse();
            for (int i = 0; i < node.size(); i++) {
                assertNothingNullOrEmpty(node.get(i), at + "[" + i + "]");
            }
        } else if (node.isObject()) {
            assertThat(node.isEmpty()).as("%s is an empty object", at).isFalse();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                assertNothingNullOrEmpty(field.getValue(), at + "." + field.getKey());
            }
        }
    }
}
