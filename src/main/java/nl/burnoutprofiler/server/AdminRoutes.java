package nl.burnoutprofiler.server;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import io.javalin.http.Context;

import nl.burnoutprofiler.engine.FieldProblem;
import nl.burnoutprofiler.engine.ProfilerEngine;
import nl.burnoutprofiler.engine.RuleProblem;
import nl.burnoutprofiler.engine.RuleSetException;
import nl.burnoutprofiler.store.ApiToken;
import nl.burnoutprofiler.store.AuditEntry;
import nl.burnoutprofiler.store.ConflictException;
import nl.burnoutprofiler.store.Database;
import nl.burnoutprofiler.store.Role;
import nl.burnoutprofiler.store.RuleSetStore;
import nl.burnoutprofiler.store.User;

/** Users, tokens, the rule set and the audit log: the admin's part of the API. Admins read no cases. */
final class AdminRoutes {

    /** The rule set this server runs, and the one active in the database (null before the first activation). */
    record RuleSetView(String ruleSetVersion, int rules, int organisationRules, boolean precompiled,
                       ActivationView activeInDatabase) {

        static RuleSetView of(ProfilerEngine engine, Optional<RuleSetStore.Activation> active) {
            return new RuleSetView(engine.ruleSetVersion(), engine.rules().size(), engine.organisationRules().size(),
                    engine.usesPrecompiledRules(), active.map(ActivationView::of).orElse(null));
        }
    }

    /** Which rule set every server on the database should run: since when, by whom, and why (start or reload). */
    record ActivationView(String ruleSetVersion, String activatedAt, String activatedBy, String why) {

        static ActivationView of(RuleSetStore.Activation activation) {
            return new ActivationView(activation.version(), activation.activatedAt().toString(),
                    activation.activatedBy(), activation.why().id());
        }
    }

    /**
     * A user as the admin sees them; {@code active}: can sign in with a password; {@code units}: the units an
     * organisation user sees, absent for other roles.
     */
    record UserView(String username, String displayName, String role, String manager, String createdAt,
                    boolean active, List<String> units) {

        static UserView of(User user, boolean active, List<String> units) {
            return new UserView(user.username(), user.displayName(), user.role().id(), user.manager(),
                    user.createdAt().toString(), active, user.role() == Role.ORGANISATION ? units : null);
        }
    }

    record TokenView(String name, String role, String user, String createdAt, String createdBy, String revokedAt) {

        static TokenView of(ApiToken token) {
            return new TokenView(token.name(), token.role().id(), token.user(), token.createdAt().toString(),
                    token.createdBy(), token.revoked() ? token.revokedAt().toString() : null);
        }
    }

    /** A new token: the only time its value is shown. */
    record NewTokenView(String name, String role, String user, String token) {
    }

    /** An audit entry with its time as ISO-8601 text (the server's JSON mapper has no java.time support). */
    record AuditEntryView(long id, String at, String actor, String action, String caseId, String detail) {

        static AuditEntryView of(AuditEntry entry) {
            return new AuditEntryView(entry.id(), entry.at().toString(), entry.actor(), entry.action(),
                    entry.caseId(), entry.detail());
        }
    }

    record AuditView(List<AuditEntryView> entries) {
    }

    private final LiveEngine engine;
    private final Database database;
    private final Authenticator authenticator;
    private final Audit audit;

    AdminRoutes(LiveEngine engine, Database database, Authenticator authenticator, Audit audit) {
        this.engine = engine;
        this.database = database;
        this.authenticator = authenticator;
        this.audit = audit;
    }

    void register(RouteTable routes) {
        routes.get("/api/v1/admin/rules", ctx -> ctx.json(RuleSetView.of(engine.current(),
                database.ruleSets().latest())), Access.ADMIN);
        routes.post("/api/v1/admin/rules/reload", this::reloadRules, Access.ADMIN);
        routes.get("/api/v1/admin/users", ctx -> ctx.json(database.users().all().stream().map(this::view).toList()),
                Access.ADMIN);
        routes.post("/api/v1/admin/users", this::createUser, Access.ADMIN);
        routes.post("/api/v1/admin/users/{username}/password", this::resetPassword, Access.ADMIN);
        routes.post("/api/v1/admin/users/{username}/deactivation", this::deactivate, Access.ADMIN);
        routes.get("/api/v1/admin/tokens", ctx -> ctx.json(database.tokens().all().stream().map(TokenView::of)
                .toList()), Access.ADMIN);
        routes.post("/api/v1/admin/tokens", this::createToken, Access.ADMIN);
        routes.delete("/api/v1/admin/tokens/{name}", this::revokeToken, Access.ADMIN);
        routes.get("/api/v1/admin/audit", this::auditLog, Access.ADMIN);
    }

    private void reloadRules(Context ctx) {
        Principal admin = ProfilerServer.principal(ctx);
        try {
            ProfilerEngine next = engine.reload(admin.name());
            audit.record(admin, Audit.RELOAD_RULES, null, next.ruleSetVersion());
            ctx.json(RuleSetView.of(next, engine.activeInDatabase()));
        } catch (RuleSetException e) {
            audit.record(admin, Audit.RELOAD_RULES_REFUSED, null, e.problems().size() + " problems");
            List<FieldProblem> errors = e.problems().stream().map(AdminRoutes::asFieldProblem).toList();
            throw new ApiProblem(422, "Rule set refused", "The new rule set is incomplete or broken; the running rule set "
                    + engine.current().ruleSetVersion() + " stays.", errors).raise();
        }
    }

    private static FieldProblem asFieldProblem(RuleProblem problem) {
        String at = problem.line() > 0 ? problem.file() + ":" + problem.line() : problem.file();
        return new FieldProblem(at, null, problem.reason());
    }

    private void createUser(Context ctx) {
        JsonNode body = RequestBodies.object(ctx);
        String username = RequestBodies.requiredText(body, "username");
        if (!username.matches("[a-z0-9._-]{2,40}")) {
            throw ApiProblem.badField("username", username, "must be 2-40 characters of a-z 0-9 . _ -").raise();
        }
        String displayName = RequestBodies.requiredText(body, "displayName");
        if (displayName.length() > 200) {
            throw ApiProblem.badField("displayName", null, "must be at most 200 characters").raise();
        }
        Role role = role(RequestBodies.requiredText(body, "role"));
        String password = RequestBodies.requiredText(body, "password");
        if (password.length() < Passwords.MIN_LENGTH) {
            throw ApiProblem.badField("password", null, "needs at least " + Passwords.MIN_LENGTH + " characters")
                    .raise();
        }
        String manager = RequestBodies.optionalText(body, "manager");
        User user;
        String passwordHash;
        try {
            passwordHash = Passwords.hash(password);
        } catch (IllegalArgumentException e) { // bcrypt reads at most 72 bytes and refuses more
            throw ApiProblem.badField("password", null, e.getMessage()).raise();
        }
        try {
            user = database.users().create(username, displayName, role, passwordHash, manager);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badField("manager", manager, e.getMessage()).raise();
        } catch (ConflictException e) {
            throw taken("username", username);
        }
        audit.record(ProfilerServer.principal(ctx), Audit.CREATE_USER, null, username + " as " + role.id());
        ctx.status(201).json(UserView.of(user, true, List.of()));
    }

    private UserView view(User user) {
        return UserView.of(user, database.users().passwordHash(user.username()).isPresent(),
                user.role() == Role.ORGANISATION ? database.units().assignedTo(user.username()) : List.of());
    }

    /**
     * A new password for a user who forgot theirs, or a deactivated user who returns. Their open sessions end, so
     * whoever held the old password is signed out.
     */
    private void resetPassword(Context ctx) {
        User user = existingUser(ctx);
        String password = RequestBodies.requiredText(RequestBodies.object(ctx), "password");
        if (password.length() < Passwords.MIN_LENGTH) {
            throw ApiProblem.badField("password", null, "needs at least " + Passwords.MIN_LENGTH + " characters")
                    .raise();
        }
        String passwordHash;
        try {
            passwordHash = Passwords.hash(password);
        } catch (IllegalArgumentException e) { // bcrypt reads at most 72 bytes and refuses more
            throw ApiProblem.badField("password", null, e.getMessage()).raise();
        }
        database.users().setPasswordHash(user.username(), passwordHash);
        int ended = database.sessions().deleteAllOf(user.username());
        audit.record(ProfilerServer.principal(ctx), Audit.RESET_PASSWORD, null,
                user.username() + ", " + ended + " sessions ended");
        ctx.json(view(user));
    }

    /**
     * A user who left: no password sign-in any more, every open session ends and every API token that acts as them
     * is revoked. Their cases, intakes and audit entries stay. A new password (reset) makes them active again. An
     * admin cannot deactivate themselves.
     */
    private void deactivate(Context ctx) {
        Principal admin = ProfilerServer.principal(ctx);
        User user = existingUser(ctx);
        if (user.username().equals(admin.name())) {
            throw new ApiProblem(409, "Cannot deactivate yourself",
                    "An admin cannot deactivate their own account; another admin can.", List.of()).raise();
        }
        database.users().setPasswordHash(user.username(), null);
        int ended = database.sessions().deleteAllOf(user.username());
        long revoked = database.tokens().all().stream()
                .filter(token -> user.username().equals(token.user()) && token.revokedAt() == null)
                .filter(token -> database.tokens().revoke(token.name())).count();
        audit.record(admin, Audit.DEACTIVATE_USER, null,
                user.username() + ", " + ended + " sessions ended, " + revoked + " tokens revoked");
        ctx.json(view(user));
    }

    private User existingUser(Context ctx) {
        String username = ctx.pathParam("username");
        return database.users().find(username)
                .orElseThrow(() -> ApiProblem.notFound("There is no user " + username + ".").raise());
    }

    private void createToken(Context ctx) {
        JsonNode body = RequestBodies.object(ctx);
        String name = RequestBodies.requiredText(body, "name");
        if (!Tokens.NAME.matcher(name).matches()) {
            throw ApiProblem.badField("name", name.length() > 100 ? null : name, Tokens.NAME_RULE).raise();
        }
        Role role = role(RequestBodies.requiredText(body, "role"));
        if (role == Role.ORGANISATION) {
            throw ApiProblem.badField("role", role.id(), "cannot be organisation: organisation users sign in with a "
                    + "password and get no tokens").raise();
        }
        String user = RequestBodies.optionalText(body, "user");
        String token = Secrets.newApiToken();
        ApiToken created;
        try {
            created = Tokens.create(database, name, role, user, token, ProfilerServer.principal(ctx).name());
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badField("user", user, e.getMessage()).raise();
        } catch (ConflictException e) {
            throw taken("name", name);
        }
        audit.record(ProfilerServer.principal(ctx), Audit.CREATE_TOKEN, null, name + " as " + role.id());
        ctx.status(201).json(new NewTokenView(created.name(), created.role().id(), created.user(), token));
    }

    private void revokeToken(Context ctx) {
        String name = ctx.pathParam("name");
        if (!database.tokens().revoke(name)) {
            throw ApiProblem.notFound("There is no active token " + name + ".").raise();
        }
        authenticator.forgetCachedTokens();
        audit.record(ProfilerServer.principal(ctx), Audit.REVOKE_TOKEN, null, name);
        ctx.status(204);
    }

    private void auditLog(Context ctx) {
        String caseId = ctx.queryParam("caseId");
        List<AuditEntry> entries = caseId == null ? database.audit().recent(500) : database.audit().forCase(caseId);
        ctx.json(new AuditView(entries.stream().map(AuditEntryView::of).toList()));
    }

    /** A name already in use: 409, naming the field, without the database's wording. */
    private static RuntimeException taken(String field, String value) {
        return new ApiProblem(409, "Conflict", field + " " + value + " is already taken.",
                List.of(new FieldProblem(field, value, "is already taken"))).raise();
    }

    private static Role role(String id) {
        try {
            return Role.fromId(id);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badField("role", id, e.getMessage()).raise();
        }
    }
}
