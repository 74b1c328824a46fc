package nl.burnoutprofiler.store;

import java.time.Instant;

/** A signed-in browser. Only a hash of the session id is stored; {@code csrfToken} guards its form posts. */
public record Session(String idHash, String username, String csrfToken, Instant expiresAt) {
}
