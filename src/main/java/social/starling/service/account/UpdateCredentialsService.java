package social.starling.service.account;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import social.starling.db.AccountRepository;
import social.starling.db.Database;
import social.starling.db.UserRepository;
import social.starling.errors.UnprocessableException;
import social.starling.model.Account;
import social.starling.model.Limits;
import social.starling.model.User;
import social.starling.service.media.ImageStore;

/**
 * {@code PATCH /api/v1/accounts/update_credentials}: profile texts (stored as typed, and as HTML with links),
 * avatar and header images, flags, up to four profile fields, and posting defaults. Only what is given changes.
 */
public final class UpdateCredentialsService {
    public static final int DISPLAY_NAME_MAX = 30;
    public static final int NOTE_MAX = 500;
    public static final int FIELD_MAX = 255;
    private static final Set<String> PRIVACY = Set.of("public", "unlisted", "private");
    private static final Pattern LANGUAGE = Pattern.compile("^[a-z]{2,3}(-[A-Za-z]{2,4})?$");

    public record Upload(byte[] bytes, String contentType) {
    }

    public record FieldInput(String name, String value) {
    }

    public record Update(Optional<String> displayName, Optional<String> note, Optional<Upload> avatar,
                         Optional<Upload> header, Optional<Boolean> locked, Optional<Boolean> bot,
                         Optional<Boolean> discoverable, Optional<Boolean> indexable,
                         Optional<Boolean> hideCollections, Optional<List<FieldInput>> fields,
                         Optional<String> privacy, Optional<Boolean> sensitive, Optional<String> language,
                         Optional<String> quotePolicy) {
        public Update(Optional<String> displayName, Optional<String> note, Optional<Upload> avatar,
                      Optional<Upload> header, Optional<Boolean> locked, Optional<Boolean> bot,
                      Optional<Boolean> discoverable, Optional<Boolean> indexable,
                      Optional<Boolean> hideCollections, Optional<List<FieldInput>> fields,
                      Optional<String> privacy, Optional<Boolean> sensitive, Optional<String> language) {
            this(displayName, note, avatar, header, locked, bot, discoverable, indexable, hideCollections, fields,
                    privacy, sensitive, language, Optional.empty());
        }
    }

    /** Mastodon 4.5's source[quote_policy] values. */
    private static final Set<String> QUOTE_POLICIES = Set.of("public", "followers", "nobody");

    private final Database db;
    private final AccountRepository accounts;
    private final UserRepository users;
    private final ImageStore images;
    private final ProfileText text;
    private final AccountWriter writer;
    private final Clock clock;

    public UpdateCredentialsService(Database db, AccountRepository accounts, UserRepository users, ImageStore images,
                                    ProfileText text, AccountWriter writer, Clock clock) {
        this.db = db;
        this.accounts = accounts;
        this.users = users;
        this.images = images;
        this.text = text;
        this.writer = writer;
        this.clock = clock;
    }

    public Account update(long accountId, Update u) {
        validate(u);
        // Images are processed before the transaction: decoding and resizing are slow.
        Optional<String> avatar = u.avatar().map(up -> images.store(up.bytes(), ImageStore.AVATAR,
                "accounts/avatars/" + accountId, "Avatar"));
        Optional<String> header = u.header().map(up -> images.store(up.bytes(), ImageStore.HEADER,
                "accounts/headers/" + accountId, "Header"));
        Account[] previous = new Account[1];
        Account updated = db.inTransaction(tx -> {
            Account a = accounts.require(tx, accountId);
            previous[0] = a;
            User user = users.find(tx, accountId).orElseThrow();
            Instant now = clock.instant();
            String noteSource = u.note().map(String::strip).orElse(a.noteSource());
            List<Account.Field> fields = u.fields().map(list -> list.stream()
                            .filter(f -> !(blank(f.name()) && blank(f.value())))
                            .map(f -> new Account.Field(f.name().strip(), text.fieldValueHtml(f.value().strip()), null))
                            .toList())
                    .orElse(a.fields());
            Account changed = new Account(a.id(), a.username(), a.domain(),
                    u.displayName().map(String::strip).orElse(a.displayName()),
                    u.note().isPresent() ? text.noteHtml(noteSource) : a.note(), noteSource, fields,
                    a.uri(), a.url(), a.inboxUri(), a.sharedInboxUri(), a.outboxUri(), a.followersUri(),
                    a.followingUri(), a.featuredUri(),
                    u.bot().map(b -> b ? "Service" : "Person").orElse(a.actorType()),
                    u.locked().orElse(a.locked()), u.discoverable().orElse(a.discoverable()),
                    u.indexable().orElse(a.indexable()), u.hideCollections().orElse(a.hideCollections()),
                    a.memorial(), avatar.orElse(a.avatarFile()), a.avatarRemoteUrl(), header.orElse(a.headerFile()),
                    a.headerRemoteUrl(), a.publicKey(), a.followersCount(), a.followingCount(), a.statusesCount(),
                    a.lastStatusAt(), a.suspendedAt(), a.silencedAt(), a.createdAt(), now);
            writer.updateProfile(tx, changed);
            if (u.privacy().isPresent() || u.sensitive().isPresent() || u.language().isPresent()) {
                users.setPostingDefaults(tx, accountId, u.privacy().orElse(user.defaultPrivacy()),
                        u.sensitive().orElse(user.defaultSensitive()),
                        u.language().map(l -> l.isBlank() ? null : l).orElse(user.defaultLanguage()), now);
            }
            if (u.quotePolicy().isPresent()) {
                users.setDefaultQuotePolicy(tx, accountId, u.quotePolicy().get(), now);
            }
            return changed;
        });
        if (avatar.isPresent()) {
            images.delete(previous[0].avatarFile());
        }
        if (header.isPresent()) {
            images.delete(previous[0].headerFile());
        }
        return updated;
    }

    private static void validate(Update u) {
        List<String> errors = new ArrayList<>();
        u.displayName().filter(s -> s.strip().codePointCount(0, s.strip().length()) > DISPLAY_NAME_MAX)
                .ifPresent(s -> errors.add("Display name is too long (maximum is " + DISPLAY_NAME_MAX + " characters)"));
        u.note().filter(s -> s.strip().codePointCount(0, s.strip().length()) > NOTE_MAX)
                .ifPresent(s -> errors.add("Note is too long (maximum is " + NOTE_MAX + " characters)"));
        u.fields().ifPresent(fields -> {
            long nonEmpty = fields.stream().filter(f -> !(blank(f.name()) && blank(f.value()))).count();
            if (nonEmpty > Limits.MAX_PROFILE_FIELDS) {
                errors.add("Fields is too long (maximum is " + Limits.MAX_PROFILE_FIELDS + " fields)");
            }
            for (FieldInput f : fields) {
                if ((f.name() != null && f.name().length() > FIELD_MAX)
                        || (f.value() != null && f.value().length() > FIELD_MAX)) {
                    errors.add("Fields are too long (maximum is " + FIELD_MAX + " characters each)");
                    break;
                }
                if (blank(f.name()) && !blank(f.value())) {
                    errors.add("Field names can't be blank");
                    break;
                }
            }
        });
        u.privacy().filter(p -> !PRIVACY.contains(p))
                .ifPresent(p -> errors.add("Privacy is not included in the list"));
        u.quotePolicy().filter(p -> !QUOTE_POLICIES.contains(p))
                .ifPresent(p -> errors.add("Setting default quote policy is not included in the list"));
        u.language().filter(l -> !l.isBlank() && !LANGUAGE.matcher(l).matches())
                .ifPresent(l -> errors.add("Language is not included in the list"));
        if (!errors.isEmpty()) {
            throw new UnprocessableException("Validation failed: " + String.join(", ", errors));
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
