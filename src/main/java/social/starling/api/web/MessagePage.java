package social.starling.api.web;

import java.util.List;

/** A page that says one thing: a heading, a few plain-text paragraphs, and where to go next. */
public record MessagePage(String heading, List<String> paragraphs, List<Link> links) {
    public static MessagePage of(String heading, String... paragraphs) {
        return new MessagePage(heading, List.of(paragraphs), List.of());
    }

    public MessagePage with(Link... more) {
        return new MessagePage(heading, paragraphs, List.of(more));
    }
}
