package nl.burnoutprofiler.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The users and their password hashes. Hashing is the caller's: only the hash ever reaches the store. */
public final class UserStore {

    private static final String COLUMNS = "username, display_name, role, manager, created_at";

    private final Jdbc jdbc;

    UserStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Adds a user. {@code manager} (nullable) must be an existing case manager and may only be given for a coach;
     * {@code passwordHash} may be null for a user who cannot sign in with a password yet.
     *
     * @throws ConflictException when the username is taken
     * @throws IllegalArgumentException when the manager is not a case manager, or is given for another role than coach
     */
    public User create(String username, String displayName, Role role, String passwordHash, String manager) {
        Jdbc.requireText(username, "username");
        Jdbc.requireText(displayName, "display name");
        Objects.requireNonNull(role, "role");
        if (manager != null && role != Role.COACH) {
            throw new IllegalArgumentException("only a coach has a case manager; " + username + " is " + role.id());
        }
        User user = new User(username, displayName, role, manager, jdbc.now());
        return jdbc.transaction("create user " + username, connection -> {
            if (manager != null) {
                requireCaseManager(connection, manager);
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO users (username, display_name, role, password_hash, manager, created_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, username);
                insert.setString(2, displayName);
                insert.setString(3, role.id());
                insert.setString(4, passwordHash);
                insert.setString(5, manager);
                jdbc.setInstant(insert, 6, user.createdAt());
                insert.executeUpdate();
            } catch (SQLException e) {
                if (jdbc.isUniqueViolation(e)) {
                    throw new ConflictException("username '" + username + "' is taken", e);
                }
                throw e;
            }
            return user;
        });
    }

    public Optional<User> find(String username) {
        return jdbc.run("find user " + username, connection -> find(jdbc, connection, username));
    }

    /** The password hash of the user; empty when there is no such user or the user has no password. */
    public Optional<String> passwordHash(String username) {
        return jdbc.run("read the password of " + username, connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT password_hash FROM users WHERE username = ?")) {
                select.setString(1, username);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? Optional.ofNullable(rows.getString(1)) : Optional.empty();
                }
            }
        });
    }

    /** Every user, by username. */
    public List<User> all() {
        return jdbc.run("list users", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT " + COLUMNS + " FROM users ORDER BY username");
                 ResultSet rows = select.executeQuery()) {
                List<User> users = new ArrayList<>();
                while (rows.next()) {
                    users.add(user(jdbc, rows));
                }
                return users;
            }
        });
    }

    /** The usernames of the coaches assigned to this case manager, sorted. */
    public List<String> coachesOf(String caseManager) {
        return jdbc.run("list the coaches of " + caseManager, connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT username FROM users WHERE manager = ? AND role = ? ORDER BY username")) {
                select.setString(1, caseManager);
                select.setString(2, Role.COACH.id());
                try (ResultSet rows = select.executeQuery()) {
                    List<String> coaches = new ArrayList<>();
                    while (rows.next()) {
                        coaches.add(rows.getString(1));
                    }
                    return coaches;
                }
            }
        });
    }

    /**
     * Assigns a coach to a case manager, or to none with {@code manager} null.
     *
     * @throws IllegalArgumentException when {@code coach} is not a coach or {@code manager} not a case manager
     */
    public void setManager(String coach, String manager) {
        jdbc.transaction("assign a case manager to " + coach, connection -> {
            User user = find(jdbc, connection, coach).orElseThrow(() -> new IllegalArgumentException("no user " + coach));
            if (user.role() != Role.COACH) {
                throw new IllegalArgumentException("only a coach has a case manager; " + coach + " is " + user.role().id());
            }
            if (manager != null) {
                requireCaseManager(connection, manager);
            }
            try (PreparedStatement update = connection.prepareStatement("UPDATE users SET manager = ? WHERE username = ?")) {
                update.setString(1, manager);
                update.setString(2, coach);
                update.executeUpdate();
            }
            return null;
        });
    }

    /** @throws IllegalArgumentException when there is no such user */
    public void setPasswordHash(String username, String passwordHash) {
        int changed = jdbc.transaction("change the password of " + username, connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE users SET password_hash = ? WHERE username = ?")) {
                update.setString(1, passwordHash);
                update.setString(2, username);
                return update.executeUpdate();
            }
        });
        if (changed == 0) {
            throw new IllegalArgumentException("no user " + username);
        }
    }

    /** True while there are no users at all: the first administrator may then be created. */
    public boolean isEmpty() {
        return jdbc.run("count users", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM users LIMIT 1");
                 ResultSet rows = select.executeQuery()) {
                return !rows.next();
            }
        });
    }

    /** Within a transaction: the user, read with the given connection. */
    static Optional<User> find(Jdbc jdbc, Connection connection, String username) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM users WHERE username = ?")) {
            select.setString(1, username);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(user(jdbc, rows)) : Optional.empty();
            }
        }
    }

    private void requireCaseManager(Connection connection, String manager) throws SQLException {
        Optional<User> user = find(jdbc, connection, manager);
        if (user.isEmpty() || user.get().role() != Role.CASE_MANAGER) {
            throw new IllegalArgumentException(manager + " is not a case manager");
        }
    }

    private static User user(Jdbc jdbc, ResultSet rows) throws SQLException {
        return new User(rows.getString("username"), rows.getString("display_name"), Role.fromId(rows.getString("role")),
                rows.getString("manager"), jdbc.getInstant(rows, "created_at"));
    }
}
