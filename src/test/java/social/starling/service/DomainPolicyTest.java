package social.starling.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import social.starling.model.DomainBlock;
import social.starling.model.Role;
import social.starling.service.moderation.DomainModerationService.BlockChange;
import social.starling.service.moderation.DomainPolicy;
import social.starling.testing.TestApp;

/** What the domain policy says of a domain: subdomains covered, the most specific rule, ports, normalisation. */
class DomainPolicyTest {
    @RegisterExtension
    static TestApp server = TestApp.create();

    @Test
    void normalisesWhatAdminsType() {
        assertThat(DomainPolicy.normalize("  Example.COM. ")).contains("example.com");
        assertThat(DomainPolicy.normalize("https://example.com/about")).contains("example.com");
        assertThat(DomainPolicy.normalize("localhost:8443")).contains("localhost:8443");
        assertThat(DomainPolicy.normalize("bücher.example")).contains("xn--bcher-kva.example");
        assertThat(DomainPolicy.normalize("not a domain")).isEmpty();
        assertThat(DomainPolicy.normalize("-bad-.example")).isEmpty();
        assertThat(DomainPolicy.normalize("example.com:port")).isEmpty();
        assertThat(DomainPolicy.normalize("")).isEmpty();
    }

    @Test
    void aBlockCoversSubdomainsAndTheMostSpecificRuleWins() {
        long admin = server.fixtures().account("ada", Role.ADMIN).id();
        var domains = server.app().moderation().domains();
        domains.create(admin, new BlockChange("evil.example", DomainBlock.Severity.SUSPEND, null, null, null, null,
                null));
        domains.create(admin, new BlockChange("ok.evil.example", DomainBlock.Severity.NOOP, true, null, null, null,
                null));
        DomainPolicy policy = server.app().moderation().domainPolicy();
        assertThat(policy.refuses("evil.example")).isTrue();
        assertThat(policy.refuses("a.b.evil.example")).isTrue();
        assertThat(policy.refuses("evil.example:8443")).isTrue();
        assertThat(policy.refuses("notevil.example")).isFalse();
        assertThat(policy.refuses("ok.evil.example")).isFalse();
        assertThat(policy.refusesMedia("ok.evil.example")).isTrue();
        assertThat(policy.refusesReports("ok.evil.example")).isFalse();
        assertThat(policy.refusesUrl("https://x.evil.example/users/a")).isTrue();
        assertThat(policy.refusesUrl("not a url")).isTrue();
        assertThat(policy.refuses(server.app().core().domain())).isFalse();
        assertThat(policy.refuses(null)).isFalse();
        assertThat(policy.limitedFederation()).isFalse();
        assertThat(policy.allowed("anything.example")).isFalse();
    }
}
