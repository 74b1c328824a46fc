package nl.burnoutprofiler.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.burnoutprofiler.store.Database;
import nl.burnoutprofiler.store.DatabaseSettings;
import nl.burnoutprofiler.store.Role;
import nl.burnoutprofiler.store.Session;

class AuthenticatorTest {

    private static final Instant NOW = Instant.parse("2026-11-30T09:00:00Z");
    private static final String PASSWORD = "correct horse battery staple";

    @Test
    void aSignInClearsAwaySessionsThatHaveEndedAndKeepsLiveOnes(@TempDir Path folder) {
        try (Database database = Database.open(DatabaseSettings.embedded(folder))) {
            database.users().create("anna", "Anna", Role.COACH, Passwords.hash(PASSWORD), null);
            database.sessions().create(new Session("ended", "anna", "csrf-1", NOW.minusSeconds(60)));
            database.sessions().create(new Session("live", "anna", "csrf-2", NOW.plusSeconds(600)));
            Authenticator authenticator = new Authenticator(database, Clock.fixed(NOW, ZoneOffset.UTC),
                    Duration.ofHours(8));

            assertThat(authenticator.signIn("anna", PASSWORD)).isPresent();

            Instant before = NOW.minusSeconds(3600);
            assertThat(database.sessions().find("ended", before)).as("ended session removed").isEmpty();
            assertThat(database.sessions().find("live", before)).as("live session kept").isPresent();
        }
    }
}
