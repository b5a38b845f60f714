package social.starling.text;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Cleans HTML from other servers to what Mastodon keeps ({@code Sanitize::Config::MASTODON_STRICT},
 * lib/sanitize_ext/sanitize_config.rb), and turns HTML back into plain text.
 *
 * <p>{@link #sanitize} works in three passes:
 * <ol>
 *   <li>Mastodon's transformers, on the parsed tree: MathML with a TeX or plain-text annotation becomes that text
 *       ({@code $…$}, {@code $$…$$} for display blocks); {@code script style iframe svg math noscript noembed
 *       noframes plaintext xmp} go with their content (Sanitize's {@code remove_contents}); {@code h1}–{@code h6}
 *       become {@code <p><strong>…</strong></p>}; a link whose {@code href} is missing, relative or of a scheme
 *       outside {@link #LINK_PROTOCOLS} becomes its bare text; removed block elements ({@code div},
 *       {@code section}, …) leave a space either side so words do not run together (Sanitize's
 *       {@code whitespace_elements}).</li>
 *   <li>jsoup's {@link Cleaner} with the allowlist below, which also forces
 *       {@code rel="nofollow noopener" target="_blank"} on every link. Everything else (img, style attributes,
 *       event handlers, forms, comments) is dropped; the text inside a dropped element stays.</li>
 *   <li>What a Safelist cannot express: {@code class} keeps only microformats classes ({@code h-* p-* u-* dt-*
 *       e-*}), {@code mention}, {@code hashtag}, {@code ellipsis}, {@code invisible} and {@code quote-inline}
 *       (Mastodon 4.4+ quote fallback paragraphs, which clients hide); {@code translate} survives only as
 *       {@code "no"}. An emptied {@code class} is removed (Mastodon leaves {@code class=""}).</li>
 * </ol>
 *
 * <p>Allowed: {@code p br span a del s pre blockquote code b strong u i em ul ol li ruby rt rp}; {@code lang} on
 * all of them; {@code a[href rel class translate]}, {@code span[class translate]}, {@code ol[start reversed]},
 * {@code li[value]}, {@code p[class]}.
 */
public final class HtmlSanitizer {
    /** Mastodon's {@code LINK_PROTOCOLS}: the schemes a remote link may use. */
    public static final Set<String> LINK_PROTOCOLS = Set.of("http", "https", "dat", "dweb", "ipfs", "ipns", "ssb",
            "gopher", "xmpp", "magnet", "gemini");

    static final Set<String> ELEMENTS = Set.of("p", "br", "span", "a", "del", "s", "pre", "blockquote", "code", "b",
            "strong", "u", "i", "em", "ul", "ol", "li", "ruby", "rt", "rp");

    /** Sanitize's default {@code remove_contents}: dropped together with everything inside. */
    private static final Set<String> REMOVE_CONTENTS = Set.of("iframe", "math", "noembed", "noframes", "noscript",
            "plaintext", "script", "style", "svg", "xmp");

    /** Sanitize's default {@code whitespace_elements} that MASTODON_STRICT removes: replaced by " content ". */
    private static final Set<String> WHITESPACE_ELEMENTS = Set.of("address", "article", "aside", "dd", "div", "dl",
            "dt", "footer", "header", "hgroup", "hr", "nav", "section");

    private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");

    private static final Set<String> KEPT_CLASSES = Set.of("mention", "hashtag", "ellipsis", "invisible",
            "quote-inline");
    private static final Pattern MICROFORMAT_CLASS = Pattern.compile("(h|p|u|dt|e)-.*");
    private static final Pattern CLASS_SEPARATORS = Pattern.compile("[\\t\\n\\f\\r ]+");

    private static final Safelist SAFELIST = new Safelist()
            .addTags(ELEMENTS.toArray(String[]::new))
            .addAttributes(":all", "lang")
            .addAttributes("a", "href", "rel", "class", "translate")
            .addAttributes("span", "class", "translate")
            .addAttributes("ol", "start", "reversed")
            .addAttributes("li", "value")
            .addAttributes("p", "class")
            .addProtocols("a", "href", LINK_PROTOCOLS.toArray(String[]::new))
            .addEnforcedAttribute("a", "rel", StatusFormatter.DEFAULT_REL)
            .addEnforcedAttribute("a", "target", "_blank")
            .preserveRelativeLinks(true);

    private HtmlSanitizer() {
    }

    /** Remote HTML reduced to Mastodon's allowlist; safe to embed in a page or hand to a client. */
    public static String sanitize(String html) {
        if (html == null || html.isEmpty()) {
            return "";
        }
        Document dirty = Jsoup.parseBodyFragment(stripUnsuitableCharacters(html));
        applyMastodonTransformers(dirty.body());
        Document clean = new Cleaner(SAFELIST).clean(dirty);
        for (Element element : clean.body().getAllElements()) {
            filterClasses(element);
            if (element.hasAttr("translate") && !element.attr("translate").equals("no")) {
                element.removeAttr("translate");
            }
        }
        clean.outputSettings().prettyPrint(false);
        return clean.body().html();
    }

    /**
     * HTML as plain text, for search, notifications and length checks: Mastodon's {@code PlainTextFormatter}. Tags
     * go, entities are decoded, a line break follows each run of {@code <br>} and {@code </p>}, and one final line
     * break is dropped. Script and style content is not text.
     */
    public static String toPlainText(String html) {
        if (html == null || html.isEmpty()) {
            return "";
        }
        Document document = Jsoup.parseBodyFragment(html);
        StringBuilder out = new StringBuilder(html.length());
        NodeTraversor.traverse(new NodeVisitor() {
            private boolean newlinePending;

            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode text) {
                    if (text.getWholeText().isEmpty() || insideNonText(text)) {
                        return;
                    }
                    flush();
                    out.append(text.getWholeText());
                } else if (node instanceof Element element && depth > 0) {
                    if (element.normalName().equals("br")) {
                        newlinePending = true;
                    } else {
                        flush();
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element && depth > 0 && !element.normalName().equals("br")) {
                    if (element.normalName().equals("p")) {
                        newlinePending = true;
                    } else {
                        flush();
                    }
                }
                if (depth == 0) {
                    flush();
                }
            }

            private void flush() {
                if (newlinePending) {
                    out.append('\n');
                    newlinePending = false;
                }
            }
        }, document.body());
        int length = out.length();
        if (length > 0 && out.charAt(length - 1) == '\n') {
            out.setLength(length > 1 && out.charAt(length - 2) == '\r' ? length - 2 : length - 1);
        } else if (length > 0 && out.charAt(length - 1) == '\r') {
            out.setLength(length - 1);
        }
        return out.toString();
    }

    private static boolean insideNonText(TextNode text) {
        Node parent = text.parentNode();
        return parent instanceof Element element && (element.normalName().equals("script")
                || element.normalName().equals("style"));
    }

    /**
     * Sanitize's first step, {@code REGEX_UNSUITABLE_CHARS}: C0/C1 control characters other than tab, line feed,
     * form feed and carriage return, and Unicode non-characters, are removed before parsing.
     */
    static String stripUnsuitableCharacters(String html) {
        StringBuilder out = null;
        for (int i = 0; i < html.length(); ) {
            int cp = html.codePointAt(i);
            int next = i + Character.charCount(cp);
            boolean unsuitable = (cp <= 0x08) || cp == 0x0B || (cp >= 0x0E && cp <= 0x1F) || (cp >= 0x7F && cp <= 0x9F)
                    || (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE;
            if (unsuitable && out == null) {
                out = new StringBuilder(html.length()).append(html, 0, i);
            } else if (!unsuitable && out != null) {
                out.appendCodePoint(cp);
            }
            i = next;
        }
        return out == null ? html : out.toString();
    }

    /**
     * Mastodon's transformers, parent before children as Sanitize runs them. Iterates over a flat list (no
     * recursion, so deep nesting cannot overflow the stack); an element inside one already removed is skipped.
     */
    private static void applyMastodonTransformers(Element body) {
        Set<Node> removed = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Element element : new ArrayList<>(body.getAllElements())) {
            if (element == body) {
                continue;
            }
            if (element.parent() == null || removed.contains(element.parent())) {
                removed.add(element);
                continue;
            }
            String name = element.normalName();
            if (name.equals("math") && replaceMath(element)) {
                removed.add(element);
            } else if (REMOVE_CONTENTS.contains(name)) {
                element.remove();
                removed.add(element);
            } else if (name.equals("a") && !hasAllowedHref(element)) {
                element.replaceWith(new TextNode(element.wholeText()));
                removed.add(element);
            } else if (HEADINGS.contains(name)) {
                element.tagName("strong");
                Element paragraph = new Element("p");
                element.replaceWith(paragraph);
                paragraph.appendChild(element);
            } else if (WHITESPACE_ELEMENTS.contains(name)) {
                // Inside rather than beside: the Cleaner unwraps the element, so the spaces end up beside its
                // content all the same, and jsoup inserts siblings in time proportional to the nesting depth.
                element.prependChild(new TextNode(" "));
                element.appendChild(new TextNode(" "));
            }
        }
    }

    /**
     * Mastodon's {@code UNSUPPORTED_HREF_TRANSFORMER}: the scheme is what precedes the first colon, provided no
     * {@code /} or {@code #} comes first; no scheme means relative, which is not allowed either. Leading white
     * space makes the scheme unknown, as in Mastodon's spec ("removes a with unparsable href").
     */
    static boolean hasAllowedHref(Element link) {
        if (!link.hasAttr("href")) {
            return false;
        }
        String href = link.attr("href");
        int colon = href.indexOf(':');
        if (colon <= 0) {
            return false;
        }
        String scheme = href.substring(0, colon);
        if (scheme.indexOf('/') >= 0 || scheme.indexOf('#') >= 0) {
            return false;
        }
        return LINK_PROTOCOLS.contains(scheme.toLowerCase(Locale.ROOT));
    }

    /**
     * Mastodon's {@code MATH_TRANSFORMER} (FEP-dc88): {@code <math><semantics>…<annotation encoding=…>} becomes the
     * TeX annotation in dollars, or else the plain-text annotation. Returns false when there is neither, and the
     * caller then drops the math with its content.
     */
    private static boolean replaceMath(Element math) {
        Element semantics = math.firstElementChild();
        if (semantics == null || !semantics.normalName().equals("semantics")) {
            return false;
        }
        Element tex = annotation(semantics, "application/x-tex");
        if (tex != null) {
            String dollars = "block".equals(math.attr("display")) ? "$$" : "$";
            math.replaceWith(new TextNode(dollars + tex.wholeText() + dollars));
            return true;
        }
        Element plain = annotation(semantics, "text/plain");
        if (plain != null) {
            math.replaceWith(new TextNode(plain.wholeText()));
            return true;
        }
        return false;
    }

    private static Element annotation(Element semantics, String encoding) {
        for (Element child : semantics.children()) {
            if (child.normalName().equals("annotation") && encoding.equals(child.attr("encoding"))) {
                return child;
            }
        }
        return null;
    }

    /** Mastodon's {@code ALLOWED_CLASS_TRANSFORMER}. */
    private static void filterClasses(Element element) {
        if (!element.hasAttr("class")) {
            return;
        }
        String kept = CLASS_SEPARATORS.splitAsStream(element.attr("class"))
                .filter(c -> KEPT_CLASSES.contains(c) || MICROFORMAT_CLASS.matcher(c).matches())
                .collect(Collectors.joining(" "));
        if (kept.isEmpty()) {
            element.removeAttr("class");
        } else {
            element.attr("class", kept);
        }
    }
}
