package nl.burnoutprofiler.server;

import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;

/** Signing people in and out of the web application. */
final class SessionRoutes {

    static final String SESSION_COOKIE = "bp_session";
    static final String CSRF_HEADER = "X-CSRF-Token";

    /** Who is signed in; {@code csrfToken} only for a browser session. */
    record SessionView(String username, String displayName, String role, String csrfToken) {

        static SessionView of(Principal principal) {
            return new SessionView(principal.name(), principal.displayName(), principal.role().id(),
                    principal.signedInWithBrowser() ? principal.session().csrfToken() : null);
        }
    }

    private final Authenticator authenticator;
    private final Audit audit;
    private final boolean secureCookies;
    private final Duration lifetime;

    SessionRoutes(Authenticator authenticator, Audit audit, boolean secureCookies, Duration lifetime) {
        this.authenticator = authenticator;
        this.audit = audit;
        this.secureCookies = secureCookies;
        this.lifetime = lifetime;
    }

    void register(RouteTable routes) {
        routes.get("/api/v1/session", this::show, Access.ANYONE);
        routes.post("/api/v1/session", this::signIn);
        routes.delete("/api/v1/session", this::signOut, Access.ANYONE);
    }

    private void show(Context ctx) {
        ctx.json(SessionView.of(ProfilerServer.principal(ctx)));
    }

    private void signIn(Context ctx) {
        // A cross-site form cannot send JSON without the browser asking first, which this server never allows.
        if (!String.valueOf(ctx.contentType()).startsWith("application/json")) {
            throw ApiProblem.badField("Content-Type", ctx.contentType(), "must be application/json").raise();
        }
        JsonNode body = RequestBodies.object(ctx);
        String username = RequestBodies.requiredText(body, "username");
        String password = RequestBodies.requiredText(body, "password");
        Authenticator.SignedIn signedIn = authenticator.signIn(username, password).orElseThrow(() -> {
            audit.record(username, Audit.SIGN_IN_REFUSED, null);
            return ApiProblem.unauthorized("Unknown username or wrong password.").raise();
        });
        audit.record(signedIn.principal(), Audit.SIGN_IN, null, null);
        ctx.cookie(cookie(signedIn.sessionId(), (int) lifetime.toSeconds()));
        ctx.json(SessionView.of(signedIn.principal()));
    }

    private void signOut(Context ctx) {
        Principal principal = ProfilerServer.principal(ctx);
        authenticator.signOut(principal);
        audit.record(principal, Audit.SIGN_OUT, null, null);
        ctx.cookie(cookie("", 0));
        ctx.status(204);
    }

    private Cookie cookie(String value, int maxAgeSeconds) {
        Cookie cookie = new Cookie(SESSION_COOKIE, value);
        cookie.setPath("/");
        cookie.setMaxAge(maxAgeSeconds);
        cookie.setHttpOnly(true);
        cookie.setSecure(secureCookies);
        cookie.setSameSite(SameSite.STRICT);
        return cookie;
    }
}
