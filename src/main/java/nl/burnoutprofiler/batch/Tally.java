package nl.burnoutprofiler.batch;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

import nl.burnoutprofiler.engine.PresentationType;
import nl.burnoutprofiler.engine.SafetyStatus;
import nl.burnoutprofiler.engine.Stage;

/** The writer's running counts; used by one thread only. */
final class Tally {

    private final long[] types = new long[PresentationType.values().length];
    private final long[] stages = new long[Stage.values().length];
    private final long[] safety = new long[SafetyStatus.values().length];
    private long assessed;
    private long rejected;

    void assessed(LineResult.Assessed result) {
        assessed++;
        types[result.type().ordinal()]++;
        stages[result.stage().ordinal()]++;
        safety[result.safety().ordinal()]++;
    }

    void rejected() {
        rejected++;
    }

    BatchProgress progress(Duration elapsed) {
        return new BatchProgress(assessed, rejected, elapsed);
    }

    BatchSummary summary(Duration elapsed) {
        return new BatchSummary(assessed + rejected, assessed, rejected, counts(PresentationType.class, types),
                counts(Stage.class, stages), counts(SafetyStatus.class, safety), elapsed);
    }

    private static <E extends Enum<E>> Map<E, Long> counts(Class<E> type, long[] counts) {
        Map<E, Long> map = new EnumMap<>(type);
        for (E constant : type.getEnumConstants()) {
            map.put(constant, counts[constant.ordinal()]);
        }
        return Collections.unmodifiableMap(map);
    }
}
