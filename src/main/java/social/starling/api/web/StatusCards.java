package social.starling.api.web;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import social.starling.convert.MediaAttachmentApiMapper;
import social.starling.model.Account;
import social.starling.model.LocalUris;
import social.starling.model.MediaAttachment;
import social.starling.model.Status;
import social.starling.model.Visibility;
import social.starling.model.view.StatusView;

/**
 * Statuses as cards on the public pages (profiles, hashtags, the front door): public posts only, never boosts, a
 * local one linking to its page here and a remote one to its original. Shared by {@link ProfilePageHandler} and
 * {@link AboutHandler}, so every public list shows a status the same way.
 */
public final class StatusCards {
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'",
            Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final LocalUris uris;
    private final MediaAttachmentApiMapper media;
    private final String domain;

    public StatusCards(LocalUris uris, MediaAttachmentApiMapper media, String domain) {
        this.uris = uris;
        this.media = media;
        this.domain = domain;
    }

    /** Public posts only, never boosts: a list on a public page. */
    static List<StatusView> listed(List<StatusView> views) {
        return views.stream().filter(v -> v.reblog() == null && !v.status().isReblog()
                && v.status().visibility() == Visibility.PUBLIC).toList();
    }

    List<StatusCard> cards(List<StatusView> views) {
        return listed(views).stream().map(this::card).toList();
    }

    StatusCard card(StatusView v) {
        Status s = v.status();
        Account a = v.account();
        String spoiler = s.spoilerText() == null || s.spoilerText().isEmpty() ? null : s.spoilerText();
        return new StatusCard(displayName(a), "@" + a.username() + "@" + (a.isLocal() ? domain : a.domain()),
                profileUrl(a), s.content() == null ? "" : s.content(), spoiler, WHEN.format(s.createdAt()),
                s.createdAt().toString(), statusUrl(v), v.media().stream().map(this::thumbnail)
                .filter(t -> t.previewUrl() != null).toList());
    }

    private StatusCard.Thumbnail thumbnail(MediaAttachment m) {
        var e = media.toApi(m);
        String url = e.url() != null ? e.url() : e.remoteUrl();
        return new StatusCard.Thumbnail(url, e.previewUrl() != null ? e.previewUrl() : url, e.description());
    }

    /** A local status's page here; a remote status's own page (or id). */
    static String statusUrl(StatusView v) {
        Account a = v.account();
        if (a.isLocal()) {
            return "/@" + a.username() + "/" + v.status().id();
        }
        return v.status().url() != null ? v.status().url() : v.status().uri();
    }

    /** A local member's profile here; a remote account's profile here ({@code /@user@domain}). */
    static String profileUrl(Account a) {
        return a.isLocal() ? "/@" + a.username() : "/@" + a.username() + "@" + a.domain();
    }

    static String displayName(Account a) {
        return a.displayName() == null || a.displayName().isBlank() ? a.username() : a.displayName();
    }

    String avatar(Account a) {
        return a.avatarFile() == null ? null : uris.media(a.avatarFile());
    }
}
