package social.starling.api.web.client;

/** The posting form alone on a page: shown again, with the service's message, when posting failed. */
public record ComposePage(ClientNav nav, String heading, ComposeForm form, String returnTo) {
}
