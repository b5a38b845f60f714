package social.starling.convert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import social.starling.federation.vocab.Actor;
import social.starling.model.Account;
import social.starling.model.LocalUris;

/** The parts of an actor the HTTP tests do not reach: uploaded images, groups, a key not made yet. */
class ActorMapperTest {
    private final ActorMapper mapper = new ActorMapper(new LocalUris("https://example.social"), "example.social");

    private static Account account(String actorType, String avatar, String header, String publicKey) {
        Instant created = Instant.parse("2024-05-06T07:08:09.123Z");
        return new Account(1, "alice", null, "", "", "", List.of(), "https://example.social/users/alice", null, null,
                null, null, null, null, null, actorType, false, true, false, false, false, avatar, null, header, null,
                publicKey, 0, 0, 0, null, null, null, created, created);
    }

    @Test
    void uploadedImagesBecomeIconAndImage() {
        Actor a = mapper.toActor(account("Person", "avatars/a.png", "headers/h.jpg", "PEM"));
        assertThat(a.icon()).isEqualTo(new social.starling.federation.vocab.Image("Image", "image/png",
                "https://example.social/system/avatars/a.png"));
        assertThat(a.image().mediaType()).isEqualTo("image/jpeg");
        assertThat(a.image().url()).isEqualTo("https://example.social/system/headers/h.jpg");
        assertThat(a.published()).isEqualTo("2024-05-06T00:00:00Z");
        assertThat(a.name()).isEqualTo("alice");
    }

    @Test
    void noImagesNoKeyAndGroups() {
        Actor a = mapper.toActor(account("Group", null, null, null));
        assertThat(a.type()).isEqualTo("Group");
        assertThat(a.icon()).isNull();
        assertThat(a.image()).isNull();
        assertThat(a.publicKey()).isNull();
        assertThat(mapper.toActor(account("Service", null, null, null)).type()).isEqualTo("Service");
    }
}
