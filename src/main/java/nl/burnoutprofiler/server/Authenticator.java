package nl.burnoutprofiler.server;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import nl.burnoutprofiler.store.ApiToken;
import nl.burnoutprofiler.store.Database;
import nl.burnoutprofiler.store.Session;
import nl.burnoutprofiler.store.User;

/** Recognises callers by their bearer token or session cookie, and signs people in and out. */
final class Authenticator {

    /** A program calls many times a second; its token is looked up in the database at most this often. */
    private static final Duration TOKEN_CACHE_TIME = Duration.ofSeconds(30);

    private final Database database;
    private final Clock clock;
    private final Duration sessionLifetime;
    private final ConcurrentHashMap<String, CachedToken> tokens = new ConcurrentHashMap<>();

    private record CachedToken(Principal principal, Instant until) {
    }

    /** A new browser session: the cookie value (never stored) and who it belongs to. */
    record SignedIn(String sessionId, Principal principal) {
    }

    Authenticator(Database database, Clock clock, Duration sessionLifetime) {
        this.database = database;
        this.clock = clock;
        this.sessionLifetime = sessionLifetime;
    }

    Optional<Principal> fromBearer(String token) {
        String hash = Secrets.hash(token);
        Instant now = clock.instant();
        CachedToken cached = tokens.get(hash);
        if (cached != null && cached.until().isAfter(now)) {
            return Optional.of(cached.principal());
        }
        Optional<Principal> found = database.tokens().findByHash(hash).flatMap(this::principalOf);
        if (found.isPresent()) {
            tokens.put(hash, new CachedToken(found.get(), now.plus(TOKEN_CACHE_TIME)));
        } else {
            tokens.remove(hash);
        }
        return found;
    }

    Optional<Principal> fromSession(String sessionId) {
        return database.sessions().find(Secrets.hash(sessionId), clock.instant())
                .flatMap(session -> database.users().find(session.username())
                        .map(user -> new Principal(user.username(), user.displayName(), user.role(), session)));
    }

    Optional<SignedIn> signIn(String username, String password) {
        String hash = username == null ? null : database.users().passwordHash(username).orElse(null);
        if (!Passwords.matches(password, hash)) {
            return Optional.empty();
        }
        User user = database.users().find(username).orElseThrow();
        // Ended sessions are of no use to anyone; a sign-in is a rare enough moment to clear them away.
        database.sessions().deleteExpired(clock.instant());
        String sessionId = Secrets.newSecret();
        Session session = new Session(Secrets.hash(sessionId), user.username(), Secrets.newSecret(),
                clock.instant().plus(sessionLifetime));
        database.sessions().create(session);
        return Optional.of(new SignedIn(sessionId, new Principal(user.username(), user.displayName(), user.role(),
                session)));
    }

    void signOut(Principal principal) {
        if (principal.signedInWithBrowser()) {
            database.sessions().delete(principal.session().idHash());
        }
    }

    /** After a token is revoked: the next request looks it up again. */
    void forgetCachedTokens() {
        tokens.clear();
    }

    private Optional<Principal> principalOf(ApiToken token) {
        if (token.user() == null) {
            return Optional.of(new Principal(token.name(), token.name(), token.role(), null));
        }
        return database.users().find(token.user())
                .map(user -> new Principal(user.username(), user.displayName(), token.role(), null));
    }
}
