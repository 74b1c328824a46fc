package nl.burnoutprofiler.store;

import java.time.Instant;

/**
 * A person who signs in. {@code manager} is the username of the case manager a coach is assigned to; null for
 * other roles and for coaches without one.
 */
public record User(String username, String displayName, Role role, String manager, Instant createdAt) {
}
