package nl.burnoutprofiler.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import nl.burnoutprofiler.engine.ProfilerEngine;
import nl.burnoutprofiler.engine.catalogue.Catalogue;
import nl.burnoutprofiler.engine.team.SignalKind;
import nl.burnoutprofiler.engine.team.TeamSignal;
import nl.burnoutprofiler.engine.team.TeamSignals;
import nl.burnoutprofiler.store.UnitMeeting;

/** What the organisation may see of a unit: nothing of fewer than k cases, and no case told apart by a difference. */
class TeamAggregatorTest {

    private static final byte[] KEY = "a key the servers keep, for tests".getBytes();
    private static Catalogue catalogue;

    private TeamAggregator aggregator = new TeamAggregator(catalogue, new Disclosure(KEY, 5));
    private long nextIntakeId = 1;

    @BeforeAll
    static void loadCatalogue() {
        catalogue = ProfilerEngine.packaged().catalogue();
    }

    private UnitMeeting meeting(String caseId, String date, String type, String stage, String... presentCodes) {
        String observations = Stream.concat(
                        Arrays.stream(presentCodes).map(code -> "{\"code\":\"" + code + "\",\"intensity\":2}"),
                        Stream.of("{\"code\":\"LOW_AUTONOMY\",\"present\":false}"))
                .collect(Collectors.joining(","));
        String json = "{\"caseId\":\"" + caseId + "\",\"date\":\"" + date + "\",\"observations\":[" + observations
                + "]}";
        long id = nextIntakeId++;
        return new UnitMeeting(caseId, id, id, LocalDate.parse(date), json, type, stage);
    }

    /** n cases met on one day, the first {@code withWorkload} of them with a high workload. */
    private List<UnitMeeting> team(int n, int withWorkload) {
        List<UnitMeeting> meetings = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            meetings.add(i < withWorkload
                    ? meeting("case-" + i, "2026-10-01", "CONTEXTUAL", "CONTEMPLATION", "HIGH_WORKLOAD")
                    : meeting("case-" + i, "2026-10-01", "PHYSIOLOGICAL", "CONTEMPLATION"));
        }
        return meetings;
    }

    private static TeamCell cell(TeamPeriod period, SignalKind kind, String code) {
        return period.cells().stream().filter(cell -> cell.kind() == kind && cell.code().equals(code)).findFirst()
                .orElseThrow();
    }

    @Test
    void aUnitOfFourCasesShowsNothing() {
        TeamView view = aggregator.view("zorg-team-3", team(4, 4));

        assertThat(view.current().shown()).isFalse();
        assertThat(view.current().cases()).isZero();
        assertThat(view.current().cells()).isEmpty();
        assertThat(view.course()).allSatisfy(quarter -> assertThat(quarter.shown()).isFalse());
        assertThat(view.signals()).isEmpty();
    }

    @Test
    void aUnitOfFourCasesWithManyMeetingsStillShowsNothing() {
        List<UnitMeeting> meetings = new ArrayList<>();
        for (int month = 1; month <= 9; month++) {
            for (int i = 0; i < 4; i++) {
                meetings.add(meeting("case-" + i, "2026-0" + month + "-01", "CONTEXTUAL", "ACTION", "HIGH_WORKLOAD"));
            }
        }
        assertThat(aggregator.view("zorg-team-3", meetings).current().shown()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4})
    void aSignalInFewerThanFiveCasesIsNeverANumber(int withWorkload) {
        for (int size = 5; size <= 40; size++) {
            TeamView view = aggregator.view("zorg-team-3", team(size, withWorkload));

            assertThat(view.current().shown()).isTrue();
            assertThat(cell(view.current(), SignalKind.CONTEXT, "HIGH_WORKLOAD").count()).as("team of %d", size).isNull();
            assertThat(cell(view.current(), SignalKind.CONTEXT, "HIGH_WORKLOAD").share()).isNull();
        }
    }

    @Test
    void aMinimumBelowFiveIsRefused() {
        assertThatThrownBy(() -> new Disclosure(KEY, 4)).hasMessageContaining("never below 5");
    }

    @Test
    void shownFiguresAreMultiplesOfFiveNeverBelowTheMinimumAndWithinFiveOfTheTruth() {
        for (int size = 5; size <= 40; size++) {
            for (int withWorkload = 5; withWorkload <= size; withWorkload++) {
                TeamPeriod current = aggregator.view("zorg-team-3", team(size, withWorkload)).current();
                int shown = cell(current, SignalKind.CONTEXT, "HIGH_WORKLOAD").count();

                assertThat(shown % Disclosure.BASE).isZero();
                assertThat(shown).isGreaterThanOrEqualTo(5).isBetween(withWorkload - 4, withWorkload + 4);
                assertThat(current.cases() % Disclosure.BASE).isZero();
                assertThat(shown).as("never more than the cases beside it").isLessThanOrEqualTo(current.cases());
            }
        }
    }

    @Test
    void theSameDataAlwaysShowsTheSameFigures() {
        List<UnitMeeting> meetings = team(23, 13);

        assertThat(aggregator.view("zorg-team-3", meetings)).isEqualTo(aggregator.view("zorg-team-3", meetings));
        assertThat(new TeamAggregator(catalogue, new Disclosure(KEY, 5)).view("zorg-team-3", meetings))
                .isEqualTo(aggregator.view("zorg-team-3", meetings));
    }

    /**
     * The differencing attack: someone sees a unit before and after one known client joins, and reads the client's
     * signal from the difference. With exact counts they would always be right; with rounding drawn afresh for each
     * population, their best reading of every figure is right little more often than a coin toss.
     */
    @Test
    void twoViewsThatDifferByOneCaseDoNotRevealThatCase() {
        int trials = 400;
        int right = 0;
        Random keys = new Random(7);
        for (int trial = 0; trial < trials; trial++) {
            byte[] key = ByteBuffer.allocate(8).putLong(keys.nextLong()).array();
            TeamAggregator seen = new TeamAggregator(catalogue, new Disclosure(key, 5));
            List<UnitMeeting> before = team(20, 11);
            boolean joinerHasIt = trial % 2 == 0;
            List<UnitMeeting> after = new ArrayList<>(before);
            after.add(joinerHasIt ? meeting("joiner", "2026-10-02", "CONTEXTUAL", "ACTION", "HIGH_WORKLOAD")
                    : meeting("joiner", "2026-10-02", "CONTEXTUAL", "ACTION"));

            int countBefore = cell(seen.view("u", before).current(), SignalKind.CONTEXT, "HIGH_WORKLOAD").count();
            int countAfter = cell(seen.view("u", after).current(), SignalKind.CONTEXT, "HIGH_WORKLOAD").count();
            boolean guess = countAfter > countBefore;
            if (guess == joinerHasIt) {
                right++;
            }
        }
        assertThat(right / (double) trials).as("share of right guesses").isLessThan(0.7);
    }

    @Test
    void theCourseCountsEachCaseOnceAQuarterAtItsLatestMeetingThere() {
        List<UnitMeeting> meetings = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            meetings.add(meeting("case-" + i, "2026-04-01", "CONTEXTUAL", "CONTEMPLATION", "HIGH_WORKLOAD"));
            meetings.add(meeting("case-" + i, "2026-05-01", "CONTEXTUAL", "PREPARATION", "HIGH_WORKLOAD"));
        }
        for (int i = 0; i < 3; i++) {
            meetings.add(meeting("case-" + i, "2026-08-01", "CONTEXTUAL", "ACTION"));
        }

        TeamView view = aggregator.view("zorg-team-3", meetings);

        assertThat(view.course()).extracting(TeamPeriod::period).hasSize(TeamAggregator.QUARTERS)
                .startsWith("2024-Q4").endsWith("2026-Q2", "2026-Q3");
        TeamPeriod spring = view.course().get(TeamAggregator.QUARTERS - 2);
        assertThat(spring.cases()).as("6 cases, rounded").isIn(5, 10);
        assertThat(cell(spring, SignalKind.STAGE, "PREPARATION").count()).as("all 6 in preparation").isIn(5, 10);
        assertThat(cell(spring, SignalKind.STAGE, "CONTEMPLATION").count()).isNull();
        assertThat(view.course().get(TeamAggregator.QUARTERS - 1).shown()).as("3 cases met in Q3").isFalse();
        assertThat(cell(view.current(), SignalKind.STAGE, "PREPARATION").count()).as("3 moved on to action").isNull();
    }

    @Test
    void privateLifeIsNotCountedAndAbsentCodesAreNotPresent() {
        TeamView view = aggregator.view("zorg-team-3", team(10, 10));

        assertThat(view.current().cells()).extracting(TeamCell::code)
                .doesNotContain("PRIVATE_CARE_BURDEN", "RECENT_PRIVATE_LIFE_EVENT")
                .contains("HIGH_WORKLOAD", "AUTONOMY_FRUSTRATED", "LOW_ENERGY_AFTER_WORK", "STRESS_SOURCE_ORGANISATIONAL",
                        "CONTEXTUAL", "PRECONTEMPLATION");
        assertThat(cell(view.current(), SignalKind.CONTEXT, "LOW_AUTONOMY").count()).as("recorded as absent").isNull();
        assertThat(cell(view.current(), SignalKind.CONTEXT, "HIGH_WORKLOAD").share()).isEqualTo(100);
    }

    @Test
    void theRulesReadOnlyWhatIsShown() {
        TeamSignals signals = aggregator.view("zorg-team-3", team(12, 3)).signals().orElseThrow();

        assertThat(signals.minimumCount()).isEqualTo(5);
        assertThat(signals.signals()).filteredOn(signal -> signal.code().equals("HIGH_WORKLOAD"))
                .singleElement().returns(false, TeamSignal::shown).returns(0, TeamSignal::count);
        assertThat(signals.signals()).filteredOn(signal -> signal.code().equals("CONTEMPLATION"))
                .singleElement().satisfies(signal -> {
                    assertThat(signal.shown()).isTrue();
                    assertThat(signal.share()).as("12 of 12, each figure rounded on its own").isBetween(0.6, 1.0);
                });
        assertThat(IntStream.of(signals.cases())).containsAnyOf(10, 15);
    }
}
