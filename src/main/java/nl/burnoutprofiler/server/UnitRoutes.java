package nl.burnoutprofiler.server;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import io.javalin.http.Context;

import nl.burnoutprofiler.engine.ProfilerEngine;
import nl.burnoutprofiler.json.TeamAdviceJson;
import nl.burnoutprofiler.store.Database;
import nl.burnoutprofiler.store.Role;
import nl.burnoutprofiler.store.UnitStore;
import nl.burnoutprofiler.store.User;
import nl.burnoutprofiler.team.Disclosure;
import nl.burnoutprofiler.team.TeamAggregator;
import nl.burnoutprofiler.team.TeamCell;
import nl.burnoutprofiler.team.TeamPeriod;
import nl.burnoutprofiler.team.TeamView;

/**
 * The organisation's view: what recurs across a unit, for the organisation users the unit is assigned to, and never
 * a case, an intake, a note or a case id. An admin assigns units; coaches and case managers put cases in them.
 */
final class UnitRoutes {

    static final String SIGNALS = "/api/v1/units/{unit}/signals";
    /** The key of the rounding: a secret of the servers, so no one can redo the draw. */
    static final String ROUNDING_KEY = "team-rounding";

    record UnitList(List<String> units) {
    }

    /** One figure: the rounded count and share, or neither and {@code "< k"}. */
    record CellView(String kind, String code, Integer count, Integer share, String shownAs) {

        static CellView of(TeamCell cell, int minimumCount) {
            return new CellView(cell.kind().name(), cell.code(), cell.count(), cell.share(),
                    cell.shown() ? Integer.toString(cell.count()) : "< " + minimumCount);
        }
    }

    record PeriodView(String period, boolean shown, Integer cases, List<CellView> signals) {

        static PeriodView of(TeamPeriod period, int minimumCount) {
            return new PeriodView(period.period(), period.shown(), period.shown() ? period.cases() : null,
                    period.cells().stream().map(cell -> CellView.of(cell, minimumCount)).toList());
        }
    }

    /** The figures, and what the organisation rules advise on them (absent when the unit is not shown). */
    record SignalsView(String unit, int minimumCount, int roundedTo, PeriodView current, List<PeriodView> course,
                       JsonNode advice) {

        static SignalsView of(TeamView view, JsonNode advice) {
            return new SignalsView(view.unit(), view.minimumCount(), Disclosure.BASE,
                    PeriodView.of(view.current(), view.minimumCount()),
                    view.course().stream().map(period -> PeriodView.of(period, view.minimumCount())).toList(), advice);
        }
    }

    private final LiveEngine engine;
    private final Database database;
    private final Audit audit;
    private final int minimumCount;
    private volatile Disclosure disclosure;

    UnitRoutes(LiveEngine engine, Database database, Audit audit, int minimumCount) {
        this.engine = engine;
        this.database = database;
        this.audit = audit;
        this.minimumCount = minimumCount;
    }

    void register(RouteTable routes) {
        routes.get("/api/v1/units", this::list, Access.ORGANISATION, Access.ADMIN, Access.COACH, Access.CASE_MANAGER);
        routes.get(SIGNALS, this::signals, Access.ORGANISATION);
        routes.post("/api/v1/admin/users/{username}/units", this::assign, Access.ADMIN);
        routes.delete("/api/v1/admin/users/{username}/units/{unit}", this::unassign, Access.ADMIN);
    }

    /** An organisation user's own units; for everyone else, the units cases are in (to choose from). */
    private void list(Context ctx) {
        Principal reader = ProfilerServer.principal(ctx);
        ctx.json(new UnitList(reader.role() == Role.ORGANISATION ? database.units().assignedTo(reader.name())
                : database.units().inUse()));
    }

    private void signals(Context ctx) {
        Principal reader = ProfilerServer.principal(ctx);
        String unit = unitOf(ctx);
        if (!database.units().assignedTo(reader.name()).contains(unit)) {
            throw ApiProblem.notFound("There is no unit " + unit + " among your units.").raise();
        }
        ProfilerEngine rules = engine.current();
        TeamView view = new TeamAggregator(rules.catalogue(), disclosure()).view(unit, database.units().meetings(unit));
        // The rules read the published cells only, so their advice tells no more than the figures beside it.
        JsonNode advice = rules.advisesTeams()
                ? view.signals().map(signals -> TeamAdviceJson.toJsonNode(rules.adviseTeam(signals))).orElse(null)
                : null;
        audit.record(reader, Audit.READ_UNIT_SIGNALS, null, "unit " + unit);
        ctx.header("Cache-Control", "no-store");
        ctx.json(SignalsView.of(view, advice));
    }

    private Disclosure disclosure() {
        Disclosure made = disclosure;
        if (made == null) {
            made = new Disclosure(database.secrets().key(ROUNDING_KEY), minimumCount);
            disclosure = made;
        }
        return made;
    }

    private void assign(Context ctx) {
        User user = organisationUser(ctx);
        JsonNode body = RequestBodies.object(ctx);
        String unit = label(RequestBodies.requiredText(body, "unit"));
        database.units().assign(user.username(), unit, ProfilerServer.principal(ctx).name());
        ctx.status(201).json(new UnitList(database.units().assignedTo(user.username())));
    }

    private void unassign(Context ctx) {
        User user = organisationUser(ctx);
        database.units().unassign(user.username(), unitOf(ctx), ProfilerServer.principal(ctx).name());
        ctx.json(new UnitList(database.units().assignedTo(user.username())));
    }

    private User organisationUser(Context ctx) {
        String username = ctx.pathParam("username");
        Optional<User> user = database.users().find(username);
        if (user.isEmpty()) {
            throw ApiProblem.notFound("There is no user " + username + ".").raise();
        }
        if (user.get().role() != Role.ORGANISATION) {
            throw ApiProblem.badField("username", username, "is " + user.get().role().id()
                    + "; units are assigned to organisation users only").raise();
        }
        return user.get();
    }

    private static String unitOf(Context ctx) {
        return label(ctx.pathParam("unit"));
    }

    /** The unit label, or a 400 naming the field {@code unit} and what a label is. */
    static String label(String unit) {
        if (!UnitStore.UNIT_LABEL.matcher(unit).matches()) {
            throw ApiProblem.badField("unit", unit, "must be " + UnitStore.UNIT_LABEL_RULE).raise();
        }
        return unit;
    }
}
