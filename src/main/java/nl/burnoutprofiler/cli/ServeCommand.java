package nl.burnoutprofiler.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import nl.burnoutprofiler.engine.RuleSetException;
import nl.burnoutprofiler.server.FirstAdmin;
import nl.burnoutprofiler.server.ProfilerServer;
import nl.burnoutprofiler.server.ServerSettings;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Start the web application and the HTTP API on one port.")
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "8080", description = "Port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", defaultValue = "${env:BURNOUT_HOST:-" + ServerSettings.DEFAULT_HOST + "}",
            description = "Address to listen on (or BURNOUT_HOST; default: ${DEFAULT-VALUE}, this machine only). "
                    + "0.0.0.0 for every network interface.")
    String host;

    @Option(names = "--rules", paramLabel = "DIR",
            description = "Rule folder to load (and reload) instead of the rule set packaged in the jar.")
    Path rulesDirectory;

    @Option(names = "--watch-rules", description = "Reload the rule folder when one of its files changes.")
    boolean watchRules;

    @Option(names = "--secure-cookies",
            description = "Mark the session cookie Secure (HTTPS only), also when --public-url is not https; it is "
                    + "always with an https public URL.")
    boolean secureCookies;

    @Option(names = "--public-url", paramLabel = "URL",
            description = "The address the server is reached at, e.g. https://coach.example.org (links in CDS Hooks "
                    + "cards, the audience of CDS client JWTs). Default: http://localhost:PORT.")
    String publicUrl;

    @Option(names = "--cds-client", paramLabel = "ISSUER=JWKS",
            description = "Trust the signed JWTs of this CDS Hooks client: its iss, and its public keys as a JWK Set "
                    + "URL or file. Repeatable; none by default.")
    List<String> cdsClients = new ArrayList<>();

    @Option(names = "--cors-origin", paramLabel = "ORIGIN",
            description = "Let pages from this origin (https://host[:port], or * for any) call the CDS Hooks service "
                    + "from a browser, as browser-based CDS clients do. Repeatable; none by default.")
    List<String> corsOrigins = new ArrayList<>();

    @Option(names = "--trusted-proxy", paramLabel = "IP",
            description = "A reverse proxy in front of the server, by IP address as the server sees it: its "
                    + "X-Forwarded-For then names the client (for sign-in throttling). Repeatable; none by default, "
                    + "so X-Forwarded-For is ignored.")
    List<String> trustedProxies = new ArrayList<>();

    @Option(names = "--team-minimum-cases", paramLabel = "K", defaultValue = "5",
            description = "The fewest cases a unit, or one figure of it, must have before an organisation user sees "
                    + "it; never below 5 (default: ${DEFAULT-VALUE}).")
    int teamMinimumCases;

    @Mixin
    DatabaseOptions database;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        ServerSettings settings;
        try {
            settings = new ServerSettings(host, port, rulesDirectory, watchRules, database.settings(),
                    secureCookies, ServerSettings.DEFAULT_SESSION_LIFETIME, publicUrl,
                    cdsClients.stream().map(ServerSettings.CdsClient::parse).toList(), corsOrigins, trustedProxies)
                    .withTeamMinimumCases(teamMinimumCases);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        showServerLog();
        ProfilerServer server;
        try {
            server = ProfilerServer.start(settings, database ->
                    FirstAdmin.ensure(database, System.getenv(FirstAdmin.PASSWORD_VARIABLE), System.out));
        } catch (RuleSetException e) {
            throw e;
        } catch (RuntimeException e) {
            spec.commandLine().getErr().println("The server could not start: " + rootMessage(e));
            return Main.CANNOT_START;
        }
        spec.commandLine().getOut().println("burnout-profiler serves http://localhost:" + server.port() + "/");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "shutdown"));
        stopped.await();
        return 0;
    }

    /** A server reports what it does (start, rule reloads); the one-shot commands stay quiet. */
    private static void showServerLog() {
        ((Logger) LoggerFactory.getLogger("nl.burnoutprofiler")).setLevel(Level.INFO);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
