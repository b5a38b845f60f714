package social.starling.api.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** An RSS 2.0 document: the channel and its items, each description the post's HTML, escaped. */
final class Rss {
    /** One item; {@code html} is escaped into the description. */
    record Item(String title, String link, Instant published, String html) {
    }

    private Rss() {
    }

    static String render(String title, String link, String description, String image, List<Item> items) {
        StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<rss version=\"2.0\">\n<channel>\n");
        element(out, "title", title);
        element(out, "link", link);
        element(out, "description", description);
        if (image != null) {
            out.append("<image>");
            element(out, "url", image);
            element(out, "title", title);
            element(out, "link", link);
            out.append("</image>\n");
        }
        for (Item item : items) {
            out.append("<item>\n");
            element(out, "title", item.title());
            element(out, "link", item.link());
            out.append("<guid isPermaLink=\"true\">").append(escape(item.link())).append("</guid>\n");
            element(out, "pubDate", DateTimeFormatter.RFC_1123_DATE_TIME.format(
                    item.published().atOffset(ZoneOffset.UTC)));
            element(out, "description", item.html());
            out.append("</item>\n");
        }
        return out.append("</channel>\n</rss>\n").toString();
    }

    private static void element(StringBuilder out, String name, String text) {
        out.append('<').append(name).append('>').append(escape(text == null ? "" : text)).append("</")
                .append(name).append(">\n");
    }

    /** XML text escaping; characters XML 1.0 forbids are dropped. */
    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        s.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&apos;");
                default -> {
                    if (c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD
                            || c >= 0x10000) {
                        b.appendCodePoint(c);
                    }
                }
            }
        });
        return b.toString();
    }
}
