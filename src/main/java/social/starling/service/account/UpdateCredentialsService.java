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
                         Optional<List<String>> attributionDomains, Optional<String> quotePolicy) {
    }

    /** Account::AttributionDomains: at most 100 domains. */
    public static final int ATTRIBUTION_DOMAINS_MAX = 100;
    private static final Pattern LABEL = Pattern.compile("^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$");

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
        Optional<List<String>> domains = u.attributionDomains().map(UpdateCredentialsService::attributionDomains);
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
            domains.ifPresent(d -> users.setAttributionDomains(tx, accountId, d));
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

    /**
     * {@code DELETE /api/v1/profile/avatar} and {@code /header} (Mastodon 4.2): the image goes back to the default;
     * the change reaches followers as any profile update does. Nothing changes if there was none.
     */
    public Account removeImage(long accountId, boolean avatar) {
        Account[] previous = new Account[1];
        Account updated = db.inTransaction(tx -> {
            Account a = accounts.require(tx, accountId);
            previous[0] = a;
            if ((avatar ? a.avatarFile() : a.headerFile()) == null) {
                return a;
            }
            Account changed = new Account(a.id(), a.username(), a.domain(), a.displayName(), a.note(),
                    a.noteSource(), a.fields(), a.uri(), a.url(), a.inboxUri(), a.sharedInboxUri(), a.outboxUri(),
                    a.followersUri(), a.followingUri(), a.featuredUri(), a.actorType(), a.locked(), a.discoverable(),
                    a.indexable(), a.hideCollections(), a.memorial(), avatar ? null : a.avatarFile(),
                    a.avatarRemoteUrl(), avatar ? a.headerFile() : null, a.headerRemoteUrl(), a.publicKey(),
                    a.followersCount(), a.followingCount(), a.statusesCount(), a.lastStatusAt(), a.suspendedAt(),
                    a.silencedAt(), a.createdAt(), clock.instant());
            writer.updateProfile(tx, changed);
            return changed;
        });
        String file = avatar ? previous[0].avatarFile() : previous[0].headerFile();
        if (file != null) {
            images.delete(file);
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

    /**
     * Mastodon's normalisation (Account::AttributionDomains): each entry stripped, without {@code http://},
     * {@code https://} or {@code *.} in front, blanks and repeats dropped; then each must be a host name
     * (DomainValidator), and there may be at most {@value ATTRIBUTION_DOMAINS_MAX}.
     */
    static List<String> attributionDomains(List<String> raw) {
        List<String> out = new ArrayList<>();
        for (String entry : raw) {
            String d = entry == null ? "" : entry.strip();
            for (String prefix : List.of("http://", "https://", "*.")) {
                if (d.startsWith(prefix)) {
                    d = d.substring(prefix.length());
                }
            }
            if (!d.isEmpty() && !out.contains(d)) {
                out.add(d);
            }
        }
        if (out.size() > ATTRIBUTION_DOMAINS_MAX) {
            throw new UnprocessableException("Validation failed: Attribution domains is too long (maximum is "
                    + ATTRIBUTION_DOMAINS_MAX + " characters)");
        }
        for (String d : out) {
            if (!hostName(d)) {
                throw new UnprocessableException("Validation failed: Attribution domains " + d
                        + " is not a valid domain name");
            }
        }
        return out;
    }

    private static boolean hostName(String domain) {
        String ascii;
        try {
            ascii = java.net.IDN.toASCII(domain, java.net.IDN.ALLOW_UNASSIGNED).toLowerCase(java.util.Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (ascii.isEmpty() || ascii.length() > 253) {
            return false;
        }
        for (String label : ascii.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return true;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
