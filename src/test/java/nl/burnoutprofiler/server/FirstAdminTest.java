package nl.burnoutprofiler.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.burnoutprofiler.store.Database;
import nl.burnoutprofiler.store.DatabaseSettings;
import nl.burnoutprofiler.store.Role;
import nl.burnoutprofiler.store.TestDatabases;

/** The first admin of a new installation, also when several servers start on one new database at once. */
class FirstAdminTest {

    private static final int SERVERS = 6;

    @TempDir
    Path data;

    @Test
    void serversStartingAtOnceOnTheEmbeddedDatabaseMakeOneAdminAndShowOnePassword() throws Exception {
        startingAtOnce(TestDatabases.embedded(data));
    }

    @Test
    void serversStartingAtOnceOnPostgresqlMakeOneAdminAndShowOnePassword() throws Exception {
        try (TestDatabases.PostgresSchema schema = TestDatabases.postgres()) {
            startingAtOnce(schema.settings());
        }
    }

    /** Each "server" opens its own pool on the database and runs the first start's check at the same moment. */
    private static void startingAtOnce(DatabaseSettings settings) throws Exception {
        List<Database> databases = new ArrayList<>();
        for (int i = 0; i < SERVERS; i++) {
            databases.add(Database.open(settings));
        }
        ExecutorService pool = Executors.newFixedThreadPool(SERVERS);
        try {
            CountDownLatch ready = new CountDownLatch(SERVERS);
            List<Future<String>> consoles = new ArrayList<>();
            for (Database database : databases) {
                consoles.add(pool.submit(() -> {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    ready.countDown();
                    ready.await();
                    FirstAdmin.ensure(database, null, new PrintStream(out, true, StandardCharsets.UTF_8));
                    return out.toString(StandardCharsets.UTF_8);
                }));
            }
            List<String> shown = new ArrayList<>();
            for (Future<String> console : consoles) {
                shown.add(console.get());
            }
            List<String> withPassword = shown.stream().filter(text -> text.contains("with password ")).toList();
            assertThat(withPassword).as("the consoles: %s", shown).hasSize(1);
            String password = withPassword.get(0).replaceAll("(?s).*with password (\\S+).*", "$1");
            Database any = databases.get(SERVERS - 1);
            assertThat(any.users().all()).singleElement().satisfies(admin -> {
                assertThat(admin.username()).isEqualTo(FirstAdmin.USERNAME);
                assertThat(admin.role()).isEqualTo(Role.ADMIN);
            });
            assertThat(Passwords.matches(password, any.users().passwordHash(FirstAdmin.USERNAME).orElseThrow()))
                    .as("the password shown works").isTrue();
        } finally {
            pool.shutdownNow();
            databases.forEach(Database::close);
        }
    }
}
