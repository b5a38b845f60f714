package social.starling.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import social.starling.convert.entity.AccountEntity;
import social.starling.convert.entity.StatusEntity;

/** The memoized JSON is byte for byte what Jackson writes without it, and a changed value is written anew. */
class JsonMemoTest {
    private final ObjectMapper memo = Json.mapper();
    private final ObjectMapper plain = Json.mapper(Set.of());

    /** The reblog golden file (a boost nesting the boosted status, two accounts) as a tree with real times. */
    private ObjectNode reblogTree() throws IOException {
        String text = Files.readString(Path.of("src/test/resources/golden/reblog.json"))
                .replace("<time>", "2026-12-05T10:00:00.000Z");
        return (ObjectNode) plain.readTree(text);
    }

    private StatusEntity entity(ObjectNode tree) throws IOException {
        return plain.treeToValue(tree, StatusEntity.class);
    }

    @Test
    void writesWhatJacksonWritesForRepeatedAndNestedValues() throws IOException {
        StatusEntity boost = entity(reblogTree());
        List<Object> page = List.of(boost, boost.reblog(), boost, boost.account());

        assertThat(memo.writeValueAsString(page)).isEqualTo(plain.writeValueAsString(page));
        assertThat(memo.writeValueAsBytes(page)).isEqualTo(plain.writeValueAsBytes(page));
        // Again, now from the memo.
        assertThat(memo.writeValueAsString(page)).isEqualTo(plain.writeValueAsString(page));
        assertThat(memo.writeValueAsBytes(boost)).isEqualTo(plain.writeValueAsBytes(boost));
    }

    @Test
    void aChangeAnywhereInTheValueIsWrittenAnew() throws IOException {
        ObjectNode tree = reblogTree();
        StatusEntity before = entity(tree);
        memo.writeValueAsString(before);

        ObjectNode inner = (ObjectNode) tree.get("reblog");
        inner.put("favourites_count", 7);
        inner.put("favourited", true);
        ((ObjectNode) inner.get("account")).put("followers_count", 3);
        inner.put("content", "<p>h\u00e9llo \u2603 \ud83d\ude00 \u202e</p>");
        StatusEntity after = entity(tree);

        String written = memo.writeValueAsString(after);
        assertThat(written).isEqualTo(plain.writeValueAsString(after))
                .contains("\"favourites_count\":7", "\"favourited\":true", "\"followers_count\":3");
        assertThat(new String(memo.writeValueAsBytes(after), StandardCharsets.UTF_8)).isEqualTo(written);
        assertThat(memo.writeValueAsString(before)).isEqualTo(plain.writeValueAsString(before));
    }

    @Test
    void aChangeOnlyInFieldsTheHashLeavesOutIsWrittenAnew() throws IOException {
        ObjectNode tree = reblogTree();
        StatusEntity before = entity(tree);
        memo.writeValueAsString(before);

        ObjectNode inner = (ObjectNode) tree.get("reblog");
        inner.put("content", "<p>edited without a new edited_at</p>");
        ((ObjectNode) inner.get("account")).put("display_name", "Renamed");
        StatusEntity after = entity(tree);
        assertThat(after.hashCode()).isEqualTo(before.hashCode());
        assertThat(after.reblog().account().hashCode()).isEqualTo(before.reblog().account().hashCode());
        assertThat(after).isNotEqualTo(before);

        assertThat(memo.writeValueAsString(after)).isEqualTo(plain.writeValueAsString(after))
                .contains("edited without a new edited_at", "Renamed");
        assertThat(memo.writeValueAsString(before)).isEqualTo(plain.writeValueAsString(before));
    }

    @Test
    void anUnwrappedMemoizedTypeIsWrittenInline() throws IOException {
        AccountEntity account = entity(reblogTree()).account();
        var muted = new social.starling.convert.entity.MutedAccountEntity(account, null);
        memo.writeValueAsString(account);

        String written = memo.writeValueAsString(List.of(muted, account, muted));
        assertThat(written).isEqualTo(plain.writeValueAsString(List.of(muted, account, muted)))
                .startsWith("[{\"id\":");
    }

    @Test
    void optionalPropertiesOfAMemoizedTypeStayOptional() throws IOException {
        AccountEntity account = entity(reblogTree()).account();
        AccountEntity moved = new AccountEntity(account.id(), account.username(), account.acct(), account.url(),
                account.uri(), account.displayName(), account.note(), account.avatar(), account.avatarStatic(),
                account.header(), account.headerStatic(), account.locked(), account.fields(), account.emojis(),
                account.bot(), account.group(), account.discoverable(), account.indexable(), account.noindex(),
                account, true, null, null, account.hideCollections(), account.createdAt(), account.lastStatusAt(),
                account.statusesCount(), account.followersCount(), account.followingCount(), account.roles(), null,
                null);

        String written = memo.writeValueAsString(List.of(account, moved));
        assertThat(written).isEqualTo(plain.writeValueAsString(List.of(account, moved)));
        assertThat(memo.writeValueAsString(account)).doesNotContain("\"moved\"", "\"suspended\"");
        assertThat(memo.writeValueAsString(moved)).contains("\"moved\":{", "\"suspended\":true")
                .doesNotContain("\"limited\"");
    }
}
