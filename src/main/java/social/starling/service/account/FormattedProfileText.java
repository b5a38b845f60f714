package social.starling.service.account;

import social.starling.text.MentionResolver;
import social.starling.text.StatusFormatter;

/** Profile texts formatted as Mastodon does: bios with paragraphs, links, mentions and hashtags; field values with
 * links marked {@code rel="me"} for verification. */
public final class FormattedProfileText implements ProfileText {
    private final StatusFormatter formatter;
    private final MentionResolver mentions;

    public FormattedProfileText(StatusFormatter formatter, MentionResolver mentions) {
        this.formatter = formatter;
        this.mentions = mentions;
    }

    @Override
    public String noteHtml(String plainText) {
        return plainText == null || plainText.isBlank() ? "" : formatter.formatNote(plainText, mentions);
    }

    @Override
    public String fieldValueHtml(String plainText) {
        return plainText == null ? "" : formatter.formatFieldValue(plainText, mentions, true);
    }
}
