package nl.burnoutprofiler.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import nl.burnoutprofiler.TestEngine;
import nl.burnoutprofiler.engine.Intake;
import nl.burnoutprofiler.engine.Observation;
import nl.burnoutprofiler.engine.Outcome;
import nl.burnoutprofiler.engine.PresentationType;
import nl.burnoutprofiler.engine.Rulers;

/** What a scenario cannot say: how a profiling code moves a type's score. */
class ProfilingCodesTest {

    private static Outcome assess(Observation... extra) {
        List<Observation> observations = new ArrayList<>(List.of(
                Observation.present("WORTH_TIED_TO_PERFORMANCE", 2),
                Observation.present("PERFECTIONISM", 2)));
        observations.addAll(List.of(extra));
        return TestEngine.get().assess(Intake.of("c-profiling", observations, Rulers.NONE));
    }

    @Test
    void anInternalFrameOfReferenceLowersTheIdentityScoreAndShowsAsEvidenceAgainst() {
        double without = assess().presentation().scores().get(PresentationType.IDENTITY);
        Outcome with = assess(Observation.present("INTERNAL_REFERENCE", 2));
        assertThat(with.presentation().scores().get(PresentationType.IDENTITY)).isEqualTo(without - 0.5);
        assertThat(with.presentation().counterEvidence().get(PresentationType.IDENTITY)).contains("INTERNAL_REFERENCE");
    }
}
