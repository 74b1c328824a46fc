package nl.burnoutprofiler.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * API tokens. Only a hash of each token is stored; the caller hashes. A revoked token stays listed (with the time it
 * was revoked) and keeps its name, so a name always means one token.
 */
public final class TokenStore {

    private static final String COLUMNS = "name, role, username, created_at, created_by, revoked_at";

    private final Jdbc jdbc;

    TokenStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Adds a token. {@code user} is the user a coach or case-manager token acts as: required for those roles, and it
     * must have that role; not allowed for the others.
     *
     * @throws ConflictException when the name is taken (also by a revoked token) or the hash is already in use
     */
    public ApiToken create(String name, Role role, String user, String tokenHash, String createdBy) {
        Jdbc.requireText(name, "token name");
        Objects.requireNonNull(role, "role");
        Jdbc.requireText(tokenHash, "token hash");
        Jdbc.requireText(createdBy, "creator");
        if (role == Role.ORGANISATION) {
            throw new IllegalArgumentException("organisation users sign in with a password and get no API tokens");
        }
        boolean actsAsUser = role == Role.COACH || role == Role.CASE_MANAGER;
        if (actsAsUser && user == null) {
            throw new IllegalArgumentException("a " + role.id() + " token acts as a user: name the " + role.id());
        }
        if (!actsAsUser && user != null) {
            throw new IllegalArgumentException("a " + role.id() + " token does not act as a user");
        }
        ApiToken token = new ApiToken(name, role, user, jdbc.now(), createdBy);
        return jdbc.transaction("create token " + name, connection -> {
            if (user != null) {
                Optional<User> actingUser = UserStore.find(jdbc, connection, user);
                if (actingUser.isEmpty() || actingUser.get().role() != role) {
                    throw new IllegalArgumentException(user + " is not a " + role.id());
                }
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO api_tokens (name, token_hash, role, username, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, name);
                insert.setString(2, tokenHash);
                insert.setString(3, role.id());
                insert.setString(4, user);
                jdbc.setInstant(insert, 5, token.createdAt());
                insert.setString(6, createdBy);
                insert.executeUpdate();
            } catch (SQLException e) {
                if (jdbc.isUniqueViolation(e)) {
                    throw new ConflictException("token name '" + name + "' is taken, or the token is not new", e);
                }
                throw e;
            }
            return token;
        });
    }

    /** The token with this hash, unless it was revoked. */
    public Optional<ApiToken> findByHash(String tokenHash) {
        return jdbc.run("find a token", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT " + COLUMNS + " FROM api_tokens WHERE token_hash = ? AND revoked_at IS NULL")) {
                select.setString(1, tokenHash);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? Optional.of(token(rows)) : Optional.empty();
                }
            }
        });
    }

    /** Every token, revoked ones too, by name. */
    public List<ApiToken> all() {
        return jdbc.run("list tokens", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT " + COLUMNS + " FROM api_tokens ORDER BY name");
                 ResultSet rows = select.executeQuery()) {
                List<ApiToken> tokens = new ArrayList<>();
                while (rows.next()) {
                    tokens.add(token(rows));
                }
                return tokens;
            }
        });
    }

    /** Revokes the token: it no longer authenticates. False when there is no such token or it was revoked already. */
    public boolean revoke(String name) {
        return jdbc.transaction("revoke token " + name, connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE api_tokens SET revoked_at = ? WHERE name = ? AND revoked_at IS NULL")) {
                jdbc.setInstant(update, 1, jdbc.now());
                update.setString(2, name);
                return update.executeUpdate() > 0;
            }
        });
    }

    private ApiToken token(ResultSet rows) throws SQLException {
        return new ApiToken(rows.getString("name"), Role.fromId(rows.getString("role")), rows.getString("username"),
                jdbc.getInstant(rows, "created_at"), rows.getString("created_by"), jdbc.getInstant(rows, "revoked_at"));
    }
}
