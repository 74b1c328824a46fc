package nl.burnoutprofiler.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RoleTest {

    @Test
    void rolesAreKnownByTheirIds() {
        for (Role role : Role.values()) {
            assertThat(Role.fromId(role.id())).isSameAs(role);
        }
        assertThat(Role.CASE_MANAGER.id()).isEqualTo("case-manager");
    }

    @Test
    void anUnknownIdNamesTheValidOnes() {
        assertThatThrownBy(() -> Role.fromId("boss"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown role 'boss'; valid roles: coach, case-manager, admin, integrator, organisation");
    }
}
