package social.starling.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns plain text written on this server (a status, a profile note, a profile field value) into the HTML Mastodon
 * would produce for it: Mastodon's {@code TextFormatter} (app/lib/text_formatter.rb) plus Rails'
 * {@code simple_format}. Everything that is not a tag generated here is HTML-escaped, so the output is safe to
 * serve as is.
 *
 * <ul>
 *   <li>links: {@code <a href="URL" target="_blank" rel="nofollow noopener" translate="no">} with three spans:
 *       the hidden scheme (and {@code www.}), the first 30 characters shown, and the hidden rest; the shown part
 *       has class {@code ellipsis} when something was hidden ({@link #shortenedLink});</li>
 *   <li>mentions the {@link MentionResolver} finds: {@code <span class="h-card" translate="no">}
 *       {@code <a href="PROFILE" class="u-url mention">@<span>user</span></a></span>}; others stay text;</li>
 *   <li>hashtags: {@code <a href="BASE/tags/NAME" class="mention hashtag" rel="tag">#<span>NAME</span></a>};</li>
 *   <li>multi-line mode (statuses, notes): paragraphs {@code <p>} split on blank lines, {@code <br />} for single
 *       line breaks, and no newline characters left in the output.</li>
 * </ul>
 */
public final class StatusFormatter {
    /** Mastodon's {@code TextFormatter::DEFAULT_REL} (without {@code noreferrer} since Mastodon 4.5, PR #37107). */
    static final String DEFAULT_REL = "nofollow noopener";

    /** Mastodon's {@code URL_PREFIX_REGEX}, case-sensitive as there: {@code \A(https?://(www\.)?|xmpp:)}. */
    private static final Pattern URL_PREFIX = Pattern.compile("(https?://(www\\.)?|xmpp:)");

    private static final int SHOWN_URL_CHARACTERS = 30;

    private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\n\n+");
    private static final Pattern LINE_BREAK = Pattern.compile("([^\n]\n)(?=[^\n])");

    /**
     * How to format. Statuses and profile notes use {@link #STATUS}; profile field values use
     * {@link #fieldValue(boolean)} (Mastodon's {@code account_field_value_format}).
     *
     * @param multiline   wrap in paragraphs and turn line breaks into {@code <br />}
     * @param withDomains show every mention as {@code @user@domain} (local ones as {@code @user})
     * @param relMe       add {@code me} to the links' {@code rel}, for profile fields that verify a website
     */
    public record Options(boolean multiline, boolean withDomains, boolean relMe) {
        public static final Options STATUS = new Options(true, false, false);

        public static Options fieldValue(boolean relMe) {
            return new Options(false, true, relMe);
        }
    }

    private final String baseUrl;

    /** @param baseUrl this server's public URL, e.g. {@code https://example.com}; hashtags link below it */
    public StatusFormatter(String baseUrl) {
        String base = Objects.requireNonNull(baseUrl, "baseUrl");
        this.baseUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** A local status's text as HTML. */
    public String formatStatus(String text, MentionResolver mentions) {
        return format(text, mentions, Options.STATUS);
    }

    /** A local account's profile note as HTML (Mastodon formats it like a status: {@code account_bio_format}). */
    public String formatNote(String note, MentionResolver mentions) {
        return format(note, mentions, Options.STATUS);
    }

    /** A local account's profile field value as HTML: one line, mentions with their domain, links maybe rel=me. */
    public String formatFieldValue(String value, MentionResolver mentions, boolean relMe) {
        return format(value, mentions, Options.fieldValue(relMe));
    }

    /** Blank text gives the empty string, as on Mastodon. */
    public String format(String text, MentionResolver mentions, Options options) {
        if (StatusText.isBlank(text)) {
            return "";
        }
        Extracted extracted = StatusText.extract(text);
        Map<String, Optional<MentionedAccount>> accounts = resolve(extracted.mentions(),
                mentions == null ? MentionResolver.NONE : mentions);
        List<MentionedAccount> found = accounts.values().stream().flatMap(Optional::stream).toList();

        StringBuilder html = new StringBuilder(text.length() * 2);
        int last = 0;
        for (TextEntity entity : extracted.entities()) {
            html.append(Html.escape(text.substring(last, entity.start())));
            switch (entity) {
                case TextEntity.Url url -> html.append(shortenedLink(url.url(), options.relMe()));
                case TextEntity.Hashtag tag -> html.append(hashtagLink(tag.name()));
                case TextEntity.Mention mention -> html.append(mentionLink(mention,
                        accounts.get(key(mention)).orElse(null), found, options.withDomains()));
            }
            last = entity.end();
        }
        html.append(Html.escape(text.substring(last)));
        return options.multiline() ? simpleFormat(html.toString()) : html.toString();
    }

    /** The URL a hashtag links to: Mastodon's {@code tag_url}. */
    public String hashtagUrl(String name) {
        return baseUrl + "/tags/" + Html.escapePathSegment(name);
    }

    /**
     * Mastodon's {@code TextFormatter.shortened_link}: the link with its scheme hidden and everything after the
     * first 30 characters hidden too (the shown part then gets class {@code ellipsis}, which clients draw as
     * "…"). When only one character would be hidden it is shown instead (Mastodon PR #33229). Counts code points.
     */
    public static String shortenedLink(String url, boolean relMe) {
        Matcher m = URL_PREFIX.matcher(url);
        String prefix = m.lookingAt() ? m.group() : "";
        String rest = url.substring(prefix.length());
        String shown = rest;
        String hidden = "";
        if (rest.codePointCount(0, rest.length()) > SHOWN_URL_CHARACTERS) {
            int cut = rest.offsetByCodePoints(0, SHOWN_URL_CHARACTERS);
            shown = rest.substring(0, cut);
            hidden = rest.substring(cut);
        }
        if (hidden.codePointCount(0, hidden.length()) == 1) {
            shown = rest;
            hidden = "";
        }
        return "<a href=\"" + Html.escape(url) + "\" target=\"_blank\" rel=\"" + DEFAULT_REL + (relMe ? " me" : "")
                + "\" translate=\"no\"><span class=\"invisible\">" + Html.escape(prefix) + "</span><span class=\""
                + (hidden.isEmpty() ? "" : "ellipsis") + "\">" + Html.escape(shown)
                + "</span><span class=\"invisible\">" + Html.escape(hidden) + "</span></a>";
    }

    private String hashtagLink(String name) {
        return "<a href=\"" + Html.escape(hashtagUrl(name)) + "\" class=\"mention hashtag\" rel=\"tag\">#<span>"
                + Html.escape(name) + "</span></a>";
    }

    /**
     * Mastodon shows a mention as {@code @username}, or as {@code @username@domain} when asked to
     * ({@code with_domains}) or when another account mentioned in the same text has the same username on another
     * domain (its {@code same_username_hits} over the preloaded accounts). Unresolved: the text as typed.
     */
    private static String mentionLink(TextEntity.Mention mention, MentionedAccount account,
            List<MentionedAccount> found, boolean withDomains) {
        if (account == null) {
            return "@" + Html.escape(mention.acct());
        }
        boolean sameUsernameElsewhere = found.stream().anyMatch(other ->
                other.username().equalsIgnoreCase(account.username()) && !sameDomain(other, account));
        String shown = withDomains || sameUsernameElsewhere ? account.prettyAcct() : account.username();
        return "<span class=\"h-card\" translate=\"no\"><a href=\"" + Html.escape(account.url())
                + "\" class=\"u-url mention\">@<span>" + Html.escape(shown) + "</span></a></span>";
    }

    private static boolean sameDomain(MentionedAccount a, MentionedAccount b) {
        return a.domain() == null ? b.domain() == null : a.domain().equalsIgnoreCase(b.domain());
    }

    private static Map<String, Optional<MentionedAccount>> resolve(List<TextEntity.Mention> mentions,
            MentionResolver resolver) {
        Map<String, Optional<MentionedAccount>> accounts = new HashMap<>();
        for (TextEntity.Mention mention : mentions) {
            accounts.computeIfAbsent(key(mention), k -> {
                Optional<MentionedAccount> account = resolver.resolve(mention.username(), mention.domain());
                return account == null ? Optional.empty() : account;
            });
        }
        return accounts;
    }

    private static String key(TextEntity.Mention mention) {
        return mention.acct().toLowerCase(Locale.ROOT);
    }

    /**
     * Rails' {@code simple_format(html, {}, sanitize: false).delete("\n")}: CR LF and CR become LF; the text splits
     * into paragraphs at runs of two or more line breaks (a leading empty paragraph stays, trailing ones go, as
     * Ruby's {@code split} does); a line break between two other characters becomes {@code <br />}; then every
     * remaining line break is deleted.
     */
    static String simpleFormat(String html) {
        String text = html.replace("\r\n", "\n").replace('\r', '\n');
        String[] paragraphs = PARAGRAPH_BREAK.split(text);
        List<String> out = new ArrayList<>(paragraphs.length);
        for (String paragraph : paragraphs) {
            out.add("<p>" + LINE_BREAK.matcher(paragraph).replaceAll("$1<br />") + "</p>");
        }
        if (out.isEmpty()) {
            return "<p></p>";
        }
        return String.join("", out).replace("\n", "");
    }
}
