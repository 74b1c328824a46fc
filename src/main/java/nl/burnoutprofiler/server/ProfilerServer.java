package nl.burnoutprofiler.server;

import java.time.Clock;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.eclipse.jetty.servlet.FilterHolder;
import org.eclipse.jetty.servlet.ServletHolder;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.javalin.plugin.bundled.CorsPluginConfig;
import io.javalin.security.RouteRole;

import nl.burnoutprofiler.engine.InvalidIntakeException;
import nl.burnoutprofiler.engine.ProfilerEngine;
import nl.burnoutprofiler.json.JsonInput;
import nl.burnoutprofiler.server.fhir.FhirServer;
import nl.burnoutprofiler.server.fhir.SignIn;
import nl.burnoutprofiler.store.ConflictException;
import nl.burnoutprofiler.store.Database;

/**
 * The web application, the JSON API and the FHIR server ({@link FhirServer}, under {@code /fhir}) on one port: a thin
 * layer over {@link LiveEngine} and {@link Database}. Every API route names the roles that may call it; a check
 * before each matched route authenticates the caller, enforces the role and, for browser sessions, the CSRF token.
 * The FHIR server asks the same check through {@link SignIn}.
 */
public final class ProfilerServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ProfilerServer.class);
    static final String PRINCIPAL = "principal";
    static final String PROBLEM_JSON = "application/problem+json";
    /** Where programs call: an unknown path there gets a problem document, not Javalin's text. */
    private static final List<String> MACHINE_PATHS = List.of("/api/", CdsHooksRoutes.DISCOVERY);
    private static final Set<String> READ_ONLY = Set.of("GET", "HEAD", "OPTIONS");
    /** Where the FHIR server answers, as a servlet of its own beside Javalin's. */
    private static final String FHIR_PATH = "/fhir";

    private final Database database;
    private final LiveEngine engine;
    private final RuleFolderWatcher watcher;
    private final Javalin app;
    private final RouteTable routes;

    private ProfilerServer(ServerSettings settings, Database database, LiveEngine engine, Clock clock) {
        this.database = database;
        this.engine = engine;
        this.watcher = settings.watchRules() ? new RuleFolderWatcher(engine) : null;
        Authenticator authenticator = new Authenticator(database, clock, settings.sessionLifetime());
        Monitoring monitoring = new Monitoring(engine, database);
        // Signed JWTs of configured CDS Hooks clients are accepted as integrator credentials beside API tokens.
        CdsJwtVerifier cdsClients = new CdsJwtVerifier(settings.cdsClients(), () -> settings.publicUrl(port()), clock,
                database.usedTokenIds());
        FhirServer fhir = new FhirServer(engine::current, () -> settings.publicUrl(port()) + FHIR_PATH,
                request -> admitToFhir(request, authenticator, cdsClients),
                () -> monitoring.assessed(Monitoring.Via.FHIR));
        fhir.registerInterceptor(monitoring.fhirRequestTimer());
        this.app = Javalin.create(config -> {
            monitoring.timeRequests(config);
            config.showJavalinBanner = false;
            config.jsonMapper(new JavalinJackson(Json.MAPPER, false));
            // The fastest gzip level: an outcome's JSON still shrinks to about 40% (10% more than at the default
            // level 6), for about a third of the CPU that level 6 costs a busy server.
            config.http.gzipOnlyCompression(1);
            config.http.maxRequestSize = BodySizeLimit.MAX_BYTES;
            config.jetty.modifyServletContextHandler(handler -> {
                handler.addFilter(new FilterHolder(new BodySizeLimit()), "/*", EnumSet.of(DispatcherType.REQUEST));
                // Javalin's before-handlers do not run for another servlet
                handler.addFilter(new FilterHolder((request, response, chain) -> {
                    securityHeaders((HttpServletResponse) response, FHIR_PATH);
                    chain.doFilter(request, response);
                }), FHIR_PATH + "/*", EnumSet.of(DispatcherType.REQUEST));
                handler.addServlet(new ServletHolder(fhir), FHIR_PATH + "/*");
            });
            config.staticFiles.add(files -> {
                files.hostedPath = "/";
                files.directory = "/nl/burnoutprofiler/web";
                files.location = Location.CLASSPATH;
            });
            if (!settings.corsOrigins().isEmpty()) {
                config.bundledPlugins.enableCors(cors -> allowBrowserCdsClients(cors, settings.corsOrigins()));
            }
        });
        this.routes = new RouteTable(app);
        app.before(ctx -> securityHeaders(ctx.res(), ctx.path()));
        app.beforeMatched(ctx -> authorize(ctx, authenticator, cdsClients));
        app.exception(ApiProblem.Raised.class, (e, ctx) -> problem(ctx, e.problem()));
        app.exception(InvalidIntakeException.class, (e, ctx) -> problem(ctx,
                ApiProblem.badRequest("The intake was not assessed: " + e.problems().size() + " problem"
                        + (e.problems().size() == 1 ? "" : "s") + ".", e.problems())));
        app.exception(JsonInput.Refused.class, (e, ctx) -> problem(ctx, ApiProblem.badRequest(
                "The request body was refused: " + e.problems().get(0) + ".", e.problems())));
        app.exception(BodySizeLimit.TooLarge.class, (e, ctx) -> {
            ctx.header("Connection", "close"); // the rest of the body is not read
            problem(ctx, BodySizeLimit.tooLarge());
        });
        app.exception(ConflictException.class, (e, ctx) -> problem(ctx, ApiProblem.conflict(e.getMessage())));
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("{} {} failed", ctx.method(), ctx.matchedPath(), e);
            problem(ctx, new ApiProblem(500, "Internal server error", "The request failed on the server.", List.of()));
        });
        app.error(404, ctx -> {
            // Javalin has already written "Endpoint ... not found" as text; a handler's own 404 is a problem already.
            // A browser's preflight (OPTIONS) is answered by the CORS rules, never with a body.
            if (MACHINE_PATHS.stream().anyMatch(ctx.path()::startsWith) && ctx.method() != HandlerType.OPTIONS
                    && !String.valueOf(ctx.res().getContentType()).startsWith(PROBLEM_JSON)) {
                problem(ctx, ApiProblem.notFound("No such resource: " + ctx.path()));
            }
        });
        Audit audit = new Audit(database.audit());
        new SessionRoutes(authenticator, new SignInThrottle(database.signInAttempts(), database.secrets().key(SignInThrottle.KEY_NAME), clock), new ClientAddress(settings.trustedProxies()), audit,
                settings.sessionCookieSecure(), settings.sessionLifetime()).register(routes);
        new EngineRoutes(engine, clock, monitoring).register(routes);
        new CaseRoutes(engine, database, audit, clock, monitoring).register(routes);
        new AdminRoutes(engine, database, authenticator, audit).register(routes);
        new UnitRoutes(engine, database, audit, settings.teamMinimumCases()).register(routes);
        OpenApi.register(routes);
        SchemaRoutes.register(routes);
        new CdsHooksRoutes(engine, database, audit, clock, () -> settings.publicUrl(port()), monitoring)
                .register(routes);
        monitoring.register(routes);
        app.get("/", ctx -> ctx.redirect("/index.html"));
    }

    /**
     * CDS Hooks clients that run in a browser (the spec's sandbox, SMART apps) call from their own origin. Only the
     * CDS Hooks paths answer them, and without cookies: such a client sends a bearer token.
     */
    private static void allowBrowserCdsClients(CorsPluginConfig cors, List<String> origins) {
        for (String path : List.of(CdsHooksRoutes.DISCOVERY, CdsHooksRoutes.DISCOVERY + "/*")) {
            cors.addRule(rule -> {
                rule.path = path;
                if (origins.contains("*")) {
                    rule.anyHost();
                } else {
                    origins.forEach(origin -> rule.allowHost(origin));
                }
            });
        }
    }

    /**
     * Loads the rule set, opens the database (migrating it), runs the rule set active there (see {@link LiveEngine}),
     * and starts listening.
     *
     * @throws nl.burnoutprofiler.engine.RuleSetException when the rule set is broken: nothing is started
     */
    public static ProfilerServer start(ServerSettings settings) {
        return start(settings, database -> { });
    }

    /**
     * As {@link #start(ServerSettings)}, running {@code prepare} on the migrated database before the first request
     * can arrive (such as creating the first admin).
     */
    public static ProfilerServer start(ServerSettings settings, Consumer<Database> prepare) {
        return start(settings, prepare, Clock.systemDefaultZone());
    }

    static ProfilerServer start(ServerSettings settings, Consumer<Database> prepare, Clock clock) {
        ProfilerEngine own = LiveEngine.loadRuleSet(settings.rulesDirectory());
        Database database = Database.open(settings.database());
        LiveEngine engine = null;
        try {
            prepare.accept(database);
            engine = LiveEngine.shared(settings.rulesDirectory(), own, database.ruleSets(), settings.ruleSetPolling(),
                    LiveEngine.thisHost());
            ProfilerServer server = new ProfilerServer(settings, database, engine, clock);
            server.app.start(settings.host(), settings.port());
            LOG.info("serving on port {} with rule set {}, data in {}", server.port(),
                    engine.current().ruleSetVersion(), settings.database().describe());
            return server;
        } catch (RuntimeException e) {
            if (engine != null) {
                engine.close();
            }
            database.close();
            throw e;
        }
    }

    public int port() {
        return app.port();
    }

    public LiveEngine engine() {
        return engine;
    }

    public Database database() {
        return database;
    }

    List<RouteTable.Route> routes() {
        return routes.routes();
    }

    @Override
    public void close() {
        if (watcher != null) {
            watcher.close();
        }
        engine.close();
        app.stop();
        database.close();
    }

    static Principal principal(Context ctx) {
        return ctx.attribute(PRINCIPAL);
    }

    private static void authorize(Context ctx, Authenticator authenticator, CdsJwtVerifier cdsClients) {
        Set<RouteRole> permitted = ctx.routeRoles();
        if (permitted.isEmpty()) {
            return;
        }
        Credentials credentials = new Credentials(ctx::header, ctx.cookie(SessionRoutes.SESSION_COOKIE), ctx.path(),
                ctx.method().name());
        ctx.attribute(PRINCIPAL, admit(credentials, permitted, ctx.matchedPath(), authenticator, cdsClients));
    }

    /** The FHIR server's callers: every role that may assess (not the organisation), signed in as for the API's routes. */
    private static void admitToFhir(HttpServletRequest request, Authenticator authenticator,
                                    CdsJwtVerifier cdsClients) {
        String sessionId = request.getCookies() == null ? null : Arrays.stream(request.getCookies())
                .filter(cookie -> cookie.getName().equals(SessionRoutes.SESSION_COOKIE)).map(Cookie::getValue)
                .findFirst().orElse(null);
        Credentials credentials = new Credentials(request::getHeader, sessionId, request.getRequestURI(),
                request.getMethod());
        try {
            admit(credentials, Set.of(Access.ASSESSING), request.getRequestURI(), authenticator, cdsClients);
        } catch (ApiProblem.Raised refused) {
            throw new SignIn.Refused(refused.problem().status(), refused.problem().detail());
        }
    }

    /** What a request shows to sign in with, read alike from a Javalin route's context and from a servlet's request. */
    private record Credentials(Function<String, String> header, String sessionCookie, String path, String method) {
    }

    /** The caller, when it is signed in with a permitted role and, from a browser, sends the CSRF token to change. */
    private static Principal admit(Credentials request, Set<? extends RouteRole> permitted, String route,
                                   Authenticator authenticator, CdsJwtVerifier cdsClients) {
        Principal principal = authenticate(request, authenticator, cdsClients);
        if (!permitted.contains(Access.of(principal.role()))) {
            throw ApiProblem.forbidden("The role " + principal.role().id() + " may not use "
                    + request.method() + " " + route + ".").raise();
        }
        if (principal.signedInWithBrowser() && !READ_ONLY.contains(request.method())
                && !Secrets.same(principal.session().csrfToken(), request.header().apply(SessionRoutes.CSRF_HEADER))) {
            throw ApiProblem.forbidden("A browser request that changes something needs the "
                    + SessionRoutes.CSRF_HEADER + " header of its session.").raise();
        }
        return principal;
    }

    private static Principal authenticate(Credentials request, Authenticator authenticator,
                                          CdsJwtVerifier cdsClients) {
        String authorization = request.header().apply("Authorization");
        if (authorization != null) {
            if (!authorization.startsWith("Bearer ")) {
                throw ApiProblem.unauthorized("Authorization must be \"Bearer <token>\".").raise();
            }
            String bearer = authorization.substring("Bearer ".length()).trim();
            if (CdsJwtVerifier.looksLikeJwt(bearer)) {
                return cdsClients.verify(bearer, request.path());
            }
            return authenticator.fromBearer(bearer)
                    .orElseThrow(() -> ApiProblem.unauthorized("The bearer token is not valid.").raise());
        }
        if (request.sessionCookie() != null) {
            return authenticator.fromSession(request.sessionCookie())
                    .orElseThrow(() -> ApiProblem.unauthorized("The session has ended; sign in again.").raise());
        }
        throw ApiProblem.unauthorized("Sign in, or send Authorization: Bearer <token>.").raise();
    }

    private static void securityHeaders(HttpServletResponse response, String path) {
        response.setHeader("Content-Security-Policy",
                "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        if (path.startsWith("/api/")) {
            response.setHeader("Cache-Control", "no-store");
        }
    }

    static void problem(Context ctx, ApiProblem problem) {
        ctx.status(problem.status());
        if (problem.status() == 401) {
            ctx.header("WWW-Authenticate", "Bearer");
        }
        ctx.contentType(PROBLEM_JSON + "; charset=utf-8");
        ctx.result(problemJson(problem));
    }

    static String problemJson(ApiProblem problem) {
        return Json.MAPPER.createObjectNode()
                .put("type", "about:blank")
                .put("title", problem.title())
                .put("status", problem.status())
                .put("detail", problem.detail())
                .set("errors", Json.MAPPER.valueToTree(problem.errors()))
                .toString();
    }
}
