package nl.burnoutprofiler.server;

import java.time.Duration;
import java.util.List;

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
    private final SignInThrottle throttle;
    private final ClientAddress clientAddress;
    private final Audit audit;
    private final boolean secureCookies;
    private final Duration lifetime;

    SessionRoutes(Authenticator authenticator, SignInThrottle throttle, ClientAddress clientAddress, Audit audit,
                  boolean secureCookies, Duration lifetime) {
        this.authenticator = authenticator;
        this.throttle = throttle;
        this.clientAddress = clientAddress;
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
        SignInThrottle.Attempt attempt = throttle.attempt(username, clientAddress.of(ctx));
        if (attempt.refusedFor().isPresent()) {
            tooManyAttempts(ctx, attempt);
            return;
        }
        Authenticator.SignedIn signedIn;
        try {
            signedIn = authenticator.signIn(username, password).orElse(null);
        } catch (RuntimeException e) {
            attempt.undecided(); // a database out of reach is no wrong password
            throw e;
        }
        if (signedIn == null) {
            audit.record(username, Audit.SIGN_IN_REFUSED, null);
            for (SignInThrottle.Lockout lockout : attempt.failed()) {
                audit.record(username, Audit.SIGN_IN_LOCKED, lockout.budget().attempts() + " failed sign-ins "
                        + lockout.budget().description() + " (" + lockout.address() + ") within "
                        + lockout.budget().window().toMinutes() + " minutes; refused until " + lockout.until());
            }
            throw ApiProblem.unauthorized("Unknown username or wrong password.").raise();
        }
        attempt.succeeded();
        audit.record(signedIn.principal(), Audit.SIGN_IN, null, null);
        ctx.cookie(cookie(signedIn.sessionId(), (int) lifetime.toSeconds()));
        ctx.json(SessionView.of(signedIn.principal()));
    }

    /** 429 with Retry-After, answered before any password is hashed. */
    private static void tooManyAttempts(Context ctx, SignInThrottle.Attempt attempt) {
        long seconds = Math.max(1, (attempt.refusedFor().orElseThrow().toMillis() + 999) / 1000);
        ctx.header("Retry-After", String.valueOf(seconds));
        ProfilerServer.problem(ctx, new ApiProblem(429, "Too many sign-in attempts", "Too many failed sign-ins "
                + attempt.spentBudget().description() + "; try again in " + seconds + " seconds.", List.of()));
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
