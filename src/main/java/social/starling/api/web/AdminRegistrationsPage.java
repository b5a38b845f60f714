package social.starling.api.web;

import java.util.List;

/** {@code /admin/settings/registrations}: the registration mode, and the sign-up limits set in the configuration. */
public record AdminRegistrationsPage(AdminNav nav, String notice, List<Option> modes, List<Fact> configured) {
    public record Option(String value, String label, String summary, boolean checked) {
    }

    public record Fact(String name, String value) {
    }
}
