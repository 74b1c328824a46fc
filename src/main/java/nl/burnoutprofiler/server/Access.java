package nl.burnoutprofiler.server;

import io.javalin.security.RouteRole;

import nl.burnoutprofiler.store.Role;

/** Who may call a route: the roles of contract section 6. A route without any is public. */
enum Access implements RouteRole {
    COACH, CASE_MANAGER, ADMIN, INTEGRATOR;

    static Access of(Role role) {
        return switch (role) {
            case COACH -> COACH;
            case CASE_MANAGER -> CASE_MANAGER;
            case ADMIN -> ADMIN;
            case INTEGRATOR -> INTEGRATOR;
        };
    }

    /** Every signed-in person or program. */
    static final Access[] ANYONE = values();
}
