package social.starling.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Cases mostly from Mastodon's spec/lib/sanitize/config_spec.rb, plus XSS attempts. */
class HtmlSanitizerTest {
    private static String sanitize(String html) {
        return HtmlSanitizer.sanitize(html);
    }

    @Nested
    class MastodonStrict {
        @Test
        void convertsHeadingsToStrongParagraphs() {
            assertThat(sanitize("<h1>Foo</h1>")).isEqualTo("<p><strong>Foo</strong></p>");
            assertThat(sanitize("<h3 lang=\"en\" id=\"x\">Foo <i>bar</i></h3><p>baz</p>"))
                    .isEqualTo("<p><strong lang=\"en\">Foo <i>bar</i></strong></p><p>baz</p>");
        }

        @Test
        void keepsLists() {
            String html = "<p>Check out:</p><ul><li>Foo</li><li>Bar</li></ul>";
            assertThat(sanitize(html)).isEqualTo(html);
        }

        @Test
        void keepsStartAndReversedOfOrderedLists() {
            assertThat(sanitize("<ol start=\"3\" reversed=\"\"><li value=\"5\">Foo</li><li>Bar</li></ol>"))
                    .isEqualTo("<ol start=\"3\" reversed><li value=\"5\">Foo</li><li>Bar</li></ol>");
        }

        @Test
        void keepsRuby() {
            String html = "<p><ruby>明日 <rp>(</rp><rt>Ashita</rt><rp>)</rp></ruby></p>";
            assertThat(sanitize(html)).isEqualTo(html);
        }

        @Test
        void keepsInlineFormatting() {
            String html = "<p><b>b</b> <strong>s</strong> <i>i</i> <em>e</em> <u>u</u> <del>d</del> <s>s</s>"
                    + " <code>c</code></p><pre><code>x &lt; y</code></pre><blockquote><p>q</p></blockquote>";
            assertThat(sanitize(html)).isEqualTo(html);
        }

        @Test
        void keepsLangEverywhere() {
            assertThat(sanitize("<p lang=\"fr\">Bonjour <span lang=\"de\">Tag</span></p>"))
                    .isEqualTo("<p lang=\"fr\">Bonjour <span lang=\"de\">Tag</span></p>");
        }

        @Test
        void replacesALinkWithoutHrefByItsText() {
            assertThat(sanitize("<a>Test</a>")).isEqualTo("Test");
            assertThat(sanitize("<a><span class=\"invisible\">foo&amp;</span><span>Test</span></a>"))
                    .isEqualTo("foo&amp;Test");
        }

        @Test
        void replacesALinkWithAnUnsupportedSchemeByItsText() {
            assertThat(sanitize("<a href=\"foo://bar\">Test</a>")).isEqualTo("Test");
        }

        @Test
        void doesNotReinterpretHtmlWhenUnlinking() {
            assertThat(sanitize("<a href=\"foo://bar\">Test&lt;a href=\"https://example.com\"&gt;test&lt;/a&gt;</a>"))
                    .isEqualTo("Test&lt;a href=\"https://example.com\"&gt;test&lt;/a&gt;");
        }

        @Test
        void replacesARelativeOrUnparsableLinkByItsText() {
            assertThat(sanitize("<a href=\"/users/alice\">Test</a>")).isEqualTo("Test");
            assertThat(sanitize("<a href=\"//evil.example/\">Test</a>")).isEqualTo("Test");
            assertThat(sanitize("<a href=\" https://google.fr\">Test</a>")).isEqualTo("Test");
        }

        @Test
        void keepsALinkAndForcesRelAndTarget() {
            assertThat(sanitize("<a href=\"http://example.com\">Test</a>"))
                    .isEqualTo("<a href=\"http://example.com\" rel=\"nofollow noopener\" target=\"_blank\">Test</a>");
            assertThat(sanitize("<a href=\"https://example.com\" rel=\"me opener\" target=\"_self\">Test</a>"))
                    .isEqualTo("<a href=\"https://example.com\" rel=\"nofollow noopener\" target=\"_blank\">Test</a>");
        }

        @Test
        void keepsLinksOfEveryMastodonScheme() {
            for (String href : new String[] {"dweb:/a/foo", "gemini://example.org/", "magnet:?xt=urn:btih:c12f",
                    "xmpp:alice@example.com", "ipfs://bafy", "HTTPS://EXAMPLE.COM/"}) {
                assertThat(sanitize("<a href=\"" + href + "\">x</a>")).as(href)
                        .isEqualTo("<a href=\"" + href + "\" rel=\"nofollow noopener\" target=\"_blank\">x</a>");
            }
        }

        @Test
        void keepsTranslateOnlyWhenNo() {
            assertThat(sanitize("<a href=\"http://example.com\" translate=\"no\">Test</a>")).isEqualTo(
                    "<a href=\"http://example.com\" translate=\"no\" rel=\"nofollow noopener\" target=\"_blank\">Test</a>");
            assertThat(sanitize("<a href=\"http://example.com\" translate=\"foo\">Test</a>"))
                    .isEqualTo("<a href=\"http://example.com\" rel=\"nofollow noopener\" target=\"_blank\">Test</a>");
            assertThat(sanitize("<span translate=\"yes\">x</span>")).isEqualTo("<span>x</span>");
        }

        @Test
        void turnsMathIntoTex() {
            String math = "<math><semantics><mrow><msup><mi>x</mi><mi>n</mi></msup><mo>+</mo><mi>y</mi></mrow>"
                    + "<annotation encoding=\"application/x-tex\">x^n+y</annotation></semantics></math>";
            assertThat(sanitize(math)).isEqualTo("$x^n+y$");
            assertThat(sanitize(math.replace("<math>", "<math display=\"block\">"))).isEqualTo("$$x^n+y$$");
        }

        @Test
        void fallsBackToPlainTextMathAndPrefersTex() {
            assertThat(sanitize("<math><semantics><msqrt><mi>x</mi></msqrt>"
                    + "<annotation encoding=\"text/plain\">sqrt(x)</annotation></semantics></math>"))
                    .isEqualTo("sqrt(x)");
            assertThat(sanitize("<math><semantics><msqrt><mi>x</mi></msqrt>"
                    + "<annotation encoding=\"text/plain\">sqrt(x)</annotation>"
                    + "<annotation encoding=\"application/x-tex\">\\sqrt x</annotation></semantics></math>"))
                    .isEqualTo("$\\sqrt x$");
        }

        @Test
        void dropsMathWithoutAnnotation() {
            assertThat(sanitize("<p>a<math><mi>x</mi></math>b</p>")).isEqualTo("<p>ab</p>");
        }

        @Test
        void separatesTheContentOfRemovedBlocks() {
            assertThat(sanitize("a<div>b</div>c")).isEqualTo("a b c");
            assertThat(sanitize("<section><p>x</p></section>")).isEqualTo(" <p>x</p> ");
        }

        @Test
        void keepsTheTextOfOtherRemovedElements() {
            assertThat(sanitize("<p><font color=\"red\">red</font> <abbr title=\"t\">abbr</abbr></p>"))
                    .isEqualTo("<p>red abbr</p>");
        }

        @Test
        void stripsControlCharacters() {
            assertThat(sanitize("<p>a\u0001b\u007Fc\uFFFEd\tE</p>")).isEqualTo("<p>abcd\tE</p>");
        }

        @Test
        void leavesTextAlone() {
            assertThat(sanitize("plain & simple")).isEqualTo("plain &amp; simple");
            assertThat(sanitize("日本語 😀")).isEqualTo("日本語 😀");
            assertThat(sanitize("")).isEmpty();
            assertThat(sanitize(null)).isEmpty();
        }
    }

    @Nested
    class Classes {
        @Test
        void keepsMastodonsClasses() {
            String html = "<p><span class=\"h-card\"><a href=\"https://e.example/@a\" class=\"u-url mention\">"
                    + "@<span>a</span></a></span> <a href=\"https://e.example/tags/t\" class=\"mention hashtag\">"
                    + "#<span>t</span></a> <a href=\"https://e.example/x\"><span class=\"invisible\">https://</span>"
                    + "<span class=\"ellipsis\">e.example/x</span><span class=\"invisible\"></span></a></p>";
            String clean = sanitize(html);
            assertThat(clean).contains("<span class=\"h-card\">", "class=\"u-url mention\"",
                    "class=\"mention hashtag\"", "<span class=\"invisible\">https://</span>",
                    "<span class=\"ellipsis\">e.example/x</span>");
        }

        @Test
        void dropsOtherClasses() {
            assertThat(sanitize("<span class=\"invisible foo  ellipsis\">x</span>"))
                    .isEqualTo("<span class=\"invisible ellipsis\">x</span>");
            assertThat(sanitize("<span class=\"status-card hidden\">x</span>")).isEqualTo("<span>x</span>");
            assertThat(sanitize("<a href=\"https://e.example\" class=\"u-url mention button\">x</a>"))
                    .startsWith("<a href=\"https://e.example\" class=\"u-url mention\"");
        }

        @Test
        void keepsMicroformatsAndQuoteInline() {
            assertThat(sanitize("<p class=\"quote-inline\">RE: <a href=\"https://e.example/1\">x</a></p>"))
                    .startsWith("<p class=\"quote-inline\">RE: ");
            assertThat(sanitize("<span class=\"p-name dt-published e-content x-other\">x</span>"))
                    .isEqualTo("<span class=\"p-name dt-published e-content\">x</span>");
        }

        @Test
        void dropsClassesFromElementsThatMayNotHaveThem() {
            assertThat(sanitize("<b class=\"mention\">x</b>")).isEqualTo("<b>x</b>");
        }
    }

    @Nested
    class Xss {
        @ParameterizedTest
        @ValueSource(strings = {
            "<a href=\"javascript:alert(1)\">click</a>",
            "<a href=\"JaVaScRiPt:alert(1)\">click</a>",
            "<a href=\" javascript:alert(1)\">click</a>",
            "<a href=\"java\tscript:alert(1)\">click</a>",
            "<a href=\"javascript&#58;alert(1)\">click</a>",
            "<a href=\"javascript&#x3A;alert(1)\">click</a>",
            "<a href=\"&#106;avascript:alert(1)\">click</a>",
            "<a href=\"vbscript:msgbox(1)\">click</a>",
            "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">click</a>",
        })
        void unlinksScriptUrls(String html) {
            assertThat(sanitize(html)).isEqualTo("click");
        }

        @Test
        void dropsEventHandlersAndStyles() {
            assertThat(sanitize("<p onclick=\"alert(1)\" style=\"color:red\" class=\"x\">hi</p>")).isEqualTo("<p>hi</p>");
            assertThat(sanitize("<a href=\"https://e.example\" onmouseover=\"alert(1)\" style=\"x\">hi</a>"))
                    .isEqualTo("<a href=\"https://e.example\" rel=\"nofollow noopener\" target=\"_blank\">hi</a>");
            assertThat(sanitize("<span onfocus=alert(1) autofocus tabindex=1>hi</span>")).isEqualTo("<span>hi</span>");
        }

        @Test
        void dropsImagesAndEmbeds() {
            assertThat(sanitize("<p>a<img src=x onerror=alert(1)>b</p>")).isEqualTo("<p>ab</p>");
            assertThat(sanitize("<iframe src=\"https://evil.example\">inside</iframe>ok")).isEqualTo("ok");
            assertThat(sanitize("<object data=\"x.swf\"></object><embed src=\"x.swf\">ok")).isEqualTo("ok");
            assertThat(sanitize("<video src=x></video><audio src=y></audio>ok")).isEqualTo("ok");
        }

        @Test
        void dropsScriptsAndStylesWithTheirContent() {
            assertThat(sanitize("<script>alert(1)</script>ok")).isEqualTo("ok");
            assertThat(sanitize("<p>a<style>p{color:red}</style>b</p>")).isEqualTo("<p>ab</p>");
            assertThat(sanitize("<svg onload=alert(1)><text>svg</text></svg>ok")).isEqualTo("ok");
            assertThat(sanitize("<noscript><p>x</p></noscript>ok")).isEqualTo("ok");
        }

        @Test
        void dropsFormsButKeepsTheirText() {
            assertThat(sanitize("<form action=\"https://evil.example\"><input value=\"x\">Name<button>Go</button></form>"))
                    .isEqualTo("NameGo");
        }

        @Test
        void escapesTextThatLooksLikeMarkup() {
            assertThat(sanitize("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"))
                    .isEqualTo("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>");
            assertThat(sanitize("<textarea><script>alert(1)</script></textarea>"))
                    .isEqualTo("&lt;script&gt;alert(1)&lt;/script&gt;");
        }

        @Test
        void dropsCommentsAndBrokenMarkup() {
            assertThat(sanitize("<p>a<!-- <script>alert(1)</script> -->b</p>")).isEqualTo("<p>ab</p>");
            assertThat(sanitize("<p>a<scr<script>ipt>alert(1)</script>b")).doesNotContain("<script");
            assertThat(sanitize("<a href=\"https://e.example\" <img src=x onerror=alert(1)>x</a>"))
                    .doesNotContain("onerror").doesNotContain("<img");
        }

        @Test
        void quotesAttributesSafely() {
            assertThat(sanitize("<a href='https://e.example/\"onmouseover=\"alert(1)'>x</a>"))
                    .isEqualTo("<a href=\"https://e.example/&quot;onmouseover=&quot;alert(1)\" rel=\"nofollow noopener\""
                            + " target=\"_blank\">x</a>");
        }

        @Test
        void survivesDeepNesting() {
            String deep = "<div>".repeat(20_000) + "x" + "</div>".repeat(20_000);
            assertThat(sanitize(deep)).contains("x").doesNotContain("<div");
            String links = "<a>".repeat(5_000) + "x";
            assertThat(sanitize(links)).isEqualTo("x");
        }

        @Test
        void isIdempotent() {
            String html = "<p>Hi <span class=\"h-card\"><a href=\"https://e.example/@a\" class=\"u-url mention\">@"
                    + "<span>a</span></a></span><br>bye <a href=\"https://e.example/x\">link</a></p><h2>T</h2>";
            String once = sanitize(html);
            assertThat(sanitize(once)).isEqualTo(once);
        }
    }

    @Nested
    class PlainText {
        @Test
        void putsALineBreakAfterParagraphsAndBreaks() {
            assertThat(HtmlSanitizer.toPlainText("<p>a</p><p>b<br>c<br />d</p>")).isEqualTo("a\nb\nc\nd");
        }

        @Test
        void collapsesARunOfBreaksAndParagraphEnds() {
            assertThat(HtmlSanitizer.toPlainText("<p>a<br></p><p>b</p>")).isEqualTo("a\nb");
            assertThat(HtmlSanitizer.toPlainText("<p>a<br><br>b</p>")).isEqualTo("a\nb");
            assertThat(HtmlSanitizer.toPlainText("<p>a<br><span></span><br>b</p>")).isEqualTo("a\n\nb");
        }

        @Test
        void keepsWhiteSpaceBetweenParagraphs() {
            assertThat(HtmlSanitizer.toPlainText("<p>a</p>\n<p>b</p>")).isEqualTo("a\n\nb");
        }

        @Test
        void decodesEntitiesAndDropsTags() {
            assertThat(HtmlSanitizer.toPlainText("<p>Fish &amp; chips &lt;3 <a href=\"x\"><span class=\"invisible\">"
                    + "https://</span>e.example</a>&nbsp;!</p>")).isEqualTo("Fish & chips <3 https://e.example\u00A0!");
        }

        @Test
        void ignoresScripts() {
            assertThat(HtmlSanitizer.toPlainText("a<script>alert(1)</script><style>p{}</style>b")).isEqualTo("ab");
        }

        @Test
        void handlesNothing() {
            assertThat(HtmlSanitizer.toPlainText(null)).isEmpty();
            assertThat(HtmlSanitizer.toPlainText("")).isEmpty();
            assertThat(HtmlSanitizer.toPlainText("plain")).isEqualTo("plain");
        }
    }
}
