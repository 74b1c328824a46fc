package nl.burnoutprofiler.server;

import java.nio.file.Path;
import java.time.Duration;

import nl.burnoutprofiler.store.DatabaseSettings;

/**
 * How the server runs.
 *
 * @param host            address to listen on
 * @param port            port, 0 for any free port (tests)
 * @param rulesDirectory  rule folder to load and reload, or null for the rule set packaged in the jar
 * @param watchRules      reload the rule folder when a file in it changes
 * @param database        where cases, users, tokens and the audit log live
 * @param secureCookies   mark the session cookie Secure (behind HTTPS)
 * @param sessionLifetime how long a sign-in lasts
 */
public record ServerSettings(String host, int port, Path rulesDirectory, boolean watchRules,
                             DatabaseSettings database, boolean secureCookies, Duration sessionLifetime) {

    public static final int DEFAULT_PORT = 8080;
    public static final Duration DEFAULT_SESSION_LIFETIME = Duration.ofHours(8);

    public ServerSettings {
        if (watchRules && rulesDirectory == null) {
            throw new IllegalArgumentException("watching rules needs a rule folder (--rules DIR)");
        }
    }

    /** The embedded database under {@code dataDirectory}, packaged rules, no watching: what {@code serve} runs. */
    public static ServerSettings embedded(int port, Path dataDirectory) {
        return new ServerSettings("0.0.0.0", port, null, false, DatabaseSettings.embedded(dataDirectory), false,
                DEFAULT_SESSION_LIFETIME);
    }

    public ServerSettings withRules(Path directory, boolean watch) {
        return new ServerSettings(host, port, directory, watch, database, secureCookies, sessionLifetime);
    }

    public ServerSettings withHost(String newHost) {
        return new ServerSettings(newHost, port, rulesDirectory, watchRules, database, secureCookies, sessionLifetime);
    }
}
