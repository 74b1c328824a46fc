package nl.burnoutprofiler.server;

import java.sql.SQLException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import com.zaxxer.hikari.HikariDataSource;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;

import nl.burnoutprofiler.store.Database;

/**
 * What an operator's orchestrator and Prometheus read: {@code /health/live} (the process serves),
 * {@code /health/ready} (the database answers and this server runs the active rule set: send it traffic) and {@code /metrics}
 * (requests by route and status, assessments by way in, the rule-set version, the database pool, the JVM). All
 * three are public and say nothing about any person: counts and timings only, routes as templates.
 */
final class Monitoring {

    static final String LIVE = "/health/live";
    static final String READY = "/health/ready";
    static final String METRICS = "/metrics";
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
    /** Paths whose route is a template worth a label; anything else (static files) counts as one route. */
    private static final List<String> ROUTED = List.of("/api/", "/cds-services", "/health/", METRICS);

    /** How an intake came to be assessed: a label of the assessments counter. */
    enum Via {
        API, CASE, CDS_HOOKS, FHIR;

        String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Map<Via, Counter> assessments = new EnumMap<>(Via.class);
    private final MultiGauge ruleSet;
    private final LiveEngine engine;
    private final Database database;

    Monitoring(LiveEngine engine, Database database) {
        this.engine = engine;
        this.database = database;
        for (Via via : Via.values()) {
            assessments.put(via, Counter.builder("burnout.assessments").description("Intakes assessed")
                    .tag("via", via.label()).register(registry));
        }
        this.ruleSet = MultiGauge.builder("burnout.rule.set").description("The rule set assessing now (value 1)")
                .register(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        try {
            // HikariCP reports its pool (connections active, idle, pending; wait and usage times) itself.
            database.dataSource().unwrap(HikariDataSource.class).setMetricRegistry(registry);
        } catch (SQLException e) {
            throw new IllegalStateException("the store's pool is HikariCP", e);
        }
    }

    /** Times every request, labelled with its route template, never its path (which may hold a case id). */
    void timeRequests(JavalinConfig config) {
        config.requestLogger.http((ctx, millis) -> timed(ctx.method().name(), route(ctx), ctx.statusCode(),
                Duration.ofNanos((long) (millis * 1_000_000))));
    }

    /** Times the FHIR server's requests, which HAPI serves outside Javalin; register it on that server. */
    Object fhirRequestTimer() {
        return new FhirRequestTimer();
    }

    private void timed(String method, String route, int status, Duration took) {
        Timer.builder("http.server.requests")
                .tags(Tags.of("method", method, "route", route, "status", String.valueOf(status)))
                .register(registry)
                .record(took);
    }

    /** Labels a FHIR request with what HAPI made of it: the resource type, and the operation or "{id}". */
    @Interceptor
    final class FhirRequestTimer {

        private static final Set<String> RESOURCE_TYPES = Set.of("Questionnaire", "CodeSystem",
                "QuestionnaireResponse");

        @Hook(Pointcut.SERVER_PROCESSING_COMPLETED)
        public void completed(RequestDetails request, ServletRequestDetails servlet) {
            timed(request.getRequestType().name(), fhirRoute(request), servlet.getServletResponse().getStatus(),
                    Duration.ofMillis(request.getRequestStopwatch().getMillis()));
        }

        private static String fhirRoute(RequestDetails request) {
            RestOperationTypeEnum operation = request.getRestOperationType();
            if (operation == RestOperationTypeEnum.METADATA) {
                return "/fhir/metadata";
            }
            if (operation == null || !RESOURCE_TYPES.contains(request.getResourceName())) {
                return "unmatched"; // nothing HAPI could route: the path is the caller's, not ours to label
            }
            String route = "/fhir/" + request.getResourceName();
            if (operation == RestOperationTypeEnum.EXTENDED_OPERATION_TYPE
                    || operation == RestOperationTypeEnum.EXTENDED_OPERATION_INSTANCE) {
                return route + "/" + request.getOperation();
            }
            return request.getId() != null && request.getId().hasIdPart() ? route + "/{id}" : route;
        }
    }

    private static String route(Context ctx) {
        if (ROUTED.stream().noneMatch(ctx.path()::startsWith)) {
            return "static";
        }
        try {
            return ctx.endpointHandlerPath();
        } catch (IllegalStateException noEndpoint) {
            return "unmatched"; // Javalin matched no route: an unknown path answered with 404
        }
    }

    void assessed(Via via) {
        assessments.get(via).increment();
    }

    void register(RouteTable routes) {
        routes.get(LIVE, ctx -> ctx.json(Map.of("status", "UP")));
        routes.get(READY, this::ready);
        routes.get(METRICS, this::metrics);
    }

    /**
     * Ready when the database answers and this server runs the rule set active in it. A server that cannot build the
     * active set (an older program version during a rolling upgrade) would give other outcomes than its peers, so it
     * takes no traffic until it catches up or is upgraded.
     */
    private void ready(Context ctx) {
        boolean databaseAnswers = database.answers();
        LiveEngine.Convergence convergence = engine.convergence();
        boolean ready = databaseAnswers && convergence.converged();
        ctx.status(ready ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", ready ? "UP" : "DOWN");
        body.put("database", databaseAnswers ? "UP" : "DOWN");
        body.put("ruleSetVersion", convergence.running());
        if (convergence.active() != null) {
            body.put("activeRuleSetVersion", convergence.active().version());
        }
        body.put("ruleSet", convergence.converged() ? "UP" : "BEHIND");
        ctx.json(body);
    }

    private void metrics(Context ctx) {
        ruleSet.register(List.of(MultiGauge.Row.of(Tags.of("version", engine.current().ruleSetVersion()), 1)),
                true);
        ctx.contentType(PROMETHEUS_TEXT).result(registry.scrape());
    }
}
