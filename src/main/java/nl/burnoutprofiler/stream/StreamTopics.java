package nl.burnoutprofiler.stream;

import java.util.Objects;
import java.util.stream.Stream;

/** The three topics of {@code assess-stream}; they must differ, or outcomes would be read back as intakes. */
public record StreamTopics(String intakes, String outcomes, String deadLetters) {

    public StreamTopics {
        Objects.requireNonNull(intakes, "intakes");
        Objects.requireNonNull(outcomes, "outcomes");
        Objects.requireNonNull(deadLetters, "deadLetters");
        if (Stream.of(intakes, outcomes, deadLetters).distinct().count() != 3) {
            throw new IllegalArgumentException("the intake, outcome and dead-letter topics must be three different "
                    + "topics, not " + intakes + ", " + outcomes + " and " + deadLetters);
        }
    }
}
