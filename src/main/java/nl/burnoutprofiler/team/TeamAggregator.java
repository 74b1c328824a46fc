package nl.burnoutprofiler.team;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;

import nl.burnoutprofiler.engine.PresentationType;
import nl.burnoutprofiler.engine.Stage;
import nl.burnoutprofiler.engine.catalogue.Catalogue;
import nl.burnoutprofiler.engine.catalogue.ObservationCode;
import nl.burnoutprofiler.engine.team.SignalKind;
import nl.burnoutprofiler.json.JsonInput;
import nl.burnoutprofiler.store.UnitMeeting;

/**
 * Turns the stored meetings of a unit's cases into what the organisation may see of it: per signal, how many cases
 * show it at their latest meeting, now and per quarter, through {@link Disclosure}. Thread-safe.
 */
public final class TeamAggregator {

    /** Seed 000's five early signals of motivation erosion. */
    public static final List<String> EARLY_SIGNALS = List.of("LOW_ENERGY_AFTER_WORK", "IRRITABLE_OR_CYNICAL",
            "POOR_EVENING_RECOVERY", "DOUBT_RATIONALISED_AWAY", "WORKING_FROM_MUST");
    /** Context observations about a client's private life: nothing the organisation should count or act on. */
    static final Set<String> PRIVATE_LIFE = Set.of("PRIVATE_CARE_BURDEN", "RECENT_PRIVATE_LIFE_EVENT");
    /** How many quarters the course goes back, the latest included. */
    public static final int QUARTERS = 8;

    private final Disclosure disclosure;
    private final Map<SignalKind, List<String>> counted;

    public TeamAggregator(Catalogue catalogue, Disclosure disclosure) {
        this.disclosure = disclosure;
        this.counted = countedCodes(catalogue);
    }

    /** Every signal counted, by kind, in catalogue order: the same cells for every unit, shown or not. */
    public Map<SignalKind, List<String>> counted() {
        return counted;
    }

    private static Map<SignalKind, List<String>> countedCodes(Catalogue catalogue) {
        Map<SignalKind, List<String>> codes = new LinkedHashMap<>();
        codes.put(SignalKind.CONTEXT, group(catalogue, "CONTEXT").stream().filter(code -> !PRIVATE_LIFE.contains(code))
                .toList());
        codes.put(SignalKind.BASIC_NEED, group(catalogue, "BASIC_NEEDS"));
        codes.put(SignalKind.EARLY_SIGNAL, EARLY_SIGNALS.stream().filter(catalogue::hasCode).toList());
        codes.put(SignalKind.STRESS_SOURCE, group(catalogue, "STRESS_SOURCE"));
        codes.put(SignalKind.PRESENTATION_TYPE, names(PresentationType.values()));
        codes.put(SignalKind.STAGE, names(Stage.values()));
        return Collections.unmodifiableMap(codes);
    }

    private static List<String> group(Catalogue catalogue, String group) {
        return catalogue.codes().stream().filter(code -> code.group().equals(group)).map(ObservationCode::code).toList();
    }

    private static List<String> names(Enum<?>[] values) {
        List<String> names = new ArrayList<>();
        for (Enum<?> value : values) {
            names.add(value.name());
        }
        return List.copyOf(names);
    }

    /**
     * The view of a unit from the latest version of every meeting of its cases (as {@code UnitStore.meetings} gives
     * them).
     */
    public TeamView view(String unit, List<UnitMeeting> meetings) {
        TeamPeriod current = period("current", latestPerCase(meetings));
        TreeMap<String, List<UnitMeeting>> byQuarter = new TreeMap<>();
        for (UnitMeeting meeting : meetings) {
            byQuarter.computeIfAbsent(quarter(meeting.date()), quarter -> new ArrayList<>()).add(meeting);
        }
        List<TeamPeriod> course = new ArrayList<>();
        for (String quarter : byQuarter.isEmpty() ? List.<String>of() : quartersUpTo(byQuarter.lastKey())) {
            course.add(period(quarter, latestPerCase(byQuarter.getOrDefault(quarter, List.of()))));
        }
        return new TeamView(unit, disclosure.minimumCount(), current, course);
    }

    private TeamPeriod period(String name, List<UnitMeeting> counted) {
        String population = fingerprint(counted);
        OptionalInt cases = disclosure.show(population, "cases", counted.size());
        if (cases.isEmpty()) {
            return TeamPeriod.hidden(name);
        }
        Map<String, Integer> present = new TreeMap<>();
        for (UnitMeeting meeting : counted) {
            for (String key : signalsOf(meeting)) {
                present.merge(key, 1, Integer::sum);
            }
        }
        List<TeamCell> cells = new ArrayList<>();
        this.counted.forEach((kind, codes) -> {
            for (String code : codes) {
                String key = kind + ":" + code;
                OptionalInt count = disclosure.show(population, key, present.getOrDefault(key, 0));
                // Each figure is rounded on its own; a count is never shown above the number of cases beside it.
                int shown = Math.min(count.orElse(0), cases.getAsInt());
                cells.add(count.isPresent()
                        ? new TeamCell(kind, code, shown, (int) Math.round(100.0 * shown / cases.getAsInt()))
                        : new TeamCell(kind, code, null, null));
            }
        });
        return new TeamPeriod(name, true, cases.getAsInt(), cells);
    }

    /** "KIND:CODE" of every signal the meeting shows, each once. */
    private Set<String> signalsOf(UnitMeeting meeting) {
        Set<String> signals = new HashSet<>();
        Set<String> observed = presentCodes(meeting.intakeJson());
        counted.forEach((kind, codes) -> {
            for (String code : codes) {
                boolean shows = switch (kind) {
                    case PRESENTATION_TYPE -> code.equals(meeting.primaryType());
                    case STAGE -> code.equals(meeting.stage());
                    default -> observed.contains(code);
                };
                if (shows) {
                    signals.add(kind + ":" + code);
                }
            }
        });
        return signals;
    }

    /** The codes an intake records as present; read leniently, as a code may have left the catalogue since. */
    private static Set<String> presentCodes(String intakeJson) {
        Set<String> codes = new HashSet<>();
        for (JsonNode observation : JsonInput.read(intakeJson).path("observations")) {
            if (observation.path("present").asBoolean(true) && observation.path("code").isTextual()) {
                codes.add(observation.path("code").asText());
            }
        }
        return codes;
    }

    /** Of each case, its latest meeting among these (they come oldest first per case). */
    private static List<UnitMeeting> latestPerCase(List<UnitMeeting> meetings) {
        Map<String, UnitMeeting> latest = new TreeMap<>();
        for (UnitMeeting meeting : meetings) {
            latest.merge(meeting.caseId(), meeting, (earlier, later) -> later.date().isBefore(earlier.date()) ? earlier : later);
        }
        return List.copyOf(latest.values());
    }

    /** The cases and the versions counted: any change to either draws every rounding afresh. */
    private static String fingerprint(List<UnitMeeting> counted) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (UnitMeeting meeting : counted) {
                digest.update((meeting.caseId() + ":" + meeting.intakeId() + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    static String quarter(LocalDate date) {
        return date.getYear() + "-Q" + ((date.getMonthValue() - 1) / 3 + 1);
    }

    /** The {@value #QUARTERS} quarters up to and including the latest. */
    private static List<String> quartersUpTo(String latest) {
        int year = Integer.parseInt(latest.substring(0, 4));
        int quarter = latest.charAt(6) - '0';
        List<String> quarters = new ArrayList<>();
        for (int i = 0; i < QUARTERS; i++) {
            quarters.add(0, year + "-Q" + quarter);
            if (--quarter == 0) {
                quarter = 4;
                year--;
            }
        }
        return quarters;
    }
}
