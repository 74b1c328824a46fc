package nl.burnoutprofiler.store;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;

/**
 * Keys that every server on one database must share, each made once by whichever server asks first. Concurrent
 * first requests are safe: only one insert wins, and every caller reads the winner back.
 */
public final class ServerSecrets {

    private static final int KEY_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Jdbc jdbc;

    ServerSecrets(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** The key named {@code name}: 32 random bytes, made now when there is none yet. */
    public byte[] key(String name) {
        Jdbc.requireText(name, "key name");
        byte[] candidate = new byte[KEY_BYTES];
        RANDOM.nextBytes(candidate);
        String stored = jdbc.transaction("keep the key " + name, connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO server_secrets (name, secret, "
                    + "created_at) VALUES (?, ?, ?) ON CONFLICT (name) DO NOTHING")) {
                insert.setString(1, name);
                insert.setString(2, Base64.getEncoder().encodeToString(candidate));
                jdbc.setInstant(insert, 3, jdbc.now());
                insert.executeUpdate();
            }
            return read(connection, name);
        });
        return Base64.getDecoder().decode(stored);
    }

    private static String read(Connection connection, String name) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT secret FROM server_secrets WHERE name = ?")) {
            select.setString(1, name);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    throw new SQLException("the key " + name + " was neither inserted nor found");
                }
                return rows.getString(1);
            }
        }
    }
}
