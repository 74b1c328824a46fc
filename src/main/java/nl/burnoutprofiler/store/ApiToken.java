package nl.burnoutprofiler.store;

import java.time.Instant;

/**
 * A token for programs that call the API. {@code user} is the user a coach or case-manager token acts as; null for
 * admin and integrator tokens. {@code revokedAt} is null while the token is in use.
 */
public record ApiToken(String name, Role role, String user, Instant createdAt, String createdBy, Instant revokedAt) {

    /** A token that is in use. */
    public ApiToken(String name, Role role, String user, Instant createdAt, String createdBy) {
        this(name, role, user, createdAt, createdBy, null);
    }

    public boolean revoked() {
        return revokedAt != null;
    }
}
