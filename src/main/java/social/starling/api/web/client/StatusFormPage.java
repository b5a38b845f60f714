package social.starling.api.web.client;

import social.starling.convert.entity.StatusEntity;

/**
 * A page about one of the member's own statuses with a form: editing it ({@code form} set) or confirming its
 * deletion ({@code form} null); {@code returnTo} is where the page goes afterwards.
 */
public record StatusFormPage(ClientNav nav, String heading, StatusEntity status, ComposeForm form, String returnTo) {
}
