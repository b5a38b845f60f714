package social.starling.service.status;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import social.starling.db.AccountRepository;
import social.starling.db.Database;
import social.starling.model.Account;
import social.starling.text.Extracted;
import social.starling.text.MentionResolver;
import social.starling.text.MentionedAccount;
import social.starling.text.StatusFormatter;
import social.starling.text.StatusText;
import social.starling.text.TextEntity;

/**
 * Turns what an author typed into what is stored: the mentions, hashtags and links found in it, the accounts the
 * mentions name (local ones, or remote ones this server knows; suspended accounts are not mentioned) and the HTML.
 * Shared by posting and editing. Reads only; call it before the write transaction.
 */
public final class StatusComposer {
    /** The text's entities, the accounts mentioned (by typed handle) and the rendered HTML. */
    public record Composed(Extracted extracted, Map<String, Account> mentioned, String content) {
    }

    private final Database db;
    private final AccountRepository accounts;
    private final StatusFormatter formatter;
    private final String localHost;

    public StatusComposer(Database db, AccountRepository accounts, StatusFormatter formatter, String localHost) {
        this.db = db;
        this.accounts = accounts;
        this.formatter = formatter;
        this.localHost = localHost;
    }

    public Composed compose(String text) {
        Extracted extracted = StatusText.extract(text);
        Map<String, Account> mentioned = resolveMentions(extracted);
        return new Composed(extracted, mentioned, formatter.formatStatus(text, mentionResolver(mentioned)));
    }

    /** Typed mentions → known accounts (local, or remote ones this server has met), by the text typed. */
    private Map<String, Account> resolveMentions(Extracted extracted) {
        Map<String, Account> out = new LinkedHashMap<>();
        if (extracted.mentions().isEmpty()) {
            return out;
        }
        db.read(tx -> {
            for (TextEntity.Mention m : extracted.mentions()) {
                String domain = m.domain() == null || m.domain().equalsIgnoreCase(localHost) ? null : m.domain();
                accounts.findByUsername(tx, m.username(), domain).filter(a -> !a.suspended())
                        .ifPresent(a -> out.put(key(m.username(), m.domain()), a));
            }
            return null;
        });
        return out;
    }

    private MentionResolver mentionResolver(Map<String, Account> resolved) {
        return (username, domain) -> Optional.ofNullable(resolved.get(key(username, domain)))
                .map(a -> new MentionedAccount(a.username(), a.domain(), a.url() != null ? a.url() : a.uri()));
    }

    private static String key(String username, String domain) {
        return (username + "@" + (domain == null ? "" : domain)).toLowerCase(Locale.ROOT);
    }
}
