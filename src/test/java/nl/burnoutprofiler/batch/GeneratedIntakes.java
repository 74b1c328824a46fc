package nl.burnoutprofiler.batch;

import java.io.Reader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import nl.burnoutprofiler.engine.Observer;
import nl.burnoutprofiler.engine.catalogue.Catalogue;
import nl.burnoutprofiler.engine.catalogue.ObservationCode;

/**
 * Varied, valid intakes as NDJSON lines, made on demand: line {@code n} depends only on the seed and {@code n}, so a
 * million of them stream through a {@link #reader} without ever being held together. 0 to 40 observations drawn
 * from the catalogue (about 15% checked absent, a safety code in about one in twelve), rulers on half of them,
 * every observer, dates through 2026, and now and then a note with Dutch text. The JSON is built by hand: in the
 * benchmark this runs on the reader thread, which shares the processors with the workers.
 */
public final class GeneratedIntakes {

    private static final String[] NOTES = {
            "wil minder werken, maar het team laat ik niet vallen",
            "slaapt slecht sinds de reorganisatie; \\\"moe van het moeten\\\"",
            "ervaart geen steun van leidinggevende, wel van partner",
            "café-bezoek met collega's helpt even, daarna weer onrust",
            "Vrije tekst: wordt bewaard en getoond, nooit door regels gelezen.",
    };
    private static final Observer[] OBSERVERS = Observer.values();
    private static final LocalDate FIRST_DAY = LocalDate.of(2026, 1, 1);

    private final String[] ordinary;
    private final String[] safety;
    private final long seed;

    public GeneratedIntakes(Catalogue catalogue, long seed) {
        List<String> ordinaryCodes = new ArrayList<>();
        List<String> safetyCodes = new ArrayList<>();
        for (ObservationCode code : catalogue.codes()) {
            ("SAFETY".equals(code.group()) ? safetyCodes : ordinaryCodes).add(code.code());
        }
        this.ordinary = ordinaryCodes.toArray(String[]::new);
        this.safety = safetyCodes.toArray(String[]::new);
        this.seed = seed;
    }

    /** Intake number {@code n} as one line of JSON, without the line break; its caseId is {@code gen-n}. */
    public String line(long n) {
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + n);
        StringBuilder json = new StringBuilder(2048);
        json.append("{\"caseId\":\"gen-").append(n).append('"');
        json.append(",\"date\":\"").append(FIRST_DAY.plusDays(random.nextInt(365))).append('"');
        json.append(",\"observer\":\"").append(OBSERVERS[random.nextInt(OBSERVERS.length)].name()).append('"');
        json.append(",\"observations\":[");
        int count = random.nextInt(41);
        String[] pool = ordinary.clone();
        for (int i = 0; i < count; i++) {
            // Partial Fisher-Yates: each code at most once.
            int pick = i + random.nextInt(pool.length - i);
            String code = pool[pick];
            pool[pick] = pool[i];
            if (i == 0 && random.nextInt(12) == 0) {
                code = safety[random.nextInt(safety.length)];
            }
            json.append(i == 0 ? "" : ",").append("{\"code\":\"").append(code).append('"');
            if (random.nextInt(100) < 15) {
                json.append(",\"present\":false");
            } else {
                json.append(",\"intensity\":").append(1 + random.nextInt(3));
            }
            if (random.nextInt(50) == 0) {
                json.append(",\"note\":\"").append(NOTES[random.nextInt(NOTES.length)]).append('"');
            }
            json.append('}');
        }
        json.append(']');
        if (random.nextBoolean()) {
            json.append(",\"rulers\":{\"importance\":").append(random.nextInt(11))
                    .append(",\"confidence\":").append(random.nextInt(11))
                    .append(",\"readiness\":").append(random.nextInt(11)).append('}');
        }
        if (random.nextInt(10) == 0) {
            json.append(",\"notes\":\"").append(NOTES[random.nextInt(NOTES.length)]).append('"');
        }
        return json.append('}').toString();
    }

    /** The first {@code count} intakes as NDJSON, each line ended by {@code \n}, made while being read. */
    public Reader reader(long count) {
        return new Reader() {
            private long next;
            private String current = "";
            private int position;

            @Override
            public int read(char[] buffer, int offset, int length) {
                int copied = 0;
                while (copied < length) {
                    if (position == current.length()) {
                        if (next == count) {
                            break;
                        }
                        current = line(next++) + "\n";
                        position = 0;
                    }
                    int n = Math.min(length - copied, current.length() - position);
                    current.getChars(position, position + n, buffer, offset + copied);
                    position += n;
                    copied += n;
                }
                return copied == 0 && length > 0 ? -1 : copied;
            }

            @Override
            public void close() {
                // nothing to release
            }
        };
    }
}
