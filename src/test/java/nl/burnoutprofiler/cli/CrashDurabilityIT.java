package nl.burnoutprofiler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.burnoutprofiler.store.TestDatabases;

/**
 * Acknowledged means durable, on the embedded database and on PostgreSQL: the packaged server is killed
 * ({@code kill -9}) 20 times while eight clients store intakes, and after every restart the database opens and each
 * intake it answered 201 for is there. {@code -Dcrash.kills=N} sets the number of kills; {@link CrashBenchmark} runs
 * the same outside the suite.
 */
class CrashDurabilityIT {

    private static final int KILLS = Integer.getInteger("crash.kills", 20);

    @TempDir
    Path workingFolder;

    @Test
    void everyAcknowledgedIntakeSurvivesAKillOfTheServerOnTheEmbeddedDatabase() throws Exception {
        CrashRun.Result result = new CrashRun(workingFolder, Map.of()).run(KILLS);

        assertThat(result.acknowledged()).isGreaterThan(KILLS);
        assertThat(result.lost()).as("acknowledged intakes missing after a restart").isEmpty();
        System.out.printf("CrashDurabilityIT (embedded): %d kills, %d acknowledged intakes, all found after restart%n",
                result.kills(), result.acknowledged());
    }

    @Test
    void everyAcknowledgedIntakeSurvivesAKillOfTheServerOnPostgreSql() throws Exception {
        try (TestDatabases.PostgresSchema schema = TestDatabases.postgres()) {
            CrashRun.Result result = new CrashRun(workingFolder, Map.of(
                    "BURNOUT_DB_URL", schema.settings().jdbcUrl(),
                    "BURNOUT_DB_USER", schema.settings().user(),
                    "BURNOUT_DB_PASSWORD", schema.settings().password())).run(KILLS);

            assertThat(result.acknowledged()).isGreaterThan(KILLS);
            assertThat(result.lost()).as("acknowledged intakes missing after a restart").isEmpty();
            System.out.printf("CrashDurabilityIT (PostgreSQL): %d kills, %d acknowledged intakes, all found after restart%n",
                    result.kills(), result.acknowledged());
        }
    }
}
