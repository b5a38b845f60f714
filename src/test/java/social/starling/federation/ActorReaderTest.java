package social.starling.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import social.starling.model.Account;

class ActorReaderTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");

    /** Shaped as Mastodon 4.3 serves an actor (ActivityPub::ActorSerializer), trimmed of the @context. */
    static final String MASTODON = """
            {"@context": ["https://www.w3.org/ns/activitystreams", "https://w3id.org/security/v1"],
             "id": "https://mastodon.example/users/Gargron",
             "type": "Person",
             "following": "https://mastodon.example/users/Gargron/following",
             "followers": "https://mastodon.example/users/Gargron/followers",
             "inbox": "https://mastodon.example/users/Gargron/inbox",
             "outbox": "https://mastodon.example/users/Gargron/outbox",
             "featured": "https://mastodon.example/users/Gargron/collections/featured",
             "featuredTags": "https://mastodon.example/users/Gargron/collections/tags",
             "preferredUsername": "Gargron",
             "name": "Eugen Rochko",
             "summary": "<p>Founder of <a href=\\"https://joinmastodon.org\\" onclick=\\"x()\\">Mastodon</a></p><script>alert(1)</script>",
             "url": "https://mastodon.example/@Gargron",
             "manuallyApprovesFollowers": false,
             "discoverable": true,
             "indexable": true,
             "published": "2016-03-16T00:00:00Z",
             "memorial": false,
             "devices": "https://mastodon.example/users/Gargron/collections/devices",
             "publicKey": {"id": "https://mastodon.example/users/Gargron#main-key",
                           "owner": "https://mastodon.example/users/Gargron",
                           "publicKeyPem": "-----BEGIN PUBLIC KEY-----\\nMIIBIjANBg\\n-----END PUBLIC KEY-----\\n"},
             "tag": [],
             "attachment": [
               {"type": "PropertyValue", "name": "Patreon",
                "value": "<a href=\\"https://www.patreon.com/mastodon\\" target=\\"_blank\\" rel=\\"nofollow noopener\\"><span class=\\"invisible\\">https://www.</span><span class=\\"\\">patreon.com/mastodon</span></a>"},
               {"type": "IdentityProof", "name": "gargron", "signatureAlgorithm": "keybase"}],
             "endpoints": {"sharedInbox": "https://mastodon.example/inbox"},
             "icon": {"type": "Image", "mediaType": "image/jpeg", "url": "https://files.mastodon.example/avatar.jpg"},
             "image": {"type": "Image", "mediaType": "image/jpeg", "url": "https://files.mastodon.example/header.jpg"}}
            """;

    /** Shaped as GoToSocial 0.17 serves one: a bot, a locked account, url as a string, port-less, no featured. */
    static final String GOTOSOCIAL = """
            {"@context": ["https://w3id.org/security/v1", "https://www.w3.org/ns/activitystreams",
                          {"discoverable": "toot:discoverable", "toot": "http://joinmastodon.org/ns#"}],
             "discoverable": false,
             "endpoints": {"sharedInbox": "https://gts.example:8443/sharedInbox"},
             "followers": "https://gts.example:8443/users/the_mighty_zork/followers",
             "following": "https://gts.example:8443/users/the_mighty_zork/following",
             "icon": {"mediaType": "image/png", "type": "Image", "url": "https://gts.example:8443/fileserver/a.png"},
             "id": "https://gts.example:8443/users/the_mighty_zork",
             "inbox": "https://gts.example:8443/users/the_mighty_zork/inbox",
             "manuallyApprovesFollowers": true,
             "name": "Zork the Mighty",
             "outbox": "https://gts.example:8443/users/the_mighty_zork/outbox",
             "preferredUsername": "the_mighty_zork",
             "publicKey": {"id": "https://gts.example:8443/users/the_mighty_zork/main-key",
                           "owner": "https://gts.example:8443/users/the_mighty_zork",
                           "publicKeyPem": "-----BEGIN RSA PUBLIC KEY-----\\nMIIBCgKCAQEA\\n-----END RSA PUBLIC KEY-----\\n"},
             "summary": "<p>hey yo this is my profile!</p>",
             "tag": [],
             "type": "Service",
             "url": "https://gts.example:8443/@the_mighty_zork"}
            """;

    private static ObjectNode parse(String json) throws Exception {
        return (ObjectNode) JSON.readTree(json);
    }

    @Test
    void aMastodonActor() throws Exception {
        Account a = ActorReader.read(parse(MASTODON), NOW);
        assertThat(a.id()).isZero();
        assertThat(a.isLocal()).isFalse();
        assertThat(a.username()).isEqualTo("Gargron");
        assertThat(a.domain()).isEqualTo("mastodon.example");
        assertThat(a.acct()).isEqualTo("Gargron@mastodon.example");
        assertThat(a.uri()).isEqualTo("https://mastodon.example/users/Gargron");
        assertThat(a.url()).isEqualTo("https://mastodon.example/@Gargron");
        assertThat(a.displayName()).isEqualTo("Eugen Rochko");
        assertThat(a.inboxUri()).isEqualTo("https://mastodon.example/users/Gargron/inbox");
        assertThat(a.sharedInboxUri()).isEqualTo("https://mastodon.example/inbox");
        assertThat(a.outboxUri()).endsWith("/outbox");
        assertThat(a.followersUri()).endsWith("/followers");
        assertThat(a.followingUri()).endsWith("/following");
        assertThat(a.featuredUri()).endsWith("/collections/featured");
        assertThat(a.actorType()).isEqualTo("Person");
        assertThat(a.locked()).isFalse();
        assertThat(a.discoverable()).isTrue();
        assertThat(a.indexable()).isTrue();
        assertThat(a.memorial()).isFalse();
        assertThat(a.avatarRemoteUrl()).isEqualTo("https://files.mastodon.example/avatar.jpg");
        assertThat(a.headerRemoteUrl()).isEqualTo("https://files.mastodon.example/header.jpg");
        assertThat(a.publicKey()).startsWith("-----BEGIN PUBLIC KEY-----").endsWith("-----END PUBLIC KEY-----");
        assertThat(a.createdAt()).isEqualTo(Instant.parse("2016-03-16T00:00:00Z"));
        assertThat(a.updatedAt()).isEqualTo(NOW);
        assertThat(a.fields()).hasSize(1);
        assertThat(a.fields().getFirst().name()).isEqualTo("Patreon");
        assertThat(a.fields().getFirst().value()).contains("href=\"https://www.patreon.com/mastodon\"")
                .contains("<span class=\"invisible\">https://www.</span>");
    }

    @Test
    void remoteHtmlIsSanitisedAndNamesArePlainText() throws Exception {
        ObjectNode json = parse(MASTODON);
        json.put("name", "<b>Eugen</b> <img src=x onerror=alert(1)>Rochko");
        json.putArray("attachment").addObject().put("type", "PropertyValue").put("name", "<i>Site</i>")
                .put("value", "<a href=\"javascript:alert(1)\">click</a><iframe src=\"https://evil\"></iframe>");
        Account a = ActorReader.read(json, NOW);
        assertThat(a.note()).contains("<a href=\"https://joinmastodon.org\"").contains("Mastodon</a>")
                .doesNotContain("onclick").doesNotContain("<script").doesNotContain("alert");
        assertThat(a.displayName()).isEqualTo("Eugen Rochko");
        assertThat(a.fields().getFirst().name()).isEqualTo("Site");
        assertThat(a.fields().getFirst().value()).doesNotContain("javascript").doesNotContain("iframe")
                .contains("click");
    }

    @Test
    void aGoToSocialActor() throws Exception {
        Account a = ActorReader.read(parse(GOTOSOCIAL), NOW);
        assertThat(a.acct()).isEqualTo("the_mighty_zork@gts.example:8443");
        assertThat(a.actorType()).isEqualTo("Service");
        assertThat(a.bot()).isTrue();
        assertThat(a.locked()).isTrue();
        assertThat(a.discoverable()).isFalse();
        assertThat(a.indexable()).isFalse();
        assertThat(a.featuredUri()).isNull();
        assertThat(a.headerRemoteUrl()).isNull();
        assertThat(a.avatarRemoteUrl()).isEqualTo("https://gts.example:8443/fileserver/a.png");
        assertThat(a.sharedInboxUri()).isEqualTo("https://gts.example:8443/sharedInbox");
        assertThat(a.publicKey()).startsWith("-----BEGIN RSA PUBLIC KEY-----");
        assertThat(a.note()).isEqualTo("<p>hey yo this is my profile!</p>");
        assertThat(a.createdAt()).isEqualTo(NOW);
        assertThat(a.fields()).isEmpty();
    }

    @Test
    void onlyTheEssentialsAreRequired() throws Exception {
        Account a = ActorReader.read(parse("""
                {"id": "http://127.0.0.1:9101/users/peer", "type": "Person", "preferredUsername": "peer",
                 "inbox": "http://127.0.0.1:9101/users/peer/inbox", "url": [{"type": "Link", "href": "mailto:x"},
                 {"type": "Link", "href": "http://127.0.0.1:9101/@peer"}], "icon": "ftp://bad/x.png",
                 "attachment": {"type": "PropertyValue", "name": "only", "value": "one"}}
                """), NOW);
        assertThat(a.acct()).isEqualTo("peer@127.0.0.1:9101");
        assertThat(a.displayName()).isEmpty();
        assertThat(a.note()).isEmpty();
        assertThat(a.url()).isEqualTo("http://127.0.0.1:9101/@peer");
        assertThat(a.avatarRemoteUrl()).isNull();
        assertThat(a.publicKey()).isNull();
        assertThat(a.sharedInboxUri()).isNull();
        assertThat(a.fields()).extracting(Account.Field::name).containsExactly("only");
    }

    @Test
    void anInstanceActorMayBeNamedAfterItsOwnDomainPortIncluded() throws Exception {
        String actor = """
                {"id": "http://localhost:8081/actor", "type": "Application", "preferredUsername": "%s",
                 "inbox": "http://localhost:8081/actor/inbox"}""";
        Account a = ActorReader.read(parse(actor.formatted("localhost:8081")), NOW);
        assertThat(a.username()).isEqualTo("localhost:8081");
        assertThat(a.domain()).isEqualTo("localhost:8081");
        // Another domain's name, or a colon anywhere else, is still refused.
        assertThatThrownBy(() -> ActorReader.read(parse(actor.formatted("localhost:8082")), NOW))
                .hasMessageContaining("preferredUsername");
        assertThatThrownBy(() -> ActorReader.read(parse(actor.formatted("alice:1")), NOW))
                .hasMessageContaining("preferredUsername");
    }

    @Test
    void refusedWithoutIdTypeUsernameOrInbox() throws Exception {
        for (String field : new String[] {"id", "preferredUsername", "inbox"}) {
            ObjectNode json = parse(MASTODON);
            json.remove(field);
            assertThatThrownBy(() -> ActorReader.read(json, NOW)).as(field)
                    .isInstanceOf(ActorReader.InvalidActorException.class);
        }
        ObjectNode note = parse(MASTODON).put("type", "Note");
        assertThatThrownBy(() -> ActorReader.read(note, NOW)).hasMessageContaining("not an actor");
        ObjectNode badName = parse(MASTODON).put("preferredUsername", "evil@other.example");
        assertThatThrownBy(() -> ActorReader.read(badName, NOW)).hasMessageContaining("preferredUsername");
        ObjectNode badInbox = parse(MASTODON).put("inbox", "file:///etc/passwd");
        assertThatThrownBy(() -> ActorReader.read(badInbox, NOW)).hasMessageContaining("no inbox");
        ObjectNode badId = parse(MASTODON).put("id", "urn:uuid:1234");
        assertThatThrownBy(() -> ActorReader.read(badId, NOW)).hasMessageContaining("no http(s) id");
        JsonNode array = JSON.readTree("[]");
        assertThatThrownBy(() -> ActorReader.read(array, NOW)).hasMessageContaining("not a JSON object");
    }

    @Test
    void aKeyOwnedBySomeoneElseIsRefused() throws Exception {
        ObjectNode json = parse(MASTODON);
        ((ObjectNode) json.get("publicKey")).put("owner", "https://mastodon.example/users/somebody_else");
        assertThatThrownBy(() -> ActorReader.read(json, NOW)).isInstanceOf(ActorReader.InvalidActorException.class)
                .hasMessageContaining("owned by https://mastodon.example/users/somebody_else");
    }

    @Test
    void stringsAreBounded() throws Exception {
        ObjectNode json = parse(MASTODON);
        json.put("name", "n".repeat(5_000));
        json.put("summary", "<p>" + "s".repeat(100_000) + "</p>");
        var fields = json.putArray("attachment");
        for (int i = 0; i < 40; i++) {
            fields.addObject().put("type", "PropertyValue").put("name", "f" + i).put("value", "v".repeat(10_000));
        }
        Account a = ActorReader.read(json, NOW);
        assertThat(a.displayName()).hasSize(ActorReader.MAX_NAME);
        assertThat(a.note().length()).isLessThanOrEqualTo(ActorReader.MAX_SUMMARY + 10);
        assertThat(a.note()).startsWith("<p>sss").endsWith("</p>");
        assertThat(a.fields()).hasSize(ActorReader.MAX_FIELDS);
        assertThat(a.fields().getFirst().value().length()).isLessThanOrEqualTo(ActorReader.MAX_FIELD_VALUE);
    }
}
