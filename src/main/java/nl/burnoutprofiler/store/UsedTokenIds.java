package nl.burnoutprofiler.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Token ids that may be used once (a JWT's {@code jti}), remembered in the database so that every server on it
 * refuses a second use. An id is forgotten once its token has expired; a purge of the forgotten runs now and then
 * as part of a use.
 */
public final class UsedTokenIds {

    private final Jdbc jdbc;
    private final PurgeSchedule purges = new PurgeSchedule();

    UsedTokenIds(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records the use of {@code id}; false when it was used before and is still remembered (a replay).
     *
     * @param forgetAfter when the token can no longer be valid, so its id need not be remembered
     * @param now         the verifier's now
     */
    public boolean firstUse(String id, Instant forgetAfter, Instant now) {
        Jdbc.requireText(id, "token id");
        String key = sha256(id);
        boolean purge = purges.due(now);
        return jdbc.transaction("record a token's use", connection -> {
            try (PreparedStatement forget = connection.prepareStatement(purge
                    ? "DELETE FROM used_token_ids WHERE forget_after < ?"
                    : "DELETE FROM used_token_ids WHERE forget_after < ? AND key_hash = ?")) {
                jdbc.setInstant(forget, 1, now);
                if (!purge) {
                    forget.setString(2, key);
                }
                forget.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO used_token_ids (key_hash, "
                    + "forget_after) VALUES (?, ?) ON CONFLICT (key_hash) DO NOTHING")) {
                insert.setString(1, key);
                jdbc.setInstant(insert, 2, forgetAfter);
                return insert.executeUpdate() == 1;
            }
        });
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
