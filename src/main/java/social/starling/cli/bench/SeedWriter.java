package social.starling.cli.bench;

import java.util.Optional;
import java.util.function.IntFunction;
import social.starling.App;
import social.starling.db.BatchInsert;
import social.starling.db.Tx;
import social.starling.model.LocalUris;
import social.starling.model.Visibility;
import social.starling.text.MentionResolver;
import social.starling.text.MentionedAccount;

/**
 * Writes a {@link SeedPlan} to the database with multi-row inserts, in transactions of a bounded size (so SQLite's
 * write-ahead log stays small and PostgreSQL's transactions short). Rows are what the services would have written:
 * confirmed, approved, recently active users with one shared password hash (no key-generation jobs), formatted
 * status HTML (links, hashtags, mentions), counters that match the rows.
 */
final class SeedWriter {
    static final int CHUNK = 50_000;

    private final App app;
    private final SeedPlan plan;
    private final long seed;
    private final LocalUris uris;

    SeedWriter(App app, SeedPlan plan, long seed) {
        this.app = app;
        this.plan = plan;
        this.seed = seed;
        this.uris = app.core().uris();
    }

    /** Runs {@code body} for [from, to) chunks of {@code total}, each in its own transaction. */
    void inChunks(int total, int chunk, ChunkBody body) {
        for (int from = 0; from < total; from += chunk) {
            int start = from;
            int end = Math.min(total, from + chunk);
            app.core().db().inTransaction(tx -> {
                body.write(tx, start, end);
                return null;
            });
        }
    }

    interface ChunkBody {
        void write(Tx tx, int from, int to);
    }

    void accounts(String passwordHash, int[] statusCount, long[] lastStatusAt) {
        inChunks(plan.accounts, CHUNK, (tx, from, to) -> {
            var accounts = new BatchInsert(tx, "accounts", "id", "username", "username_key", "domain",
                    "display_name", "note", "note_source", "fields", "uri", "url", "inbox_uri", "shared_inbox_uri",
                    "outbox_uri", "followers_uri", "following_uri", "featured_uri", "actor_type", "locked",
                    "discoverable", "indexable", "hide_collections", "memorial", "followers_count",
                    "following_count", "statuses_count", "last_status_at", "created_at", "updated_at");
            var users = new BatchInsert(tx, "users", "account_id", "email", "email_key", "password_hash", "role",
                    "locale", "approved", "disabled", "confirmed_at", "last_active_at", "created_at", "updated_at",
                    "default_privacy", "default_sensitive", "approved_at", "feed_stale").after(accounts);
            for (int a = from; a < to; a++) {
                String name = SeedTexts.username(a);
                long created = plan.accountCreatedAt[a];
                String noteSource = SeedTexts.note(a);
                accounts.row(plan.accountId[a], name, name, "", SeedTexts.displayName(a),
                        app.core().formatter().formatNote(noteSource, MentionResolver.NONE), noteSource, "[]",
                        uris.actor(name), uris.profile(name), uris.inbox(name), uris.sharedInbox(), uris.outbox(name),
                        uris.followers(name), uris.following(name), uris.featured(name), "Person", false, true,
                        false, false, false, plan.followerCount[a], plan.following[a].length, statusCount[a],
                        lastStatusAt[a] == 0 ? null : lastStatusAt[a], created, created);
                String email = name + "@bench.test";
                users.row(plan.accountId[a], email, email, passwordHash, "user", "en", true, false, created,
                        plan.now, created, created, "public", false, created, false);
            }
            accounts.close();
            users.close();
        });
    }

    long follows() {
        long[] written = {0};
        long base = plan.now - 365 * SeedPlan.DAY;
        long[] n = {0};
        inChunks(plan.accounts, 2_000, (tx, from, to) -> {
            var follows = new BatchInsert(tx, "follows", "id", "account_id", "target_account_id", "show_reblogs",
                    "notify", "created_at");
            for (int a = from; a < to; a++) {
                for (int target : plan.following[a]) {
                    long k = n[0]++;
                    follows.row(sequentialId(base, k), plan.accountId[a], plan.accountId[target], true, false,
                            base + k / 1024);
                }
            }
            written[0] += follows.close();
        });
        return written[0];
    }

    /** Statuses with their mentions, tags and conversations (favourites_count is set once favourites are written). */
    long statuses(long[] tagIds) {
        long[] written = {0};
        IntFunction<MentionedAccount> mentioned = a -> new MentionedAccount(SeedTexts.username(a), null,
                uris.profile(SeedTexts.username(a)));
        inChunks(plan.statuses, CHUNK, (tx, from, to) -> {
            var statuses = new BatchInsert(tx, "statuses", "id", "account_id", "uri", "url", "local", "visibility",
                    "text", "content", "spoiler_text", "sensitive", "language", "in_reply_to_id",
                    "in_reply_to_account_id", "reblog_of_id", "conversation_id", "replies_count", "reblogs_count",
                    "favourites_count", "created_at", "updated_at");
            var mentions = new BatchInsert(tx, "status_mentions", "status_id", "account_id", "silent").after(statuses);
            var tags = new BatchInsert(tx, "status_tags", "status_id", "tag_id").after(statuses);
            var conversations = new BatchInsert(tx, "conversations", "id", "created_at");
            for (int i = from; i < to; i++) {
                int a = plan.author[i];
                String name = SeedTexts.username(a);
                long id = plan.statusId[i];
                long created = plan.statusCreatedAt[i];
                int original = plan.reblogOf[i];
                if (original >= 0) {
                    statuses.row(id, plan.accountId[a], uris.actor(name) + "/statuses/" + id + "/activity", null,
                            true, Visibility.PUBLIC.wireName(), "", "", "", false, null, null, null,
                            plan.statusId[original], null, 0, 0, 0, created, created);
                    continue;
                }
                SeedTexts.Text t = SeedTexts.status(seed, i);
                int[] who = plan.mentions.getOrDefault(i, new int[0]);
                StringBuilder text = new StringBuilder();
                for (int m : who) {
                    text.append('@').append(SeedTexts.username(m)).append(' ');
                }
                text.append(t.text());
                String content = app.core().formatter().formatStatus(text.toString(), (username, domain) -> {
                    for (int m : who) {
                        if (SeedTexts.username(m).equalsIgnoreCase(username)) {
                            return Optional.of(mentioned.apply(m));
                        }
                    }
                    return Optional.empty();
                });
                int parent = plan.replyTo[i];
                if (parent < 0) {
                    conversations.row(id, created);
                }
                statuses.row(id, plan.accountId[a], uris.actor(name) + "/statuses/" + id,
                        uris.profile(name) + "/" + id, true, plan.visibilityOf(i).wireName(), text.toString(),
                        content, t.spoiler(), !t.spoiler().isEmpty(), t.language(),
                        parent < 0 ? null : plan.statusId[parent], parent < 0 ? null : plan.accountId[plan.author[parent]],
                        null, plan.statusId[plan.conversation[i]], plan.repliesCount[i], plan.reblogsCount[i],
                        0, created, created);
                for (int m : who) {
                    mentions.row(id, plan.accountId[m], false);
                }
                for (String tag : t.tags()) {
                    tags.row(id, tagIds[java.util.Arrays.asList(SeedTexts.TAGS).indexOf(tag)]);
                }
            }
            written[0] += statuses.close();
            mentions.close();
            tags.close();
            conversations.close();
        });
        return written[0];
    }

    long[] tags() {
        long[] ids = new long[SeedTexts.TAGS.length];
        app.core().db().inTransaction(tx -> {
            var tags = new BatchInsert(tx, "tags", "id", "name", "name_key", "last_status_at", "created_at");
            for (int t = 0; t < ids.length; t++) {
                ids[t] = sequentialId(plan.now - 400 * SeedPlan.DAY, t);
                tags.row(ids[t], SeedTexts.TAGS[t], SeedTexts.TAGS[t], plan.now, plan.now - 400 * SeedPlan.DAY);
            }
            tags.close();
            return null;
        });
        return ids;
    }

    /**
     * Writes the bench's OAuth application and one access token (read write follow) for each of {@code accountIds},
     * in order; returns the raw tokens, in the same order.
     */
    static java.util.List<String> tokens(Tx tx, long baseMillis, java.util.List<Long> accountIds) {
        long appId = sequentialId(baseMillis, 0);
        var apps = new BatchInsert(tx, "oauth_applications", "id", "name", "redirect_uris", "scopes", "client_id",
                "client_secret", "created_at", "updated_at");
        apps.row(appId, "bench", "urn:ietf:wg:oauth:2.0:oob", "read write follow",
                social.starling.support.Secrets.token(32), social.starling.support.Secrets.token(32), baseMillis,
                baseMillis);
        apps.close();
        var rows = new BatchInsert(tx, "oauth_access_tokens", "id", "token_hash", "application_id", "account_id",
                "scopes", "created_at");
        java.util.List<String> tokens = new java.util.ArrayList<>(accountIds.size());
        long k = 1;
        for (long accountId : accountIds) {
            String token = social.starling.support.Secrets.token(32);
            rows.row(sequentialId(baseMillis, k++), social.starling.support.Hashes.sha256Hex(token), appId,
                    accountId, "read write follow", baseMillis);
            tokens.add(token);
        }
        rows.close();
        return tokens;
    }

    /** Ids for rows whose time does not matter: distinct for distinct {@code n}. */
    static long sequentialId(long baseMillis, long n) {
        return ((baseMillis + n / 1024) << 16) | ((n % 1024) << 6);
    }
}
