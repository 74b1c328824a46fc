package nl.burnoutprofiler.store;

import java.util.Arrays;
import java.util.stream.Collectors;

/** What a user or API token may do. The id is what is stored and what the API shows. */
public enum Role {
    COACH("coach"),
    CASE_MANAGER("case-manager"),
    ADMIN("admin"),
    INTEGRATOR("integrator"),
    /** An HR or occupational-health lead: aggregates of assigned units only, never a case. */
    ORGANISATION("organisation");

    private final String id;

    Role(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** The role with this id; an IllegalArgumentException naming the valid ids otherwise. */
    public static Role fromId(String id) {
        for (Role role : values()) {
            if (role.id.equals(id)) {
                return role;
            }
        }
        throw new IllegalArgumentException("unknown role '" + id + "'; valid roles: "
                + Arrays.stream(values()).map(Role::id).collect(Collectors.joining(", ")));
    }
}
