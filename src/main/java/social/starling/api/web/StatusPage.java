package social.starling.api.web;

/**
 * One public or unlisted status ({@code /@name/id}), minimal until the web pages grow: author, content (HTML made
 * by Starling's formatter), content warning, when, the poll's options, the head tags, and the status's ActivityPub
 * id, for "interact from your server".
 */
public record StatusPage(String displayName, String handle, String profilePath, String spoilerText,
                         String contentHtml, String published, String edited, java.util.List<String> pollOptions,
                         Head head, String interactUri) {
}
