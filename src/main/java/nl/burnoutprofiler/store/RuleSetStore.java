package nl.burnoutprofiler.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The rule sets that servers on this database run, and which one is active: the rule set of the newest activation.
 * A rule set is known by its version (semantic version and content hash) and kept with all its files, so that any
 * server can build it; rule sets and activations are never changed or removed (the database refuses it).
 */
public final class RuleSetStore {

    /** The longest {@code activatedBy} kept; longer names are cut. */
    public static final int MAX_BY = 100;
    private static final int MAX_VERSION = 200;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<TreeMap<String, String>> FILES = new TypeReference<>() {
    };
    private static final String ACTIVATION_COLUMNS = "id, version, activated_at, activated_by, why";

    /** Why a rule set was activated. */
    public enum Why {
        /** A server started with a rule set that was never active on this database before. */
        START("start"),
        /** An admin reloaded the rules, or a watched rule folder changed. */
        RELOAD("reload");

        private final String id;

        Why(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        static Why of(String id) {
            for (Why why : values()) {
                if (why.id.equals(id)) {
                    return why;
                }
            }
            throw new IllegalStateException("unknown activation reason in the database: " + id);
        }
    }

    /** One entry of the activation log: from {@code activatedAt} on, {@code version} is the active rule set. */
    public record Activation(long id, String version, Instant activatedAt, String activatedBy, Why why) {
    }

    private final Jdbc jdbc;

    RuleSetStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Keeps the rule set's files (unless kept already) and makes it the active rule set. */
    public Activation activate(String version, Map<String, String> files, String by, Why why) {
        checkVersion(version);
        String who = cut(Jdbc.requireText(by, "activated by"));
        String json = json(files);
        return jdbc.transaction("activate rule set " + version, connection -> {
            Instant now = jdbc.now();
            keep(connection, version, json, now, who);
            return append(connection, version, now, who, why);
        });
    }

    /**
     * What a server starting with its own rule set runs: that set, when it was never active on this database (it is
     * activated now), or else the set of the newest activation, so that a restart with an older rule folder never
     * undoes a later reload. Returns the newest activation after this start.
     */
    public Activation activateAtStart(String version, Map<String, String> files, String by) {
        checkVersion(version);
        String who = cut(Jdbc.requireText(by, "activated by"));
        String json = json(files);
        return jdbc.transaction("activate rule set " + version + " at start", connection -> {
            Instant now = jdbc.now();
            keep(connection, version, json, now, who);
            if (!everActivated(connection, version)) {
                return append(connection, version, now, who, Why.START);
            }
            return newest(connection).orElseThrow(() -> new SQLException("no activation found of " + version));
        });
    }

    /** The newest activation: its version is the rule set every server should run. Empty before the first. */
    public Optional<Activation> latest() {
        return jdbc.run("read the active rule set", this::newest);
    }

    /** The files of a kept rule set by their relative path; empty when no set of that version is kept. */
    public Optional<SortedMap<String, String>> files(String version) {
        return jdbc.run("read rule set " + version, connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT files FROM rule_sets WHERE version = ?")) {
                select.setString(1, version);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? Optional.of(files(version, rows.getString("files"))) : Optional.empty();
                }
            }
        });
    }

    private void keep(Connection connection, String version, String json, Instant now, String by) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO rule_sets (version, files, created_at,"
                + " created_by) VALUES (?, ?, ?, ?) ON CONFLICT (version) DO NOTHING")) {
            insert.setString(1, version);
            insert.setString(2, json);
            jdbc.setInstant(insert, 3, now);
            insert.setString(4, by);
            insert.executeUpdate();
        }
    }

    private Activation append(Connection connection, String version, Instant now, String by, Why why)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO rule_set_activations (version, "
                + "activated_at, activated_by, why) VALUES (?, ?, ?, ?) RETURNING id")) {
            insert.setString(1, version);
            jdbc.setInstant(insert, 2, now);
            insert.setString(3, by);
            insert.setString(4, why.id());
            try (ResultSet rows = insert.executeQuery()) {
                rows.next();
                return new Activation(rows.getLong(1), version, now, by, why);
            }
        }
    }

    private static boolean everActivated(Connection connection, String version) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT 1 FROM rule_set_activations WHERE version = ? LIMIT 1")) {
            select.setString(1, version);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next();
            }
        }
    }

    /** One look-up of the primary key's last entry: cheap enough for every server to poll every few seconds. */
    private Optional<Activation> newest(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + ACTIVATION_COLUMNS + " FROM rule_set_activations ORDER BY id DESC LIMIT 1");
             ResultSet rows = select.executeQuery()) {
            if (!rows.next()) {
                return Optional.empty();
            }
            return Optional.of(new Activation(rows.getLong("id"), rows.getString("version"),
                    jdbc.getInstant(rows, "activated_at"), rows.getString("activated_by"),
                    Why.of(rows.getString("why"))));
        }
    }

    private static void checkVersion(String version) {
        Jdbc.requireText(version, "rule-set version");
        if (version.length() > MAX_VERSION) {
            throw new IllegalArgumentException("a rule-set version has at most " + MAX_VERSION + " characters");
        }
    }

    private static String cut(String by) {
        return by.length() > MAX_BY ? by.substring(0, MAX_BY) : by;
    }

    private static String json(Map<String, String> files) {
        if (files == null || files.isEmpty()) {
            throw new IllegalArgumentException("a rule set has files");
        }
        try {
            return JSON.writeValueAsString(new TreeMap<>(files));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the rule files cannot be written as JSON", e);
        }
    }

    private static SortedMap<String, String> files(String version, String json) throws SQLException {
        try {
            return JSON.readValue(json, FILES);
        } catch (JsonProcessingException e) {
            throw new SQLException("the files of rule set " + version + " are not a JSON object of texts", e);
        }
    }
}
