package nl.burnoutprofiler.server;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import nl.burnoutprofiler.engine.team.TeamSignals;
import nl.burnoutprofiler.store.DatabaseSettings;

/**
 * How the server runs.
 *
 * @param host            address to listen on
 * @param port            port, 0 for any free port (tests)
 * @param rulesDirectory  rule folder to load and reload, or null for the rule set packaged in the jar
 * @param watchRules      reload the rule folder when a file in it changes
 * @param database        where cases, users, tokens and the audit log live
 * @param secureCookies   mark the session cookie Secure (behind HTTPS) even when the public URL is not https
 * @param sessionLifetime how long a sign-in lasts
 * @param publicUrl       the address people and programs reach the server at (links in CDS Hooks cards, the
 *                        audience of CDS client JWTs), without a trailing slash; null for http://localhost:PORT
 * @param cdsClients      the CDS Hooks clients whose signed JWTs are accepted as integrator credentials; none by
 *                        default
 * @param corsOrigins     the web origins ({@code https://host[:port]}, or {@code *} for any) whose pages may call the
 *                        CDS Hooks service from a browser; none by default, so no page elsewhere can
 * @param trustedProxies  the IP addresses of reverse proxies whose {@code X-Forwarded-For} names the client (for
 *                        sign-in throttling); none by default, so the client is the connection's own address
 * @param ruleSetPolling  how often the server looks in the database for a rule set activated by another server
 *                        ({@link LiveEngine#DEFAULT_POLLING} by default); zero for never
 * @param teamMinimumCases k: the fewest cases a unit or one of its figures must have before the organisation sees it
 *                        (5 by default, never less)
 */
public record ServerSettings(String host, int port, Path rulesDirectory, boolean watchRules,
                             DatabaseSettings database, boolean secureCookies, Duration sessionLifetime,
                             String publicUrl, List<CdsClient> cdsClients, List<String> corsOrigins,
                             List<String> trustedProxies, Duration ruleSetPolling, int teamMinimumCases) {

    /** Loopback: a fresh install is not reachable from the network until the operator says so. */
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;
    public static final Duration DEFAULT_SESSION_LIFETIME = Duration.ofHours(8);

    /**
     * A trusted CDS Hooks client: the {@code iss} of its JWTs and where its public keys are.
     *
     * @param issuer the exact {@code iss} value
     * @param jwks   a JWK Set: an {@code https://} (or {@code http://}) URL, or the path of a JSON file
     */
    public record CdsClient(String issuer, String jwks) {

        public CdsClient {
            if (issuer == null || issuer.isBlank()) {
                throw new IllegalArgumentException("a CDS client needs its issuer (iss)");
            }
            if (jwks == null || jwks.isBlank()) {
                throw new IllegalArgumentException("the CDS client " + issuer + " needs a JWKS file or URL");
            }
        }

        /** Reads {@code ISSUER=JWKS}, split at the first {@code =}. */
        public static CdsClient parse(String option) {
            int split = option.indexOf('=');
            if (split < 1) {
                throw new IllegalArgumentException("a CDS client is ISSUER=JWKS (a file or URL), not " + option);
            }
            return new CdsClient(option.substring(0, split).trim(), option.substring(split + 1).trim());
        }

        /** Whether the keys are fetched over HTTP(S) rather than read from a file. */
        public boolean jwksIsUrl() {
            return jwks.startsWith("https://") || jwks.startsWith("http://");
        }
    }

    public ServerSettings {
        if (watchRules && rulesDirectory == null) {
            throw new IllegalArgumentException("watching rules needs a rule folder (--rules DIR)");
        }
        if (publicUrl != null) {
            publicUrl = checkedPublicUrl(publicUrl);
        }
        cdsClients = cdsClients == null ? List.of() : List.copyOf(cdsClients);
        corsOrigins = corsOrigins == null ? List.of() : corsOrigins.stream().map(ServerSettings::checkedOrigin).toList();
        trustedProxies = trustedProxies == null ? List.of()
                : trustedProxies.stream().map(ClientAddress::checkedProxy).toList();
        ruleSetPolling = ruleSetPolling == null ? LiveEngine.DEFAULT_POLLING : ruleSetPolling;
        if (ruleSetPolling.isNegative()) {
            throw new IllegalArgumentException("the rule-set polling interval cannot be negative: " + ruleSetPolling);
        }
        if (teamMinimumCases < TeamSignals.LEAST_MINIMUM) {
            throw new IllegalArgumentException("the organisation never sees fewer than " + TeamSignals.LEAST_MINIMUM
                    + " cases: the team minimum cannot be " + teamMinimumCases);
        }
    }

    /** The settings before the organisation's view: its minimum is the default. */
    public ServerSettings(String host, int port, Path rulesDirectory, boolean watchRules, DatabaseSettings database,
                          boolean secureCookies, Duration sessionLifetime, String publicUrl,
                          List<CdsClient> cdsClients, List<String> corsOrigins, List<String> trustedProxies,
                          Duration ruleSetPolling) {
        this(host, port, rulesDirectory, watchRules, database, secureCookies, sessionLifetime, publicUrl, cdsClients,
                corsOrigins, trustedProxies, ruleSetPolling, TeamSignals.LEAST_MINIMUM);
    }

    /** The settings before the rule set was shared through the database: polled at the default interval. */
    public ServerSettings(String host, int port, Path rulesDirectory, boolean watchRules, DatabaseSettings database,
                          boolean secureCookies, Duration sessionLifetime, String publicUrl,
                          List<CdsClient> cdsClients, List<String> corsOrigins, List<String> trustedProxies) {
        this(host, port, rulesDirectory, watchRules, database, secureCookies, sessionLifetime, publicUrl, cdsClients,
                corsOrigins, trustedProxies, LiveEngine.DEFAULT_POLLING);
    }

    /** The settings before reverse proxies could be trusted: none are. */
    public ServerSettings(String host, int port, Path rulesDirectory, boolean watchRules, DatabaseSettings database,
                          boolean secureCookies, Duration sessionLifetime, String publicUrl,
                          List<CdsClient> cdsClients, List<String> corsOrigins) {
        this(host, port, rulesDirectory, watchRules, database, secureCookies, sessionLifetime, publicUrl, cdsClients,
                corsOrigins, List.of());
    }

    /** The settings before browser origins could be allowed: none are. */
    public ServerSettings(String host, int port, Path rulesDirectory, boolean watchRules, DatabaseSettings database,
                          boolean secureCookies, Duration sessionLifetime, String publicUrl,
                          List<CdsClient> cdsClients) {
        this(host, port, rulesDirectory, watchRules, database, secureCookies, sessionLifetime, publicUrl, cdsClients,
                List.of());
    }

    /** The settings of earlier versions: no public URL configured, no CDS clients. */
    public ServerSettings(String host, int port, Path rulesDirectory, boolean watchRules, DatabaseSettings database,
                          boolean secureCookies, Duration sessionLifetime) {
        this(host, port, rulesDirectory, watchRules, database, secureCookies, sessionLifetime, null, List.of(),
                List.of());
    }

    /** The embedded database under {@code dataDirectory}, packaged rules, no watching: what {@code serve} runs. */
    public static ServerSettings embedded(int port, Path dataDirectory) {
        return new ServerSettings(DEFAULT_HOST, port, null, false, DatabaseSettings.embedded(dataDirectory), false,
                DEFAULT_SESSION_LIFETIME);
    }

    public ServerSettings withRules(Path directory, boolean watch) {
        return new ServerSettings(host, port, directory, watch, database, secureCookies, sessionLifetime, publicUrl,
                cdsClients, corsOrigins, trustedProxies, ruleSetPolling);
    }

    public ServerSettings withHost(String newHost) {
        return new ServerSettings(newHost, port, rulesDirectory, watchRules, database, secureCookies, sessionLifetime,
                publicUrl, cdsClients, corsOrigins, trustedProxies, ruleSetPolling, teamMinimumCases);
    }

    public ServerSettings withPublicUrl(String url) {
        return new ServerSettings(host, port, rulesDirectory, watchRules, database, secureCookies, sessionLifetime,
                url, cdsClients, corsOrigins, trustedProxies, ruleSetPolling, teamMinimumCases);
    }

    public ServerSettings withCdsClients(List<CdsClient> clients) {
        return new ServerSettings(host, port, rulesDirectory, watchRules, database, secureCookies, sessionLifetime,
                publicUrl, clients, corsOrigins, trustedProxies, ruleSetPolling, teamMinimumCases);
    }

    public ServerSettings withCorsOrigins(List<String> origins) {
        return new ServerSettings(host, port, rulesDirectory, watchRules, database, secureCookies, sessionLifetime,
                publicUrl, cdsClients, origins, trustedProxies, ruleSetPolling, teamMinimumCases);
    }

    public ServerSettings withTrustedProxies(List<String> proxies) {
        return new ServerSettings(host, port, rulesDirectory, watchRules, database, secureCookies, sessionLifetime,
                publicUrl, cdsClients, corsOrigins, proxies, ruleSetPolling, teamMinimumCases);
    }

    /** Another database, such as one that a second server shares. */
    public ServerSettings withDatabase(DatabaseSettings other) {
        return new ServerSettings(host, port, rulesDirectory, watchRules, other, secureCookies, sessionLifetime,
                publicUrl, cdsClients, corsOrigins, trustedProxies, ruleSetPolling, teamMinimumCases);
    }

    /** How often to look for a rule set activated by another server; zero for never. */
    public ServerSettings withRuleSetPolling(Duration every) {
        return new ServerSettings(host, port, rulesDirectory, watchRules, database, secureCookies, sessionLifetime,
                publicUrl, cdsClients, corsOrigins, trustedProxies, every, teamMinimumCases);
    }

    /** k for the organisation's view: at least {@value TeamSignals#LEAST_MINIMUM}. */
    public ServerSettings withTeamMinimumCases(int minimum) {
        return new ServerSettings(host, port, rulesDirectory, watchRules, database, secureCookies, sessionLifetime,
                publicUrl, cdsClients, corsOrigins, trustedProxies, ruleSetPolling, minimum);
    }

    /** A session cookie goes over HTTPS only when asked, or when the server is reached at an https URL. */
    public boolean sessionCookieSecure() {
        return secureCookies || publicUrl != null && publicUrl.startsWith("https://");
    }

    /** The configured public URL, or {@code http://localhost:PORT} with the port the server listens on. */
    public String publicUrl(int listeningPort) {
        return publicUrl != null ? publicUrl : "http://localhost:" + listeningPort;
    }

    /** {@code *}, or a scheme, host and optional port as a browser sends them in {@code Origin}. */
    private static String checkedOrigin(String origin) {
        String trimmed = origin == null ? "" : origin.trim();
        if (trimmed.equals("*")) {
            return trimmed;
        }
        String problem = "a browser origin is https://host[:port] or *, not " + origin;
        URI uri = httpUrl(trimmed, problem);
        if (!(uri.getRawPath() == null || uri.getRawPath().isEmpty()) || uri.getUserInfo() != null) {
            throw new IllegalArgumentException(problem);
        }
        return trimmed;
    }

    private static String checkedPublicUrl(String url) {
        String trimmed = url.trim();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        httpUrl(trimmed, "the public URL must be http(s)://host[:port][/path], not " + url);
        return trimmed;
    }

    /** {@code text} as an http(s) URL with a host and without query or fragment; otherwise {@code problem}. */
    private static URI httpUrl(String text, String problem) {
        URI uri;
        try {
            uri = URI.create(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(problem, e);
        }
        if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null
                || uri.getQuery() != null || uri.getFragment() != null) {
            throw new IllegalArgumentException(problem);
        }
        return uri;
    }
}
