package nl.burnoutprofiler.server;

import java.time.Clock;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.javalin.http.Context;

import nl.burnoutprofiler.engine.Intake;
import nl.burnoutprofiler.engine.IntakeValidator;
import nl.burnoutprofiler.engine.ProfilerEngine;
import nl.burnoutprofiler.engine.catalogue.CodeGroup;
import nl.burnoutprofiler.engine.catalogue.ObservationCode;
import nl.burnoutprofiler.json.IntakeJson;
import nl.burnoutprofiler.json.OutcomeJson;

/** The stateless part of the API: the catalogue, and assessing an intake without storing it. */
final class EngineRoutes {

    /** The observation codes the intake form offers, in form order, and the rule set they belong to. */
    record CatalogueView(String ruleSetVersion, List<CodeGroup> groups, List<ObservationCode> codes) {
    }

    private final LiveEngine engine;
    private final Monitoring monitoring;
    private final Clock clock;

    EngineRoutes(LiveEngine engine, Clock clock, Monitoring monitoring) {
        this.monitoring = monitoring;
        this.engine = engine;
        this.clock = clock;
    }

    void register(RouteTable routes) {
        routes.get("/api/v1/catalogue", this::catalogue, Access.ANYONE);
        routes.post("/api/v1/assessments", this::assess, Access.ASSESSING);
    }

    private void catalogue(Context ctx) {
        ProfilerEngine current = engine.current();
        ctx.json(new CatalogueView(current.ruleSetVersion(), current.catalogue().groups(), current.catalogue().codes()));
    }

    /** {@code ?view=compact} gives a machine the decisions by id; the full outcome, for people, is the default. */
    private void assess(Context ctx) {
        String view = ctx.queryParam("view");
        boolean compact = "compact".equals(view);
        if (view != null && !compact && !"full".equals(view)) {
            throw ApiProblem.badField("view", view, "must be full (the default) or compact").raise();
        }
        ProfilerEngine current = engine.current();
        Intake intake = readIntake(current, clock, ctx.bodyAsBytes());
        ctx.contentType("application/json; charset=utf-8").result(compact
                ? OutcomeJson.writeCompactBytes(current.assessCompact(intake))
                : OutcomeJson.writeCompactBytes(current.assess(intake)));
        monitoring.assessed(Monitoring.Via.API);
    }

    /** Reads an intake for this engine's catalogue; every problem is reported at once. */
    static Intake readIntake(ProfilerEngine engine, Clock clock, JsonNode checkedJson) {
        return new IntakeJson(new IntakeValidator(engine.catalogue()), clock).read(checkedJson);
    }

    /** As {@link #readIntake(ProfilerEngine, Clock, JsonNode)}, from a body's bytes (UTF-8, RFC 8259). */
    static Intake readIntake(ProfilerEngine engine, Clock clock, byte[] json) {
        return new IntakeJson(new IntakeValidator(engine.catalogue()), clock).read(json);
    }
}
