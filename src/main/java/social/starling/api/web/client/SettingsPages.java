package social.starling.api.web.client;

import java.util.List;
import social.starling.model.oauth.AuthorizedApplication;

/**
 * The models of the web client's settings pages ({@code client/settings_*.jte}). Each form page carries what the
 * member typed (so a refused form comes back filled in) and the messages that refused it.
 */
public final class SettingsPages {
    private SettingsPages() {
    }

    /** One profile field as typed. */
    public record Field(String name, String value) {
    }

    /** {@code /web/settings/profile}: the texts as typed (the bio's source, not its HTML) and the flags. */
    public record Profile(ClientNav nav, String acct, String avatar, String header, String displayName, String note,
                          List<Field> fields, boolean locked, boolean bot, boolean discoverable, boolean indexable,
                          List<String> errors, boolean saved) {
    }

    /** {@code /web/settings/preferences}: the posting defaults (Mastodon's {@code source[...]}). */
    public record Preferences(ClientNav nav, String privacy, String language, boolean sensitive, List<String> errors,
                              boolean saved) {
    }

    /** {@code /web/settings/password}. */
    public record Password(ClientNav nav, List<String> errors, boolean saved) {
    }

    /** {@code /web/settings/applications}: the apps with live tokens. */
    public record Applications(ClientNav nav, List<AuthorizedApplication> applications, boolean revoked) {
    }

    /** {@code /web/settings/export}. */
    public record Export(ClientNav nav, int following) {
    }
}
