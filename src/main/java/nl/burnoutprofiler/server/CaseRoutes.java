package nl.burnoutprofiler.server;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.javalin.http.Context;

import nl.burnoutprofiler.engine.FieldProblem;
import nl.burnoutprofiler.engine.Intake;
import nl.burnoutprofiler.engine.IntakeValidator;
import nl.burnoutprofiler.engine.Outcome;
import nl.burnoutprofiler.engine.PresentationType;
import nl.burnoutprofiler.engine.ProfilerEngine;
import nl.burnoutprofiler.engine.SafetyStatus;
import nl.burnoutprofiler.engine.Stage;
import nl.burnoutprofiler.json.IntakeJson;
import nl.burnoutprofiler.json.OutcomeJson;
import nl.burnoutprofiler.store.CaseErasure;
import nl.burnoutprofiler.store.CaseFilter;
import nl.burnoutprofiler.store.CaseStore;
import nl.burnoutprofiler.store.CaseSummary;
import nl.burnoutprofiler.store.ConflictException;
import nl.burnoutprofiler.store.Database;
import nl.burnoutprofiler.store.NewIntake;
import nl.burnoutprofiler.store.Role;
import nl.burnoutprofiler.store.StoredIntake;
import nl.burnoutprofiler.store.User;

/**
 * Cases over meetings. A coach stores intakes of their own cases; a case manager reads the cases of the coaches
 * assigned to them. Every read and write goes to the audit log.
 */
final class CaseRoutes {

    /** A stored intake with the outcome it got; {@code versions} counts the corrections of its meeting. */
    record StoredIntakeView(long intakeId, String caseId, long meeting, int version, Integer versions, String date,
                            String observer, String storedBy, String storedAt, String ruleSetVersion,
                            @JsonRawValue String intake, @JsonRawValue String outcome) {

        static StoredIntakeView of(StoredIntake stored, Integer versions) {
            return new StoredIntakeView(stored.intakeId(), stored.caseId(), stored.meeting(), stored.version(),
                    versions, stored.date().toString(), stored.observer(), stored.storedBy(),
                    stored.storedAt().toString(), stored.ruleSetVersion(), stored.intakeJson(), stored.outcomeJson());
        }
    }

    record LatestView(long intakeId, String date, String primaryType, String stage, String safety,
                      String ruleSetVersion) {
    }

    record CaseSummaryView(String caseId, String coach, String coachName, int meetings, LatestView latest) {

        static CaseSummaryView of(CaseSummary summary) {
            StoredIntake latest = summary.latest();
            return new CaseSummaryView(summary.caseId(), summary.coach(), summary.coachName(), summary.meetings(),
                    new LatestView(latest.intakeId(), latest.date().toString(), latest.primaryType(), latest.stage(),
                            latest.safetyStatus(), latest.ruleSetVersion()));
        }
    }

    record CaseListView(List<CaseSummaryView> cases) {
    }

    record CaseView(String caseId, String coach, String coachName, String unit, List<StoredIntakeView> meetings,
                    JsonNode changes, JsonNode nextSteps, JsonNode nextQuestions,
                    List<CdsFeedbackView> cdsFeedback) {
    }

    private final LiveEngine engine;
    private final Monitoring monitoring;
    private final Database database;
    private final Audit audit;
    private final Clock clock;

    CaseRoutes(LiveEngine engine, Database database, Audit audit, Clock clock, Monitoring monitoring) {
        this.monitoring = monitoring;
        this.engine = engine;
        this.database = database;
        this.audit = audit;
        this.clock = clock;
    }

    void register(RouteTable routes) {
        routes.post("/api/v1/cases/{caseId}/intakes", this::storeIntake, Access.COACH);
        routes.get("/api/v1/cases", this::list, Access.COACH, Access.CASE_MANAGER);
        routes.get("/api/v1/cases/{caseId}", this::show, Access.COACH, Access.CASE_MANAGER);
        routes.post("/api/v1/cases/{caseId}/erasure", this::erase, Access.ADMIN);
        routes.put("/api/v1/cases/{caseId}/unit", this::setUnit, Access.COACH, Access.CASE_MANAGER);
    }

    record UnitOfCase(String caseId, String unit) {
    }

    /**
     * Puts a case in an organisational unit (or out of any, with {@code "unit": null}): its coach or their case
     * manager. The unit's figures are the organisation's view; the case itself never is.
     */
    private void setUnit(Context ctx) {
        Principal writer = ProfilerServer.principal(ctx);
        String caseId = caseIdOf(ctx);
        JsonNode body = RequestBodies.object(ctx);
        JsonNode given = body.get("unit");
        if (given == null || !(given.isNull() || given.isTextual())) {
            throw ApiProblem.badField("unit", given == null ? null : given.toString(),
                    "must be a unit label such as zorg-team-3, or null for none").raise();
        }
        String unit = given.isNull() ? null : UnitRoutes.label(given.asText());
        Optional<String> owner = database.cases().ownerOf(caseId);
        if (owner.isEmpty() || !visibleCoaches(writer).contains(owner.get())) {
            audit.record(writer, Audit.READ_CASE_REFUSED, caseId,
                    owner.isEmpty() ? "no such case" : "a case of another coach");
            throw noSuchCase(caseId).raise();
        }
        database.units().setUnit(caseId, unit, writer.name());
        ctx.json(new UnitOfCase(caseId, unit));
    }

    /** What an erasure removed, as the admin who asked for it sees it. */
    record ErasureView(String caseId, int intakes, int cdsCards, int cdsFeedback, String erasedAt) {
        static ErasureView of(CaseErasure erasure) {
            return new ErasureView(erasure.caseId(), erasure.intakes(), erasure.cdsCards(), erasure.cdsFeedback(),
                    erasure.erasedAt().toString());
        }
    }

    /**
     * The right to erasure: an admin erases a case on the client's request. The reason (such as the request's
     * number) goes to the audit log, which is all that remains of the case.
     */
    private void erase(Context ctx) {
        Principal admin = ProfilerServer.principal(ctx);
        String caseId = caseIdOf(ctx);
        String reason = RequestBodies.requiredText(RequestBodies.object(ctx), "reason").strip();
        if (reason.length() > CaseStore.MAX_ERASURE_REASON) {
            throw ApiProblem.badField("reason", null, "must be a short note of at most "
                    + CaseStore.MAX_ERASURE_REASON + " characters, such as the number of the request").raise();
        }
        CaseErasure erasure = database.cases().erase(caseId, admin.name(), reason)
                .orElseThrow(() -> ApiProblem.notFound("Nothing is stored under case " + caseId + ".").raise());
        ctx.json(ErasureView.of(erasure));
    }

    private void storeIntake(Context ctx) {
        Principal coach = ProfilerServer.principal(ctx);
        String caseId = caseIdOf(ctx);
        Long corrects = correctsOf(ctx);
        ProfilerEngine current = engine.current();
        Intake intake = EngineRoutes.readIntake(current, clock, withCaseId(ctx, caseId));
        if (intake.previousStage() == null) {
            intake = intake.withPreviousStage(previousStage(caseId, intake.date(), corrects));
        }
        Outcome outcome = current.assess(intake);
        monitoring.assessed(Monitoring.Via.CASE);
        NewIntake record = new NewIntake(caseId, intake.date(), intake.observer().name(), IntakeJson.write(intake),
                OutcomeJson.writeCompact(outcome), outcome.ruleSetVersion(), outcome.presentation().primary().name(),
                outcome.stage().stage().name(), outcome.safety().status().name());
        StoredIntake stored;
        try {
            stored = database.cases().store(record, coach.name(), corrects);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badField("corrects", String.valueOf(corrects),
                    "is not an intake of case " + caseId).raise();
        } catch (ConflictException e) {
            audit.record(coach, Audit.STORE_INTAKE_REFUSED, caseId, e.getMessage());
            throw caseIdUnavailable(caseId).raise();
        }
        ctx.status(201);
        ctx.header("Location", "/api/v1/cases/" + caseId);
        ctx.json(StoredIntakeView.of(stored, null));
    }

    /**
     * The stage the case's previous meeting concluded, for an intake that does not give one itself: a stage that
     * went back since then is a relapse (seed 004). The previous meeting is the latest other meeting held before
     * this one (on the same day: stored before it); null at a first meeting or when that meeting's stage was not
     * determined. The filled-in stage is stored with the intake, so a later look at it gives the same outcome.
     */
    private Stage previousStage(String caseId, LocalDate date, Long corrects) {
        List<StoredIntake> meetings = database.cases().latestPerMeeting(caseId);
        Long correctedMeeting = corrects == null ? null : database.cases().history(caseId).stream()
                .filter(version -> version.intakeId() == corrects).map(StoredIntake::meeting).findFirst().orElse(null);
        StoredIntake previous = null;
        for (StoredIntake meeting : meetings) {
            boolean before = meeting.date().isBefore(date) || meeting.date().isEqual(date)
                    && (correctedMeeting == null || meeting.meeting() < correctedMeeting);
            if (before && !Long.valueOf(meeting.meeting()).equals(correctedMeeting)) {
                previous = meeting;
            }
        }
        if (previous == null || Stage.UNDETERMINED.name().equals(previous.stage())) {
            return null;
        }
        return Stage.valueOf(previous.stage());
    }

    private void list(Context ctx) {
        Principal reader = ProfilerServer.principal(ctx);
        CaseFilter filter = new CaseFilter(visibleCoaches(reader), ctx.queryParam("coach"),
                choice(ctx, "type", PresentationType.values()), choice(ctx, "stage", Stage.values()),
                choice(ctx, "safety", SafetyStatus.values()));
        List<CaseSummaryView> cases = database.cases().cases(filter).stream().map(CaseSummaryView::of).toList();
        audit.record(reader, Audit.LIST_CASES, null, cases.size() + " cases");
        ctx.json(new CaseListView(cases));
    }

    private void show(Context ctx) {
        Principal reader = ProfilerServer.principal(ctx);
        String caseId = caseIdOf(ctx);
        Optional<String> owner = database.cases().ownerOf(caseId);
        if (owner.isEmpty() || !visibleCoaches(reader).contains(owner.get())) {
            audit.record(reader, Audit.READ_CASE_REFUSED, caseId,
                    owner.isEmpty() ? "no such case" : "a case of another coach");
            throw noSuchCase(caseId).raise();
        }
        List<StoredIntake> meetings = database.cases().latestPerMeeting(caseId);
        Map<Long, Integer> versions = database.cases().versionCounts(caseId);
        List<StoredIntakeView> views = new ArrayList<>();
        for (StoredIntake meeting : meetings) {
            views.add(StoredIntakeView.of(meeting, versions.getOrDefault(meeting.meeting(), 1)));
        }
        StoredIntake latest = meetings.get(meetings.size() - 1);
        JsonNode latestOutcome = Json.tree(latest.outcomeJson());
        ObjectNode changes = meetings.size() < 2 ? null
                : CaseCourse.changes(meetings.get(meetings.size() - 2), latest);
        String coachName = database.users().find(owner.get()).map(User::displayName).orElse(owner.get());
        audit.record(reader, Audit.READ_CASE, caseId, meetings.size() + " meetings");
        ctx.json(new CaseView(caseId, owner.get(), coachName, database.units().unitOf(caseId).orElse(null), views, changes, latestOutcome.get("recommendations"),
                latestOutcome.get("questions"), CdsFeedbackView.of(database.cdsFeedback().forCase(caseId))));
    }

    /**
     * A case that does not exist and a case of someone else's get this same answer, so that no one learns from it
     * which case ids are in use.
     */
    private static ApiProblem noSuchCase(String caseId) {
        return ApiProblem.notFound("There is no case " + caseId + " among your cases.");
    }

    /**
     * A case id that another coach's case has, and one that was erased, get this same answer. A case id is one
     * name for everyone, so a coach who stores under a taken one must learn that it is taken; not whose it is, nor
     * whether it was erased.
     */
    private static ApiProblem caseIdUnavailable(String caseId) {
        String reason = "is not available: it is another coach's case id, or that of an erased case (an erased case "
                + "id is never used again); use a new pseudonym";
        return new ApiProblem(409, "Case id not available", "caseId " + caseId + " " + reason + ".",
                List.of(new FieldProblem("caseId", caseId, reason)));
    }

    /** The coaches whose cases this person may read. */
    private Set<String> visibleCoaches(Principal reader) {
        return reader.role() == Role.COACH ? Set.of(reader.name())
                : Set.copyOf(database.users().coachesOf(reader.name()));
    }

    private static String caseIdOf(Context ctx) {
        String caseId = ctx.pathParam("caseId");
        if (!IntakeValidator.CASE_ID.matcher(caseId).matches()) {
            throw ApiProblem.badField("caseId", caseId,
                    "must be 1-64 characters of A-Z a-z 0-9 . _ - (a pseudonym, never a name)").raise();
        }
        return caseId;
    }

    private static Long correctsOf(Context ctx) {
        String corrects = ctx.queryParam("corrects");
        if (corrects == null) {
            return null;
        }
        try {
            return Long.valueOf(corrects);
        } catch (NumberFormatException e) {
            throw ApiProblem.badField("corrects", corrects, "must be the intakeId of the intake it corrects").raise();
        }
    }

    /** The body's intake with the case id of the path; a different case id in the body is refused. */
    private static JsonNode withCaseId(Context ctx, String caseId) {
        JsonNode body = RequestBodies.intake(ctx);
        if (!body.isObject()) {
            return body; // the intake reader says what an intake is
        }
        JsonNode given = body.get("caseId");
        if (given == null || given.isNull()) {
            ((ObjectNode) body).put("caseId", caseId);
        } else if (!caseId.equals(given.asText())) {
            throw ApiProblem.badField("caseId", given.asText(), "must be the case id of the path, " + caseId).raise();
        }
        return body;
    }

    private static <E extends Enum<E>> String choice(Context ctx, String parameter, E[] values) {
        String value = ctx.queryParam(parameter);
        if (value == null || value.isEmpty()) {
            return null;
        }
        for (E e : values) {
            if (e.name().equals(value)) {
                return value;
            }
        }
        throw ApiProblem.badField(parameter, value, "must be one of " + List.of(values)).raise();
    }
}
