package io.slipway.gateway.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slipway.gateway.InvalidRequestException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which addresses a webhook may reach. The hosts are read by the JDK's resolver as a delivery reads them (numeric
 * spellings and {@code localhost} never leave the machine); no traffic is sent anywhere.
 */
class WebhookAddressPolicyTests {

    private final WebhookAddressPolicy policy = new WebhookAddressPolicy(false);
    private final WebhookAddressPolicy allowingPrivate = new WebhookAddressPolicy(true);

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "127.0.0.1, 127.0.0.1 is a loopback address",
        "127.255.0.9, 127.255.0.9 is a loopback address",
        "localhost, 127.0.0.1 is a loopback address",
        "::1, 0:0:0:0:0:0:0:1 is a loopback address",
        "[::1], 0:0:0:0:0:0:0:1 is a loopback address",
        "0.0.0.0, 0.0.0.0 is an unspecified address",
        "0, 0.0.0.0 is an unspecified address",
        "::, 0:0:0:0:0:0:0:0 is an unspecified address",
        "2130706433, 127.0.0.1 is a loopback address",
        "127.1, 127.0.0.1 is a loopback address",
        "169.254.169.254, 169.254.169.254 is a link-local address",
        "fe80::1, fe80:0:0:0:0:0:0:1 is a link-local address",
        "10.1.2.3, 10.1.2.3 is a private address",
        "172.16.0.1, 172.16.0.1 is a private address",
        "172.31.255.255, 172.31.255.255 is a private address",
        "192.168.1.1, 192.168.1.1 is a private address",
        "fd12:3456::1, fd12:3456:0:0:0:0:0:1 is a private address",
        "100.64.0.1, 100.64.0.1 is a shared (carrier-grade NAT) address",
        "100.127.255.254, 100.127.255.254 is a shared (carrier-grade NAT) address",
        "224.0.0.1, 224.0.0.1 is a multicast address",
        "ff02::1, ff02:0:0:0:0:0:0:1 is a multicast address",
        "255.255.255.255, 255.255.255.255 is a reserved address",
        "[::ffff:127.0.0.1], 127.0.0.1 is a loopback address",
        "::ffff:169.254.169.254, 169.254.169.254 is a link-local address",
        "::127.0.0.1, 0:0:0:0:0:0:7f00:1 is a loopback IPv4 address",
        "64:ff9b::10.0.0.1, 64:ff9b:0:0:0:0:a00:1 is a private IPv4 address",
    })
    void internalAddressesAreRefusedAndAllowedOnlyByTheOperatorsSetting(String host, String refusal)
            throws UnknownHostException {
        InetAddress[] addresses = InetAddress.getAllByName(host);

        for (InetAddress address : addresses) {
            assertThat(policy.refusal(address))
                    .hasValueSatisfying(reason -> assertThat(reason)
                            .startsWith(address.getHostAddress() + " is ")
                            .endsWith("unless the operator sets SLIPWAY_WEBHOOK_ALLOW_PRIVATE=true"));
            assertThat(allowingPrivate.refusal(address)).isEmpty();
        }
        assertThat(policy.refusal(addresses[0]).orElseThrow()).startsWith(refusal + "; webhooks reach only public");
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "172.32.0.1", "100.128.0.1", "11.0.0.1", "2606:4700::1111"})
    void publicAddressesAreAllowed(String literal) throws UnknownHostException {
        assertThat(policy.refusal(InetAddress.getByName(literal))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://127.0.0.1:8080/stop",
                "http://localhost/hook",
                "http://LOCALHOST./hook",
                "http://api.localhost/hook",
                "http://[::1]:2019/load",
                "http://0.0.0.0/",
                "http://0/",
                "http://2130706433/hook",
                "https://169.254.169.254/latest/meta-data",
                "http://10.0.0.5/hook",
                "http://[::ffff:127.0.0.1]/hook",
                "http://[fd00::1]/hook"
            })
    void aUrlWhoseHostIsAnInternalLiteralOrLocalhostIsRefusedWhenCreated(String url) {
        assertThatThrownBy(() -> WebhookUrls.check(url, policy))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith("url: ")
                .hasMessageEndingWith("unless the operator sets SLIPWAY_WEBHOOK_ALLOW_PRIVATE=true");
        assertThat(WebhookUrls.check(url, allowingPrivate)).isEqualTo(url);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"https://hooks.example.com/deploys", "http://93.184.216.34/hook", "http://[2606:4700::1111]/"})
    void aPublicLiteralOrANameIsTakenWhenCreatedWithoutALookup(String url) {
        assertThat(WebhookUrls.check(url, policy)).isEqualTo(url);
    }
}
