package nl.burnoutprofiler.engine.facts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import nl.burnoutprofiler.engine.Observation;

/**
 * All observations of one intake, looked up by code. Rules reach the observations through it, e.g.
 * {@code $o : Observation() from $observed.present("SLEEP_PROBLEMS", "EXHAUSTION")}: one hashed lookup per rule
 * instead of testing every observation against every rule's list of codes, which is what makes an assessment
 * cheap. Read-only; the lists it returns follow the order of the codes asked for.
 */
public final class Observations {

    private final Map<String, Observation> byCode;
    private final Set<String> reportedByOthers;
    private final List<Observation> reported;

    public Observations(List<Observation> observations) {
        byCode = new HashMap<>(observations.size() * 2);
        Set<String> reportedCodes = new HashSet<>();
        List<Observation> reportedSignals = new ArrayList<>();
        for (Observation observation : observations) {
            byCode.put(observation.code(), observation);
            if (observation.reportedByOthers()) {
                reportedCodes.add(observation.code());
                if (observation.present()) {
                    reportedSignals.add(observation);
                }
            }
        }
        reportedByOthers = Set.copyOf(reportedCodes);
        reported = List.copyOf(reportedSignals);
    }

    /** The observations a colleague or manager reported as present, in the order of the intake. */
    public List<Observation> reported() {
        return reported;
    }

    /** The codes a colleague or manager reported: signals to explore, which never alone name a presentation. */
    public Set<String> reportedByOthers() {
        return reportedByOthers;
    }

    /** The observations among these codes that were recorded as present. */
    public List<Observation> present(String... codes) {
        return select(codes, Boolean.TRUE);
    }

    /**
     * The observations among these codes that were recorded as present by someone who saw them at first hand:
     * the coach, the client or a physician. A gate that puts a type's first step before all else rests on these.
     */
    public List<Observation> seenFirstHand(String... codes) {
        List<Observation> present = select(codes, Boolean.TRUE);
        List<Observation> seen = present;
        for (int i = 0; i < present.size(); i++) {
            if (present.get(i).reportedByOthers()) {
                if (seen == present) {
                    seen = new ArrayList<>(present.subList(0, i));
                }
            } else if (seen != present) {
                seen.add(present.get(i));
            }
        }
        return seen;
    }

    /** The observations among these codes that were checked and found absent. */
    public List<Observation> absent(String... codes) {
        return select(codes, Boolean.FALSE);
    }

    /** The observations among these codes that were recorded at all, present or absent. */
    public List<Observation> recorded(String... codes) {
        return select(codes, null);
    }

    private List<Observation> select(String[] codes, Boolean present) {
        List<Observation> found = null;
        for (String code : codes) {
            Observation observation = byCode.get(code);
            if (observation != null && (present == null || observation.present() == present)) {
                if (found == null) {
                    found = new ArrayList<>(codes.length);
                }
                found.add(observation);
            }
        }
        return found == null ? List.of() : found;
    }

    @Override
    public String toString() {
        return "Observations " + byCode.size();
    }
}
