package nl.burnoutprofiler.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import nl.burnoutprofiler.engine.ProfilerEngine;
import nl.burnoutprofiler.store.Database;
import nl.burnoutprofiler.store.DatabaseSettings;
import nl.burnoutprofiler.store.Role;

/**
 * The real server on a free port of 127.0.0.1 with the embedded (SQLite) database in a temporary folder (or any
 * database: {@link #settings(DatabaseSettings)}), and the people and programs that call it. Start one per test class; it loads the rule set once.
 *
 * <pre>{@code
 * TestServer server = TestServer.start(folder);
 * Caller anna = server.coach("anna");
 * Response response = anna.post("/api/v1/assessments", TestIntake.forCase("c-1").observed("SLEEP_PROBLEMS", 3).json());
 * }</pre>
 */
final class TestServer implements AutoCloseable {

    /** The password of every user created with one; long enough for {@link Passwords}. */
    static final String PASSWORD = "correct horse battery staple";

    static final ObjectMapper JSON = new ObjectMapper();

    private final ProfilerServer server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;

    private TestServer(ProfilerServer server) {
        this.server = server;
        this.base = URI.create("http://127.0.0.1:" + server.port());
    }

    /** The server with the packaged rule set and its database under {@code dataDirectory}. */
    static TestServer start(Path dataDirectory) {
        return start(settings(dataDirectory));
    }

    static TestServer start(ServerSettings settings) {
        return new TestServer(ProfilerServer.start(settings));
    }

    /** With a clock the test moves, such as to let a sign-in lock-out end. */
    static TestServer start(ServerSettings settings, Clock clock) {
        return new TestServer(ProfilerServer.start(settings, database -> { }, clock));
    }

    static ServerSettings settings(Path dataDirectory) {
        return ServerSettings.embedded(0, dataDirectory).withHost("127.0.0.1");
    }

    /** The server on {@code database}, which other servers may share (see {@link TwoServersTest}), packaged rules. */
    static ServerSettings settings(DatabaseSettings database) {
        return new ServerSettings("127.0.0.1", 0, null, false, database, false,
                ServerSettings.DEFAULT_SESSION_LIFETIME);
    }

    ProfilerServer server() {
        return server;
    }

    Database database() {
        return server.database();
    }

    ProfilerEngine engine() {
        return server.engine().current();
    }

    List<RouteTable.Route> routes() {
        return server.routes();
    }

    @Override
    public void close() {
        server.close();
    }

    // ---- people and programs

    /** Someone without credentials. */
    Caller anonymous() {
        return new Caller(Map.of());
    }

    /** A coach (without a case manager) calling with a bearer token. */
    Caller coach(String username) {
        return coach(username, null);
    }

    /** A coach assigned to {@code manager}, calling with a bearer token. */
    Caller coach(String username, String manager) {
        createUser(username, Role.COACH, manager, null);
        return withToken(username, Role.COACH);
    }

    Caller caseManager(String username) {
        createUser(username, Role.CASE_MANAGER, null, null);
        return withToken(username, Role.CASE_MANAGER);
    }

    /** An admin token (acts for itself, like an integrator's). */
    Caller adminToken(String name) {
        return withToken(name, Role.ADMIN);
    }

    Caller integratorToken(String name) {
        return withToken(name, Role.INTEGRATOR);
    }

    /** A user who can sign in with {@link #PASSWORD} (or no password when {@code password} is null). */
    void createUser(String username, Role role, String manager, String password) {
        database().users().create(username, displayName(username), role,
                password == null ? null : Passwords.hash(password), manager);
    }

    static String displayName(String username) {
        return "Display " + username;
    }

    /** A bearer token of this role, acting for the user {@code name} (coach, case manager) or for itself. */
    Caller withToken(String name, Role role) {
        String token = Tokens.newToken();
        String user = role == Role.COACH || role == Role.CASE_MANAGER ? name : null;
        Tokens.create(database(), "token-" + name, role, user, token, "test");
        return new Caller(Map.of("Authorization", "Bearer " + token));
    }

    /**
     * Signs in through the API as a browser does and returns the browser: it sends the session cookie and the
     * session's CSRF token.
     */
    Caller signIn(String username, String password) {
        Response response = anonymous().post("/api/v1/session",
                JSON.createObjectNode().put("username", username).put("password", password).toString());
        if (response.status() != 200) {
            throw new AssertionError("sign-in of " + username + " failed: " + response);
        }
        return new Caller(Map.of("Cookie", sessionCookie(response),
                SessionRoutes.CSRF_HEADER, response.json().path("csrfToken").asText()));
    }

    /** {@code bp_session=<value>} from a sign-in response, as a browser sends it back. */
    static String sessionCookie(Response signIn) {
        String setCookie = signIn.header("Set-Cookie");
        if (setCookie == null) {
            throw new AssertionError("no session cookie in " + signIn);
        }
        return setCookie.split(";", 2)[0];
    }

    /** A person or program with fixed request headers (bearer token, or session cookie and CSRF token). */
    final class Caller {

        private final Map<String, String> headers;

        private Caller(Map<String, String> headers) {
            this.headers = Map.copyOf(headers);
        }

        /** The same caller without the header, e.g. a browser that forgets its CSRF token. */
        Caller without(String header) {
            Map<String, String> fewer = new LinkedHashMap<>(headers);
            fewer.remove(header);
            return new Caller(fewer);
        }

        Caller with(String header, String value) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(header, value);
            return new Caller(more);
        }

        Response get(String path) {
            return send(request(path).GET());
        }

        Response post(String path, String json) {
            return post(path, "application/json", json);
        }

        Response post(String path, String contentType, String body) {
            return send(request(path).header("Content-Type", contentType)
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
        }

        Response delete(String path) {
            return send(request(path).DELETE());
        }

        /** Any method; a body only for POST and PUT. */
        Response call(String method, String path, String json) {
            HttpRequest.BodyPublisher body = json == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json);
            return send(request(path).header("Content-Type", "application/json").method(method, body));
        }

        private HttpRequest.Builder request(String path) {
            HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
            headers.forEach(builder::header);
            return builder;
        }

        private Response send(HttpRequest.Builder request) {
            HttpRequest built = request.build();
            try {
                HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
                return new Response(built.method() + " " + built.uri().getPath(), response.statusCode(),
                        response.headers().map(), response.body());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** What the server answered; {@link #toString()} shows the request and the body for failed assertions. */
    record Response(String request, int status, Map<String, List<String>> headers, String body) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + this, e);
            }
        }

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst().orElse(null);
        }

        String contentType() {
            return header("Content-Type");
        }

        /** The {@code field} of each entry of a problem's {@code errors}. */
        List<String> errorFields() {
            return json().path("errors").findValuesAsText("field");
        }

        /** The {@code diagnostics} of each issue of a FHIR OperationOutcome. */
        List<String> issues() {
            assertThat(json().path("resourceType").asText()).as(toString()).isEqualTo("OperationOutcome");
            return json().path("issue").findValuesAsText("diagnostics");
        }

        @Override
        public String toString() {
            return request + " -> " + status + " " + (body.length() > 2000 ? body.substring(0, 2000) + "..." : body);
        }
    }

    // ---- rule folders

    /** The project's rules/ folder. */
    static final Path RULES = Path.of("rules");

    /** Copies the project's rules/ folder into {@code target}. */
    static void copyRules(Path target) {
        try (Stream<Path> files = Files.walk(RULES)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                Path copy = target.resolve(RULES.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(source, copy);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sets {@code version=} in the rule folder's ruleset.properties. */
    static void setRuleSetVersion(Path rules, String version) {
        Path properties = rules.resolve("ruleset.properties");
        try {
            Files.writeString(properties, Files.readString(properties).replaceAll("(?m)^version=.*$",
                    "version=" + version));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
