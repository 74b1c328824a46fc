package nl.burnoutprofiler.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class ClientAddressTest {

    private static final String PROXY = "10.0.0.2";

    private final ClientAddress behindProxy = new ClientAddress(List.of(PROXY, "10.0.0.3"));

    @Test
    void withoutTrustedProxiesTheConnectionIsTheClientWhateverTheHeaderSays() {
        ClientAddress direct = new ClientAddress(List.of());

        assertThat(direct.of("203.0.113.9", "198.51.100.7")).isEqualTo("203.0.113.9");
        assertThat(direct.of("203.0.113.9", null)).isEqualTo("203.0.113.9");
    }

    @Test
    void aTrustedProxyNamesTheClientAsTheRightmostAddressThatIsNoProxy() {
        assertThat(behindProxy.of(PROXY, "198.51.100.7")).isEqualTo("198.51.100.7");
        assertThat(behindProxy.of(PROXY, "1.2.3.4, 198.51.100.7, 10.0.0.3")).as("a forged first hop is skipped")
                .isEqualTo("198.51.100.7");
        assertThat(behindProxy.of(PROXY, null)).isEqualTo(PROXY);
        assertThat(behindProxy.of(PROXY, " , ")).isEqualTo(PROXY);
    }

    @Test
    void aHeaderFromAnyoneButATrustedProxyIsIgnored() {
        assertThat(behindProxy.of("203.0.113.9", "198.51.100.7")).isEqualTo("203.0.113.9");
    }

    @Test
    void aForwardedAddressIsCutToALengthThatFitsAnyRealOne() {
        assertThat(behindProxy.of(PROXY, "x".repeat(10_000))).hasSize(64);
    }

    @Test
    void aTrustedProxyIsGivenAsAnIpAddress() {
        assertThat(ClientAddress.checkedProxy(" 127.0.0.1 ")).isEqualTo("127.0.0.1");
        assertThat(ClientAddress.checkedProxy("0:0:0:0:0:0:0:1")).isEqualTo("0:0:0:0:0:0:0:1");
        assertThatThrownBy(() -> ClientAddress.checkedProxy("proxy.example.org"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("IP address");
    }
}
