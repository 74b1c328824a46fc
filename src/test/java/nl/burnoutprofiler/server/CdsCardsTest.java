package nl.burnoutprofiler.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The text rules of a card: a summary under 140 characters, catalogue text as literal Markdown. */
class CdsCardsTest {

    @Test
    void aLongSummaryIsCutAtAWordWithAnEllipsis() {
        String long200 = "Eerst regulatie, dan inzicht ".repeat(8);
        String summary = CdsCards.shortened(long200);
        assertThat(summary).hasSizeLessThan(140).endsWith("…").doesNotContain("  ");
        assertThat(long200).startsWith(summary.substring(0, summary.length() - 1));
        assertThat(CdsCards.shortened("Kort\n en  goed ")).isEqualTo("Kort en goed");
    }

    @Test
    void catalogueTextCannotMakeMarkdownOrHtml() {
        assertThat(CdsCards.escape("*nadruk* <b>vet</b> [link](x) `code` # kop"))
                .isEqualTo("\\*nadruk\\* \\<b\\>vet\\</b\\> \\[link\\](x) \\`code\\` \\# kop");
        assertThat(CdsCards.escape("regel\n  twee")).isEqualTo("regel twee");
    }

    @Test
    void uuidsFollowFromTheirInputs() {
        String card = CdsCards.cardUuid("svc", "1.0", "intake of c-1", "MEANING_WORK");
        assertThat(card).isEqualTo(CdsCards.cardUuid("svc", "1.0", "intake of c-1", "MEANING_WORK"))
                .isNotEqualTo(CdsCards.cardUuid("svc", "1.1", "intake of c-1", "MEANING_WORK"))
                .isNotEqualTo(CdsCards.cardUuid("svc", "1.0", "intake of c-1", "CONTEXT_INTERVENTION"));
        assertThat(CdsCards.suggestionUuid(card)).isNotEqualTo(card).isEqualTo(CdsCards.suggestionUuid(card));
    }
}
