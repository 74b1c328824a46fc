package nl.burnoutprofiler.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/** Browser sessions, by the hash of their id. */
public final class SessionStore {

    private final Jdbc jdbc;

    SessionStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @throws ConflictException when a session with this id hash exists
     * @throws IllegalArgumentException when there is no such user
     */
    public void create(Session session) {
        Objects.requireNonNull(session, "session");
        Jdbc.requireText(session.idHash(), "session id hash");
        Jdbc.requireText(session.username(), "username");
        Jdbc.requireText(session.csrfToken(), "CSRF token");
        Objects.requireNonNull(session.expiresAt(), "expiry");
        jdbc.transaction("create a session for " + session.username(), connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO sessions (id_hash, username, csrf_token, expires_at) VALUES (?, ?, ?, ?)")) {
                insert.setString(1, session.idHash());
                insert.setString(2, session.username());
                insert.setString(3, session.csrfToken());
                jdbc.setInstant(insert, 4, session.expiresAt().truncatedTo(ChronoUnit.MICROS));
                return insert.executeUpdate();
            } catch (SQLException e) {
                if (jdbc.isUniqueViolation(e)) {
                    throw new ConflictException("a session with this id exists", e);
                }
                if (jdbc.isMissingReference(e)) {
                    throw new IllegalArgumentException("no user " + session.username());
                }
                throw e;
            }
        });
    }

    /** The session, unless it has expired at {@code now}. */
    public Optional<Session> find(String idHash, Instant now) {
        return jdbc.run("find a session", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT id_hash, username, csrf_token, expires_at FROM sessions WHERE id_hash = ? AND expires_at > ?")) {
                select.setString(1, idHash);
                jdbc.setInstant(select, 2, now);
                try (ResultSet rows = select.executeQuery()) {
                    if (!rows.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new Session(rows.getString("id_hash"), rows.getString("username"),
                            rows.getString("csrf_token"), jdbc.getInstant(rows, "expires_at")));
                }
            }
        });
    }

    /** Ends the session (signing out). Nothing happens when there is no such session. */
    public void delete(String idHash) {
        jdbc.transaction("delete a session", connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM sessions WHERE id_hash = ?")) {
                delete.setString(1, idHash);
                return delete.executeUpdate();
            }
        });
    }

    /** Ends every session of the user (after a password change, say); the number ended. */
    public int deleteAllOf(String username) {
        return jdbc.transaction("delete the sessions of " + username, connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM sessions WHERE username = ?")) {
                delete.setString(1, username);
                return delete.executeUpdate();
            }
        });
    }

    /** Removes the sessions that have expired at {@code now}; the number removed. */
    public int deleteExpired(Instant now) {
        return jdbc.transaction("delete expired sessions", connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM sessions WHERE expires_at <= ?")) {
                jdbc.setInstant(delete, 1, now);
                return delete.executeUpdate();
            }
        });
    }
}
